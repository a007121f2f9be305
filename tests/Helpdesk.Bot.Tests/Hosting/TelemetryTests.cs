using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Helpdesk.Bot.Tests.DirectLine;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Helpdesk.Bot.Tests.Hosting;

/// <summary>The host's traces and metrics over a real conversation: a handoff shows as a traced turn and
/// in the counters and the queue gauge, with ids but nothing the customer wrote; and the OTLP exporter,
/// when configured, never gets in the way of a customer.</summary>
public sealed class TelemetryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AHandoff_IsTracedAndCounted_WithIdsButNoMessageText()
    {
        using var bot = new KestrelBot(null, builder => builder.UseSetting("Telemetry:GaugeRefresh", "00:00:00.100"));
        using var spans = new SpanRecorder(HelpdeskTelemetry.Name);
        using var metrics = new MetricRecorder(bot.Factory.Services.GetRequiredService<IMeterFactory>(), HelpdeskTelemetry.Name);
        string[] said = ["I want to talk to a person", "ACC-40001", "Chat now"];

        var (conversationId, reference) = await HandOffAsync(bot, said);

        var stored = await bot.Factory.Services.GetRequiredService<ICaseStore>().FindCaseAsync(reference, Cancel);
        var plan = stored!.Plan!;
        var turns = spans.Finished.Where(span => span.OperationName == "helpdesk.turn" && Tag(span, "helpdesk.conversation.id") == conversationId).ToList();
        Assert.Equal(said.Length, turns.Count(turn => Tag(turn, "helpdesk.turn.kind") == "message"));
        var handoff = Assert.Single(turns, turn => Tag(turn, "helpdesk.turn.outcome") == "case_created");
        Assert.Equal((reference, "directline", "asked", plan.QueueId), (Tag(handoff, "helpdesk.case.reference"), Tag(handoff, "helpdesk.channel"), Tag(handoff, "helpdesk.handoff.reason"), Tag(handoff, "helpdesk.queue")));
        Assert.Contains(spans.Finished, span => span.OperationName == "helpdesk.commit" && span.ParentSpanId == handoff.SpanId);
        var traced = spans.Finished.Where(span => turns.Any(turn => turn.TraceId == span.TraceId)).ToList();
        Assert.All(traced, span => Assert.All(said, text => Assert.DoesNotContain(text, Everything(span), StringComparison.OrdinalIgnoreCase)));

        Assert.All(metrics.Of("helpdesk.turn.duration"), duration => Assert.Equal("directline", duration.Tags["helpdesk.channel"]));
        Assert.True(metrics.Of("helpdesk.turn.duration").Count >= said.Length);
        var counted = Assert.Single(metrics.Of("helpdesk.handoffs"));
        Assert.Equal(1, counted.Value);
        Assert.Equal(("asked", plan.QueueId, plan.Priority.Level.ToString().ToLowerInvariant()),
            (counted.Tags["helpdesk.handoff.reason"], counted.Tags["helpdesk.queue"], counted.Tags["helpdesk.priority.level"]));
        Assert.Empty(metrics.Of("helpdesk.cases.joined"));

        // The gauges report what the host last read, refreshed in the background while they are observed.
        while (!metrics.Of("helpdesk.queue.waiting").Any(waiting => waiting.Tags["helpdesk.queue"] == stored.Work.QueueId && waiting.Value == 1))
        {
            await Task.Delay(50, Cancel);
            metrics.Observe();
        }

        Assert.Contains(metrics.Of("helpdesk.cases.sla_at_risk"), risk => risk.Tags["helpdesk.queue"] == stored.Work.QueueId && risk.Tags["helpdesk.sla.status"] == "at_risk");
    }

    [Fact]
    public async Task AnUnreachableOtlpEndpoint_LeavesTheChatWorking()
    {
        using var bot = new KestrelBot(null, builder => builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", $"http://127.0.0.1:{UnusedLoopbackPort()}"));
        var tracing = bot.Factory.Services.GetRequiredService<TracerProvider>();
        var metering = bot.Factory.Services.GetRequiredService<MeterProvider>();

        var (_, reference) = await HandOffAsync(bot, ["I want to talk to a person", "ACC-40002", "Chat now"]);
        tracing.ForceFlush(5_000);
        metering.ForceFlush(5_000);
        using var health = await bot.Http.GetAsync(new Uri("/healthz", UriKind.Relative), Cancel);

        Assert.Matches(@"^HD-\d+$", reference);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public void WithoutAnOtlpEndpoint_TheOpenTelemetrySdkIsNotStarted()
    {
        using var bot = new KestrelBot(null, builder => builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", ""));

        Assert.Null(bot.Factory.Services.GetService<TracerProvider>());
        Assert.Null(bot.Factory.Services.GetService<MeterProvider>());
        Assert.NotNull(bot.Factory.Services.GetService<HelpdeskTelemetry>());
    }

    /// <summary>Asks for a person and answers the two quick questions; every post must be accepted.</summary>
    private static async Task<(string ConversationId, string Reference)> HandOffAsync(KestrelBot bot, string[] said)
    {
        var (conversationId, token) = await bot.Client.SessionAsync();
        await bot.Client.StartAsync(token);
        foreach (var text in said)
        {
            using var posted = await bot.Client.PostMessageAsync(conversationId, token, text);
            posted.EnsureSuccessStatusCode();
        }

        var activities = (await bot.Client.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray();
        var reference = activities.Select(a => a.TryGetProperty("text", out var text) ? CaseReference.Find(text.GetString() ?? "") : null).Last(r => r is not null)!;
        return (conversationId, reference);
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    /// <summary>Everything a span would export besides its timing: name, status, tags, events with their tags, baggage.</summary>
    private static string Everything(Activity span) => string.Join('\n',
        [
            span.DisplayName, span.StatusDescription ?? "",
            .. span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"),
            .. span.Events.SelectMany(e => e.Tags.Select(tag => $"{e.Name}:{tag.Key}={tag.Value}").Append(e.Name)),
            .. span.Baggage.Select(item => $"{item.Key}={item.Value}"),
        ]);

    private static int UnusedLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
