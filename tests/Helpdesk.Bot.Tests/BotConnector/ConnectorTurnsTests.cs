using System.Net;
using Helpdesk.Bot.Connector;
using Helpdesk.Channels.BotConnector;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Storage;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.BotConnector;

/// <summary>
/// The channel's 200 does not wait for the turn (checklist 9), and a turn accepted but not yet run
/// survives the host stopping. The bot here waits for a dependency the test opens when it chooses.
/// </summary>
public sealed class ConnectorTurnsTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _dependency = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConnectorHost _host;

    public ConnectorTurnsTests() =>
        _host = new ConnectorHost((builder, _) => builder.ConfigureTestServices(services => services.AddSingleton(provider =>
            ActivatorUtilities.CreateInstance<ConnectorTurns>(provider, (IDirectLineBot)new SlowDependencyBot(provider.GetRequiredService<ConnectorBot>(), _dependency.Task)))));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _host.InitializeAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_message_is_answered_200_while_its_turn_still_waits_and_the_reply_reaches_the_channel_later()
    {
        using var response = await _host.PostAsync(Message("slow-1", "m1", "I want to talk to a person"), _host.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Channel.Calls); // the turn is still waiting for its dependency
        _dependency.SetResult();
        await _host.CallsAsync(until: c => c.Path == "/v3/conversations/slow-1/activities/m1");
    }

    [Fact]
    public async Task A_turn_accepted_before_the_host_stopped_runs_once_after_it_starts_again()
    {
        using (var response = await _host.PostAsync(Message("restart-1", "m1", "I want to talk to a person"), _host.ValidToken()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        _host.RestartBot();
        _dependency.SetResult();

        await _host.CallsAsync(until: c => c.Path == "/v3/conversations/restart-1/activities/m1");
        var store = (ITriageStore)_host.Bot.Factory.Services.GetService(typeof(ITriageStore))!;
        var transcript = (await store.LoadAsync("restart-1", Cancel))!.State.Transcript;
        Assert.Single(transcript, entry => entry.Role == "user" && entry.Text == "I want to talk to a person");
    }

    private Dictionary<string, object?> Message(string conversation, string id, string text) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "webchat",
        ["serviceUrl"] = _host.Channel.ServiceUrl,
        ["from"] = new { id = "user-1", name = "Ana" },
        ["recipient"] = new { id = "bot-1", name = "Support" },
        ["conversation"] = new { id = conversation },
        ["text"] = text,
    };

    /// <summary>The real bot, once a dependency it waits for is there (as long as the test likes).</summary>
    private sealed class SlowDependencyBot(IDirectLineBot bot, Task dependency) : IDirectLineBot
    {
        public async Task<IReadOnlyList<Activity>> OnActivityAsync(Activity activity, CancellationToken cancellationToken)
        {
            await dependency.WaitAsync(cancellationToken);
            return await bot.OnActivityAsync(activity, cancellationToken);
        }
    }
}
