using System.Globalization;

namespace Helpdesk.LoadTest.Reporting;

/// <summary>The report as a few aligned lines for a terminal.</summary>
internal static class ReportWriter
{
    public static void Write(LoadReport report, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        // Over the Bot Connector the target is the one endpoint the channel posts to.
        var target = report.Connector is null ? report.Url : report.Url + "api/messages";
        output.WriteLine(string.Create(c,
            $"target           {target} ({report.Conversations} conversations, {report.Concurrency} at once, {report.Warmup} warm-up, think time {report.ThinkTimeMs} ms)"));
        output.WriteLine(string.Create(c, $"conversations    {report.Completed} completed, {report.Failed} failed, at most {report.PeakInFlight} in flight at once"));
        output.WriteLine(string.Create(c, $"turns            {report.Turns}"));
        output.WriteLine(string.Create(c, $"wall time        {report.WallSeconds:F3} s"));
        output.WriteLine(string.Create(c, $"throughput       {report.TurnsPerSecond:F2} turns/s, {report.ConversationsPerSecond:F2} conversations/s"));
        if (report.Connector is { } connector) WriteConnectorLatencies(report, connector, output);
        else WriteDirectLineLatencies(report, output);
        output.WriteLine(string.Create(c,
            $"cases            {report.DistinctReferences} distinct references of {report.Completed} conversations, duplicates: {report.DuplicateReferences}"));
        WriteErrors("errors", report.Errors, output);
        if (report.Warmup > 0 && report.WarmupFailed > 0)
        {
            WriteErrors(string.Create(c, $"warm-up errors ({report.WarmupFailed} of {report.Warmup} failed)"), report.WarmupErrors, output);
        }

        if (report.Webhooks is { } webhooks) WriteWebhooks(webhooks, output);

        if (!report.ReferencesDistinct)
        {
            output.WriteLine(string.Create(c,
                $"warning: {report.DistinctReferences} distinct case references for {report.Completed} completed conversations"));
        }

        // The conversations may all have passed; say why the run fails all the same.
        if (report.Connector is { Passed: false } channel)
        {
            output.WriteLine(string.Create(c,
                $"warning: the Connector refused {channel.BadTokens} call(s) with a token its token endpoint never issued and {channel.UnreadableReplies} unreadable one(s)"));
        }
    }

    private static void WriteDirectLineLatencies(LoadReport report, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var turn = report.TurnLatencyMs;
        output.WriteLine(string.Create(c,
            $"turn latency     p50 {turn.P50:F2} ms, p90 {turn.P90:F2} ms, p99 {turn.P99:F2} ms, max {turn.Max:F2} ms ({turn.Count} POST activities)"));
        if (report.GetLatencyMs is { } get) output.WriteLine(string.Create(c, $"get latency      p50 {get.P50:F2} ms, p99 {get.P99:F2} ms ({get.Count} GET activities)"));
        var start = report.StartLatencyMs;
        output.WriteLine(string.Create(c, $"start latency    p50 {start.P50:F2} ms, p99 {start.P99:F2} ms ({start.Count} session + start)"));
    }

    /// <summary>Over the Bot Connector the POST is only the channel handing the activity over; the turn ends when the reply reaches the channel.</summary>
    private static void WriteConnectorLatencies(LoadReport report, ConnectorReport connector, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var turn = report.TurnLatencyMs;
        var reply = connector.ExpectReplies ? "first reply in the response (expectReplies)" : "first reply at the channel";
        output.WriteLine(string.Create(c,
            $"turn latency     p50 {turn.P50:F2} ms, p90 {turn.P90:F2} ms, p99 {turn.P99:F2} ms, max {turn.Max:F2} ms ({turn.Count} turns: message → {reply})"));
        if (report.AckLatencyMs is { } ack)
        {
            output.WriteLine(string.Create(c,
                $"ack latency      p50 {ack.P50:F2} ms, p90 {ack.P90:F2} ms, p99 {ack.P99:F2} ms, max {ack.Max:F2} ms ({ack.Count} POST /api/messages)"));
        }

        var start = report.StartLatencyMs;
        output.WriteLine(string.Create(c, $"start latency    p50 {start.P50:F2} ms, p99 {start.P99:F2} ms ({start.Count} conversationUpdate → welcome)"));
        output.WriteLine(string.Create(c,
            $"connector        {connector.RepliesReceived} replies received ({connector.MessagesReceived} messages) at {connector.Listen}, {connector.TokenRequests} token requests ({connector.RefusedTokenRequests} refused)"));
        output.WriteLine(string.Create(c,
            $"  checks         {connector.BadTokens} calls refused for a bad token (must be 0), {connector.UnreadableReplies} unreadable, {connector.RepliesToUnknownActivities} replies to unknown activities, {connector.Updates} updates, {connector.Deletes} deletes"));
    }

    private static void WriteWebhooks(WebhookReport webhooks, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var refusing = webhooks.FailFirst > 0 ? string.Create(c, $", refusing the first {webhooks.FailFirst} attempt(s) of each event with 503") : "";
        output.WriteLine(string.Create(c, $"webhooks         received at {webhooks.Listen}{refusing}"));
        output.WriteLine(string.Create(c,
            $"  requests       {webhooks.Requests}: {webhooks.Refused} refused on purpose, {webhooks.InvalidSignatures} invalid signatures, {webhooks.Unreadable} unreadable"));
        var types = string.Join(", ", webhooks.EventsByType.Select(t => string.Create(c, $"{t.Key} {t.Value}")));
        output.WriteLine(string.Create(c,
            $"  deliveries     {webhooks.Deliveries} accepted, {webhooks.DistinctEvents} distinct event ids ({(types.Length > 0 ? types : "none")}), duplicate deliveries: {webhooks.DuplicateDeliveries}"));
        output.WriteLine(string.Create(c,
            $"  case.created   for {webhooks.CaseCreatedReferences} distinct references, {webhooks.ReferencesWithSeveralCaseCreated} of them with more than one event"));
        output.WriteLine(string.Create(c, $"  lost           {webhooks.Lost.Count} of {webhooks.ExpectedCases} cases with no webhook{Sample(webhooks.Lost)}"));
        output.WriteLine(string.Create(c, $"  unexpected     {webhooks.Unexpected.Count} references the conversations were not given{Sample(webhooks.Unexpected)}"));
        var delay = webhooks.DelayMs;
        output.WriteLine(string.Create(c,
            $"  delay          p50 {delay.P50:F2} ms, p90 {delay.P90:F2} ms, p99 {delay.P99:F2} ms, max {delay.Max:F2} ms (occurredAt → first delivery, {delay.Count} cases)"));
        var last = webhooks.LastCaseToLastWebhookSeconds is { } seconds ? string.Create(c, $"{seconds:F3} s") : "-";
        output.WriteLine(string.Create(c,
            $"  last webhook   {last} after the last case was created; waited {webhooks.WaitedSeconds:F3} s after the conversations ended"));
    }

    /// <summary>The first few references of a list, to look up in the host's log.</summary>
    private static string Sample(IReadOnlyList<string> references) => references.Count switch
    {
        0 => "",
        <= 5 => $" ({string.Join(", ", references)})",
        _ => $" ({string.Join(", ", references.Take(5))}, …)",
    };

    private static void WriteErrors(string title, IReadOnlyList<ErrorCount> errors, TextWriter output)
    {
        if (errors.Count == 0)
        {
            output.WriteLine($"{title,-16} none");
            return;
        }

        output.WriteLine(title);
        foreach (var error in errors)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {error.Count,6}  {error.Kind}  (e.g. {error.Example})"));
        }
    }
}
