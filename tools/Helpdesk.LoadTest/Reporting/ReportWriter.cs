using System.Globalization;

namespace Helpdesk.LoadTest.Reporting;

/// <summary>The report as a few aligned lines for a terminal.</summary>
internal static class ReportWriter
{
    public static void Write(LoadReport report, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"target           {report.Url} ({report.Conversations} conversations, {report.Concurrency} at once, {report.Warmup} warm-up, think time {report.ThinkTimeMs} ms)"));
        output.WriteLine(string.Create(c, $"conversations    {report.Completed} completed, {report.Failed} failed"));
        output.WriteLine(string.Create(c, $"turns            {report.Turns}"));
        output.WriteLine(string.Create(c, $"wall time        {report.WallSeconds:F3} s"));
        output.WriteLine(string.Create(c, $"throughput       {report.TurnsPerSecond:F2} turns/s, {report.ConversationsPerSecond:F2} conversations/s"));
        var turn = report.TurnLatencyMs;
        output.WriteLine(string.Create(c,
            $"turn latency     p50 {turn.P50:F2} ms, p90 {turn.P90:F2} ms, p99 {turn.P99:F2} ms, max {turn.Max:F2} ms ({turn.Count} POST activities)"));
        var get = report.GetLatencyMs;
        output.WriteLine(string.Create(c, $"get latency      p50 {get.P50:F2} ms, p99 {get.P99:F2} ms ({get.Count} GET activities)"));
        var start = report.StartLatencyMs;
        output.WriteLine(string.Create(c, $"start latency    p50 {start.P50:F2} ms, p99 {start.P99:F2} ms ({start.Count} session + start)"));
        output.WriteLine(string.Create(c, $"case references  {report.DistinctReferences} distinct"));
        WriteErrors("errors", report.Errors, output);
        if (report.Warmup > 0 && report.WarmupFailed > 0)
        {
            WriteErrors(string.Create(c, $"warm-up errors ({report.WarmupFailed} of {report.Warmup} failed)"), report.WarmupErrors, output);
        }

        if (!report.ReferencesDistinct)
        {
            output.WriteLine(string.Create(c,
                $"warning: {report.DistinctReferences} distinct case references for {report.Completed} completed conversations"));
        }
    }

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
