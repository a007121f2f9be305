using Helpdesk.Bot.Agents;
using Helpdesk.Bot.Classifier;
using Helpdesk.Bot.Connector;
using Helpdesk.Bot.Conversation;
using Helpdesk.Bot.Endpoints;
using Helpdesk.Bot.Hosting;
using Helpdesk.Bot.Knowledge;
using Helpdesk.Bot.Teams;
using Helpdesk.Bot.Webhooks;
using Helpdesk.Channels.BotConnector;

var builder = WebApplication.CreateBuilder(args);
builder.AddHelpdeskDefaults();
builder.AddIntentClassifier();
builder.AddKnowledgeBase();
builder.AddConversation();
builder.AddWebhooks();
builder.AddAgentConsole();
builder.AddBotConnector();
builder.AddAgentsChannel();

var app = builder.Build();
app.UseWebSockets();
app.UseChatPage();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapHealthEndpoints();
app.MapArticleEndpoints();
app.MapChatEndpoints();
app.MapBotConnector();
app.MapSignIn();
app.MapAgentApi();
app.MapAdminApi();
app.MapMetrics();
app.MapOpenApi();
app.Run();

/// <summary>The host's entry point, visible to the in-process test host.</summary>
public partial class Program;
