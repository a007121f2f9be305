using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using Helpdesk.LoadTest.Connector;
using Helpdesk.LoadTest.DirectLine;
using Helpdesk.LoadTest.Reporting;
using Helpdesk.LoadTest.Running;
using Helpdesk.LoadTest.Webhooks;

namespace Helpdesk.LoadTest;

internal static class LoadTestCommand
{
    public static RootCommand Create()
    {
        var url = new Option<string>("--url") { Description = "The bot's address, e.g. http://127.0.0.1:5180.", Required = true };
        var conversations = new Option<int>("--conversations") { Description = "How many conversations to measure.", Required = true };
        var concurrency = new Option<int?>("--concurrency") { Description = "How many conversations run at once (default: all of them)." };
        var warmup = new Option<int>("--warmup") { Description = "Conversations run first and left out of the figures.", DefaultValueFactory = _ => 0 };
        var json = new Option<string?>("--json") { Description = "Also write the report to this JSON file." };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds one request (in connector mode also the wait for a turn's reply) may take before it counts as an error.",
            DefaultValueFactory = _ => 100,
        };
        var thinkTime = new Option<int>("--think-time")
        {
            Description = "Mean milliseconds a customer takes before each message (0: send as fast as replies come).",
            DefaultValueFactory = _ => 0,
        };
        var webhookListen = new Option<string?>("--webhook-listen")
        {
            Description = "Receive the host's webhooks on this http address (any path) and check that every case's arrives once.",
        };
        var webhookSecret = new Option<string?>("--webhook-secret") { Description = "The destination's signing secret (whsec_<base64> or text)." };
        var webhookWait = new Option<int>("--webhook-wait")
        {
            Description = "Seconds to wait after the conversations for every case's webhook.",
            DefaultValueFactory = _ => 30,
        };
        var webhookFailFirst = new Option<int>("--webhook-fail-first")
        {
            Description = "Answer 503 to the first N attempts of each event, so the host must retry.",
            DefaultValueFactory = _ => 0,
        };
        var channel = new Option<string>("--channel")
        {
            Description = "How the conversations reach the bot: directline (as Web Chat does) or connector (as Azure Bot Service posts to /api/messages).",
            DefaultValueFactory = _ => LoadReport.DirectLineChannel,
        };
        channel.AcceptOnlyFromAmong(LoadReport.DirectLineChannel, LoadReport.ConnectorChannel);
        var channelListen = new Option<string?>("--channel-listen")
        {
            Description = "Connector mode: the http address (no path) where the tool plays Azure Bot Service's token issuer, token endpoint and Connector; also the activities' serviceUrl.",
        };
        var appId = new Option<string?>("--app-id") { Description = "Connector mode: the bot's Microsoft App ID, the audience of the channel tokens." };
        var issuer = new Option<string>("--issuer")
        {
            Description = "Connector mode: the issuer the channel tokens name; the host must trust it.",
            DefaultValueFactory = _ => ConnectorSettings.DefaultIssuer,
        };
        var clientSecret = new Option<string>("--client-secret")
        {
            Description = "Connector mode: the client secret the host must present for its tokens.",
            DefaultValueFactory = _ => ConnectorSettings.DefaultClientSecret,
        };
        var expectReplies = new Option<bool>("--expect-replies")
        {
            Description = "Connector mode: send activities with deliveryMode expectReplies, so the bot answers each in its response (the POST holds the whole turn) rather than through the Connector.",
        };
        url.Validators.Add(result =>
        {
            if (LoadTestSettings.ParseUrl(result.GetValueOrDefault<string>()) is null) result.AddError("--url must be an absolute http or https address.");
        });
        AtLeast(conversations, 1);
        AtLeast(warmup, 0);
        AtLeast(timeout, 1);
        AtLeast(thinkTime, 0);
        AtLeast(webhookWait, 0);
        AtLeast(webhookFailFirst, 0);
        webhookListen.Validators.Add(result =>
        {
            if (WebhookSettings.ParseListen(result.GetValueOrDefault<string?>()) is null) result.AddError("--webhook-listen must be an absolute http address.");
        });
        channelListen.Validators.Add(result =>
        {
            if (ConnectorSettings.ParseListen(result.GetValueOrDefault<string?>()) is null)
            {
                result.AddError("--channel-listen must be an absolute http address with no path, e.g. http://127.0.0.1:5198/.");
            }
        });
        NotEmpty(appId);
        NotEmpty(issuer);
        NotEmpty(clientSecret);
        concurrency.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1) result.AddError("--concurrency must be at least 1.");
        });

        var root = new RootCommand(
            "Drive customer conversations through the whole triage, over Direct Line or through the Bot Connector endpoint as Azure Bot Service would, and report throughput and latency.")
        {
            url, conversations, concurrency, warmup, json, timeout, thinkTime, webhookListen, webhookSecret, webhookWait, webhookFailFirst,
            channel, channelListen, appId, issuer, clientSecret, expectReplies,
        };
        root.Validators.Add(result =>
        {
            if (result.GetValue(conversations) + result.GetValue(warmup) > TriageScript.MaxConversations)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture,
                    $"--conversations and --warmup together may not exceed {TriageScript.MaxConversations}: account numbers have five digits."));
            }

            bool Given(Option option) => result.GetResult(option) is { Implicit: false };
            if (Given(webhookListen) && string.IsNullOrEmpty(result.GetValue(webhookSecret))) result.AddError("--webhook-listen needs --webhook-secret.");
            if (!Given(webhookListen) && (Given(webhookSecret) || Given(webhookWait) || Given(webhookFailFirst)))
            {
                result.AddError("--webhook-secret, --webhook-wait and --webhook-fail-first go with --webhook-listen.");
            }

            // Read from the tokens: the value itself throws when it is not one of the choices (reported on its own).
            if (result.GetResult(channel) is { Implicit: false, Tokens: [.., { Value: LoadReport.ConnectorChannel }] })
            {
                if (!Given(channelListen)) result.AddError("--channel connector needs --channel-listen.");
                if (!Given(appId)) result.AddError("--channel connector needs --app-id.");
            }
            else if (Given(channelListen) || Given(appId) || Given(issuer) || Given(clientSecret) || Given(expectReplies))
            {
                result.AddError("--channel-listen, --app-id, --issuer, --client-secret and --expect-replies go with --channel connector.");
            }
        });

        root.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(conversations);
            var settings = new LoadTestSettings(
                LoadTestSettings.ParseUrl(parse.GetValue(url))!,
                count,
                parse.GetValue(concurrency) ?? count,
                parse.GetValue(warmup),
                parse.GetValue(json),
                TimeSpan.FromSeconds(parse.GetValue(timeout)),
                TimeSpan.FromMilliseconds(parse.GetValue(thinkTime)),
                parse.GetValue(webhookListen) is { } listen
                    ? new WebhookSettings(WebhookSettings.ParseListen(listen)!, parse.GetValue(webhookSecret)!,
                        TimeSpan.FromSeconds(parse.GetValue(webhookWait)), parse.GetValue(webhookFailFirst))
                    : null,
                parse.GetValue(channel) == LoadReport.ConnectorChannel
                    ? new ConnectorSettings(ConnectorSettings.ParseListen(parse.GetValue(channelListen))!, parse.GetValue(appId)!,
                        parse.GetValue(issuer)!, parse.GetValue(clientSecret)!, parse.GetValue(expectReplies))
                    : null);
            return await RunAsync(settings, cancellationToken);
        });
        return root;
    }

    private static async Task<int> RunAsync(LoadTestSettings settings, CancellationToken cancellationToken)
    {
        using var http = LoadHttpClient.Create(settings.Timeout);
        await using var channel = settings.Connector is { } connector ? await StartChannelAsync(connector, cancellationToken) : null;
        if (settings.Connector is not null && channel is null) return 1;
        var thinkTime = new ThinkTime(settings.ThinkTime);
        IConversationRunner runner = channel is null
            ? new DirectLineConversationRunner(new DirectLineClient(http, settings.Url), TriageScript.Default, thinkTime)
            : new ConnectorConversationRunner(new BotMessagesClient(http, settings.Url, channel.Issuer, channel), channel,
                Guid.NewGuid().ToString("N"), TriageScript.Default, thinkTime, settings.Timeout);
        var hooks = settings.Webhooks;
        await using var receiver = hooks is null ? null : await StartReceiverAsync(hooks, cancellationToken);
        if (hooks is not null && receiver is null) return 1;

        // Progress goes to stderr so that stdout is the report alone.
        if (settings.Warmup > 0) Console.Error.WriteLine($"warming up with {settings.Warmup} conversation(s)…");
        var warm = await LoadPhase.RunAsync(runner, 0, settings.Warmup, Math.Min(settings.Concurrency, settings.Warmup), cancellationToken);
        Console.Error.WriteLine($"running {settings.Conversations} conversation(s), {settings.Concurrency} at once…");
        var measured = await LoadPhase.RunAsync(runner, settings.Warmup, settings.Conversations, settings.Concurrency, cancellationToken);

        WebhookReport? webhooks = null;
        if (hooks is not null && receiver is not null)
        {
            // Every case a conversation was told of, warm-up included, must reach the receiver.
            var expected = warm.Conversations.Concat(measured.Conversations).Select(c => c.Reference).OfType<string>().ToHashSet(StringComparer.Ordinal);
            Console.Error.WriteLine($"waiting up to {hooks.Wait.TotalSeconds:0} s for the webhooks of {expected.Count} case(s)…");
            var waited = await receiver.WaitForCasesAsync(expected, cancellationToken);
            webhooks = WebhookReport.Create(hooks, receiver.Tally(), expected, waited);
        }

        var connectorReport = channel is null ? null : ConnectorReport.Create(channel.Settings, channel.Tally());
        var report = LoadReport.Create(settings, warm, measured, webhooks, connectorReport);
        ReportWriter.Write(report, Console.Out);
        if (settings.JsonPath is { } path)
        {
            try
            {
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, ReportJsonContext.Default.LoadReport) + "\n", CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: could not write {path}: {e.Message}");
                return 1;
            }
        }

        return report.Passed ? 0 : 1;
    }

    /// <summary>The receiver listening, or null (with the reason on stderr) when its address cannot be bound.</summary>
    private static async Task<WebhookReceiver?> StartReceiverAsync(WebhookSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await WebhookReceiver.StartAsync(settings, cancellationToken);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: could not listen on {settings.Listen}: {e.Message}");
            return null;
        }
    }

    /// <summary>The channel's listener running, or null (with the reason on stderr) when its address cannot be bound.</summary>
    private static async Task<ChannelServer?> StartChannelAsync(ConnectorSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await ChannelServer.StartAsync(settings, cancellationToken);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: could not listen on {settings.Listen}: {e.Message}");
            return null;
        }
    }

    private static void NotEmpty(Option option) => option.Validators.Add(result =>
    {
        if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>())) result.AddError($"{option.Name} may not be empty.");
    });

    private static void AtLeast(Option<int> option, int minimum) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int>() < minimum)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be at least {minimum}."));
        }
    });
}
