using Helpdesk.Bot.Classifier;
using Helpdesk.Bot.Endpoints;
using Helpdesk.Bot.Hosting;
using Helpdesk.Bot.Knowledge;

var builder = WebApplication.CreateBuilder(args);
builder.AddHelpdeskDefaults();
builder.AddIntentClassifier();
builder.AddKnowledgeBase();

var app = builder.Build();
app.UseAntiforgery();
app.MapHealthEndpoints();
app.MapArticleEndpoints();
app.Run();

/// <summary>The host's entry point, visible to the in-process test host.</summary>
public partial class Program;
