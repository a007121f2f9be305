using Helpdesk.Tests.Shared;
using Helpdesk.Triage.Entities;
using Helpdesk.Triage.Routing;

namespace Helpdesk.Triage.Tests.Routing;

public sealed class RoutingFileTests
{
    [Fact]
    public void TheShippedFile_LoadsWithThePriorityMatrixOfTheIssue_AndRoutesEveryShippedIntent()
    {
        var routing = ShippedRouting.Configuration;
        var labels = File.ReadLines(RepositoryFiles.Path("classifier", "data", "train.csv")).Skip(1)
            .Select(line => line[(line.LastIndexOf(',') + 1)..].Trim())
            .Where(label => label is not ("out_of_scope" or "greeting" or "goodbye_thanks" or "talk_to_human")).ToHashSet();

        Assert.Equal(new SlaTargets(TimeSpan.Zero, TimeSpan.FromHours(4)), routing.Priority.Targets[Urgency.Critical]);
        Assert.Equal(new SlaTargets(TimeSpan.FromHours(8), TimeSpan.FromHours(48)), routing.Priority.Targets[Urgency.Low]);
        Assert.All(labels, label => Assert.Contains(routing.Queues, q => q.Intents.Contains(label)));
        Assert.Single(routing.Queues, q => q.IsEscalation);
    }

    [Fact]
    public void ABrokenFile_ListsEveryProblemWithWhereItIs()
    {
        using var directory = new TemporaryDirectory();
        var shipped = File.ReadAllText(ShippedRouting.Path);
        var broken = shipped
            .Replace("\"overflowTo\": \"billing\"", "\"overflowTo\": \"biling\"", StringComparison.Ordinal)
            .Replace("\"intents\": [\"complaint\"]", "\"intents\": [\"complaint\", \"refund_request\"]", StringComparison.Ordinal)
            .Replace("\"capacity\": 2, \"role\": \"supervisor\"", "\"capacity\": 0, \"role\": \"supervisor\"", StringComparison.Ordinal)
            .Replace("\"critical\": 75, \"high\": 55", "\"critical\": 50, \"high\": 55", StringComparison.Ordinal);
        var path = directory.Write("routing.json", broken);

        var error = Assert.Throws<InvalidDataException>(() => RoutingFile.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("queues[1] (retention): overflowTo 'biling' is not another queue", error.Message, StringComparison.Ordinal);
        Assert.Contains("queues[6] (relations): intent 'refund_request' is already served by queue 'billing'", error.Message, StringComparison.Ordinal);
        Assert.Contains("agents[6] (tom): capacity must be between 1 and 50", error.Message, StringComparison.Ordinal);
        Assert.Contains("priority.levelThresholds: high must be below the level above it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotJson_NamesTheFile()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("routing.json", "{ \"queues\": [ ");

        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => RoutingFile.Load(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BusinessHours_InAnUnknownTimeZone_AreRefused()
    {
        var routing = ShippedRouting.Configuration with
        {
            BusinessHours = new BusinessHours { TimeZone = "Mars/Olympus", Days = [DayOfWeek.Monday], Opens = new TimeOnly(9, 0), Closes = new TimeOnly(8, 0) },
        };

        var problems = RoutingValidator.Problems(routing);

        Assert.Contains("businessHours.timeZone: 'Mars/Olympus' is not a known time zone", problems);
        Assert.Contains("businessHours: opens must be before closes", problems);
    }
}
