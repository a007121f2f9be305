using Helpdesk.Channels.Storage;
using Helpdesk.Tests.Databases;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;
using Helpdesk.Triage.Outbox;
using Helpdesk.Triage.Routing;
using Helpdesk.Triage.Storage;
using Helpdesk.Triage.Tests.Routing;

namespace Helpdesk.Triage.Tests.Storage;

/// <summary>
/// What every triage store must do, whatever database is under it: the same tests run against the
/// embedded SQLite file and a real PostgreSQL server (the two subclasses below).
/// </summary>
public abstract class TriageStoreContract(TestDatabases databases) : IDisposable
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] AllQueues = [.. ShippedRouting.Configuration.Queues.Select(q => q.Id)];
    private SqlDatabase? _database;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected SqlDatabase Database => _database!;

    [Fact]
    public async Task A_turn_is_saved_and_loaded_with_its_version()
    {
        var store = await StoreAsync();
        var state = new TriageState { Greeted = true, Problem = "my invoice is wrong" };

        var saved = await store.CommitAsync(new TurnCommit("c1", "u1", 0, state, Start, "a1"), Cancel);
        var loaded = await store.LoadAsync("c1", Cancel);

        Assert.Equal(new CommitResult(CommitStatus.Saved, null, 1), saved);
        Assert.Equal(1, loaded!.Version);
        Assert.Equal("my invoice is wrong", loaded.State.Problem);
        Assert.True(await store.WasProcessedAsync("c1", "a1", Cancel));
        Assert.Null(await store.LoadAsync("unknown", Cancel));
    }

    [Fact]
    public async Task Two_turns_from_the_same_version_save_once_and_the_other_is_told_to_decide_again()
    {
        var store = await StoreAsync();
        await store.CommitAsync(new TurnCommit("c1", "u1", 0, new TriageState(), Start, "a1"), Cancel);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            store.CommitAsync(new TurnCommit("c1", "u1", 1, new TriageState { Problem = "turn " + i }, Start.AddSeconds(1), "b" + i), Cancel)));

        Assert.Single(results, r => r.Status == CommitStatus.Saved);
        Assert.Equal(7, results.Count(r => r.Status == CommitStatus.Conflict));
        Assert.Equal(2, (await store.LoadAsync("c1", Cancel))!.Version);
    }

    [Fact]
    public async Task A_redelivered_activity_is_a_duplicate_and_creates_no_second_case()
    {
        var store = await StoreAsync();
        var first = await HandOffAsync(store, "c1", "u1", "ACC-20931", activityId: "a1");
        var again = await store.CommitAsync(HandoffCommit("c1", "u1", "ACC-20931", expectedVersion: 1, activityId: "a1"), Cancel);

        Assert.Equal(CommitStatus.Duplicate, again.Status);
        Assert.Single(await store.ListCasesAsync(new CaseQuery(null, CaseListFilter.All, null), Cancel));
        Assert.Equal("HD-000001", first);
    }

    [Fact]
    public async Task A_handoff_stores_the_case_its_plan_its_timeline_and_one_outbox_event()
    {
        var store = await StoreAsync();
        var reference = await HandOffAsync(store, "c1", "u1", "ACC-20931");

        var stored = (await store.FindCaseAsync(reference, Cancel))!;
        Assert.Equal("c1", stored.ConversationId);
        Assert.Equal(CaseStatus.Queued, stored.Work.Status);
        Assert.Equal("billing", stored.Plan!.QueueId);
        Assert.NotEmpty(stored.Plan.Priority.Reasons);
        Assert.Equal(CaseEventKinds.Created, Assert.Single(stored.Timeline).Kind);
        Assert.Equal(reference, (await store.LoadAsync("c1", Cancel))!.State.CaseReference);

        var due = Assert.Single(await store.DueAsync("hook", OutboxPosition.Start, Start, 10, Cancel));
        Assert.Equal((OutboxEventKinds.CaseCreated, reference, 0), (due.Event.Kind, due.Event.Reference, due.Attempts));
        Assert.Contains(reference, due.Event.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_handoffs_get_distinct_references_and_every_event_reaches_a_reader_that_follows_its_cursor()
    {
        var store = await StoreAsync();
        var seen = new List<OutboxEvent>();
        var after = OutboxPosition.Start;

        var handoffs = Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => HandOffAsync(store, "c" + i, "u" + i, null))));
        while (!handoffs.IsCompleted || seen.Count < 40)
        {
            foreach (var (due, _) in await store.DueAsync("hook", after, Start, 7, Cancel))
            {
                seen.Add(due);
                after = OutboxPosition.Max(after, due.Position);
            }

            if (handoffs.IsFaulted) await handoffs;
        }

        var references = await handoffs;
        Assert.Equal(40, references.Distinct().Count());
        Assert.Equal(references.Order(), seen.Select(e => e.Reference).Order());
    }

    [Fact]
    public async Task A_second_handoff_by_the_same_customer_joins_the_open_case()
    {
        var store = await StoreAsync();
        var reference = await HandOffAsync(store, "c1", "u1", "ACC-20931");

        Assert.Equal(reference, await store.FindOpenCaseAsync("billing_dispute", "ACC-20931", null, "someone-else", Cancel));
        Assert.Equal(reference, await store.FindOpenCaseAsync("billing_dispute", null, "ANA@example.com", "someone-else", Cancel));
        Assert.Equal(reference, await store.FindOpenCaseAsync("billing_dispute", null, null, "u1", Cancel));
        Assert.Null(await store.FindOpenCaseAsync("device_not_working", "ACC-20931", null, "u1", Cancel));

        var joined = await store.CommitAsync(HandoffCommit("c2", "u2", "ACC-20931", expectedVersion: 0, activityId: "x") with { JoinReference = reference }, Cancel);
        Assert.Equal(reference, joined.CaseReference);
        var stored = (await store.FindCaseAsync(reference, Cancel))!;
        Assert.Equal([CaseEventKinds.Created, CaseEventKinds.HandedOffAgain], stored.Timeline.Select(e => e.Kind));
        Assert.Equal(("c2", "u2", "x"), (stored.ConversationId, stored.UserId, stored.Details.ActivityId)); // replies now go where the customer is
        Assert.Single(await store.ListCasesAsync(new CaseQuery(null, CaseListFilter.All, null), Cancel));

        await store.ActAsync(reference, new CaseAction.Claim("maya"), Start, AllQueues, Cancel);
        await store.ActAsync(reference, new CaseAction.Resolve("maya", "solved"), Start, AllQueues, Cancel);
        Assert.Null(await store.FindOpenCaseAsync("billing_dispute", "ACC-20931", null, "u1", Cancel));
    }

    [Fact]
    public async Task Of_many_agents_claiming_one_case_at_once_exactly_one_gets_it()
    {
        var store = await StoreAsync();
        var reference = await HandOffAsync(store, "c1", "u1", null);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => store.ActAsync(reference, new CaseAction.Claim("agent" + i), Start, AllQueues, Cancel))));

        var winner = Assert.Single(results, r => r.Decision.Accepted);
        var stored = (await store.FindCaseAsync(reference, Cancel))!;
        Assert.Equal(winner.Case!.Work.Owner, stored.Work.Owner);
        Assert.Single(stored.Timeline, e => e.Kind == CaseEventKinds.Claimed);
    }

    [Fact]
    public async Task Agents_taking_the_next_case_at_once_each_get_a_different_one_most_urgent_first()
    {
        var store = await StoreAsync();
        var urgent = await HandOffAsync(store, "c0", "u0", "ACC-20931", Urgency.Critical);
        for (var i = 1; i < 6; i++) await HandOffAsync(store, "c" + i, "u" + i, null);

        var first = await store.ClaimNextAsync("tom", ["billing"], Start, AllQueues, Cancel);
        var rest = await Task.WhenAll(Enumerable.Range(0, 7).Select(i =>
            Task.Run(() => store.ClaimNextAsync("agent" + i, ["billing", "general"], Start, AllQueues, Cancel))));

        Assert.Equal(urgent, first!.Case!.Reference);
        var claimed = rest.Where(r => r is not null).Select(r => r!.Case!.Reference).ToList();
        Assert.Equal(5, claimed.Count);
        Assert.Equal(5, claimed.Distinct().Count());
        Assert.DoesNotContain(urgent, claimed);
        Assert.All(await store.ListCasesAsync(new CaseQuery(null, CaseListFilter.Open, null), Cancel), c => Assert.NotNull(c.Work.Owner));
        Assert.Null(await store.ClaimNextAsync("maya", ["billing"], Start, AllQueues, Cancel));
    }

    [Fact]
    public async Task Lists_filter_by_queue_owner_and_state_in_work_order()
    {
        var store = await StoreAsync();
        var low = await HandOffAsync(store, "c1", "u1", null, Urgency.Low);
        var critical = await HandOffAsync(store, "c2", "u2", null, Urgency.Critical);
        var mine = await HandOffAsync(store, "c3", "u3", null, Urgency.Medium);
        await store.ActAsync(mine, new CaseAction.Claim("maya"), Start, AllQueues, Cancel);
        var done = await HandOffAsync(store, "c4", "u4", null);
        await store.ActAsync(done, new CaseAction.Claim("luis"), Start, AllQueues, Cancel);
        await store.ActAsync(done, new CaseAction.Resolve("luis", "solved"), Start, AllQueues, Cancel);

        async Task<string[]> List(CaseQuery query) => [.. (await store.ListCasesAsync(query, Cancel)).Select(c => c.Reference)];

        Assert.Equal([critical, mine, low], await List(new CaseQuery(null, CaseListFilter.Open, null)));
        Assert.Equal([mine], await List(new CaseQuery(null, CaseListFilter.Mine, "maya")));
        Assert.Equal([done], await List(new CaseQuery(null, CaseListFilter.Resolved, null)));
        Assert.Equal([critical, mine, low], await List(new CaseQuery("billing", CaseListFilter.Open, null)));
        Assert.Empty(await List(new CaseQuery("privacy", CaseListFilter.All, null)));
        Assert.Equal(2, (await store.ListCasesAsync(new CaseQuery(null, CaseListFilter.All, null, Limit: 2), Cancel)).Count);
        Assert.Equal(2, (await store.CountWaitingByQueueAsync(Cancel))["billing"]);
        Assert.Equal(new Dictionary<string, int> { ["maya"] = 1 }, await store.CountOpenByOwnerAsync(Cancel));
        Assert.All((await store.ListCasesAsync(new CaseQuery(null, CaseListFilter.All, null), Cancel)), c => Assert.NotEmpty(c.Timeline));
    }

    [Fact]
    public async Task Escalating_records_each_new_reason_once_with_its_timeline_entry_and_outbox_event()
    {
        var store = await StoreAsync();
        var critical = await HandOffAsync(store, "c1", "u1", null, Urgency.Critical);
        var medium = await HandOffAsync(store, "c2", "u2", null);
        Assert.Equal(["critical priority"], (await store.FindCaseAsync(critical, Cancel))!.Escalations);

        Assert.True(await store.EscalateAsync(medium, ["first response at risk"], Start.AddHours(3), Cancel));
        Assert.False(await store.EscalateAsync(medium, ["first response at risk"], Start.AddHours(3), Cancel));
        Assert.True(await store.EscalateAsync(medium, ["first response at risk", "first response overdue"], Start.AddHours(5), Cancel));

        var stored = (await store.FindCaseAsync(medium, Cancel))!;
        Assert.Equal(["first response at risk", "first response overdue"], stored.Escalations);
        Assert.Equal(2, stored.Timeline.Count(e => e.Kind == CaseEventKinds.Escalated));
        var escalatedEvents = (await store.DueAsync("hook", OutboxPosition.Start, Start, 10, Cancel)).Where(d => d.Event.Kind == OutboxEventKinds.CaseEscalated).ToList();
        Assert.Equal([critical, medium, medium], escalatedEvents.Select(d => d.Event.Reference));
        Assert.Equal([critical, medium], (await store.ListCasesAsync(new CaseQuery(null, CaseListFilter.Escalated, null), Cancel)).Select(c => c.Reference));

        await store.ActAsync(medium, new CaseAction.Claim("maya"), Start, AllQueues, Cancel);
        await store.ActAsync(medium, new CaseAction.Resolve("maya", "solved"), Start, AllQueues, Cancel);
        Assert.False(await store.EscalateAsync(medium, ["reassigned 3 times (more than 2)"], Start.AddHours(6), Cancel));
        Assert.Equal([critical], (await store.ListCasesAsync(new CaseQuery(null, CaseListFilter.Escalated, null), Cancel)).Select(c => c.Reference));
    }

    [Fact]
    public async Task Deliveries_retry_when_due_go_dead_after_the_last_attempt_and_come_back_when_retried()
    {
        var store = await StoreAsync();
        await HandOffAsync(store, "c1", "u1", null);
        var (created, _) = Assert.Single(await store.DueAsync("hook", OutboxPosition.Start, Start, 10, Cancel));

        await store.RecordAsync(new DeliveryAttempt(created.Id, "hook", false, "503", Start, Start.AddSeconds(5)), Cancel);
        Assert.Empty(await store.DueAsync("hook", created.Position, Start.AddSeconds(4), 10, Cancel));
        var retry = Assert.Single(await store.DueAsync("hook", created.Position, Start.AddSeconds(5), 10, Cancel));
        Assert.Equal(1, retry.Attempts);
        Assert.Single(await store.DueAsync("console", OutboxPosition.Start, Start, 10, Cancel));

        await store.RecordAsync(new DeliveryAttempt(created.Id, "hook", false, "timed out", Start.AddSeconds(6), null), Cancel);
        var dead = Assert.Single(await store.DeadLettersAsync("hook", Cancel));
        Assert.Equal((2, "timed out", Start.AddSeconds(6)), (dead.Attempts, dead.LastError, dead.DeadAt));
        Assert.Empty(await store.DueAsync("hook", created.Position, Start.AddDays(1), 10, Cancel));

        Assert.True(await store.RetryAsync(created.Id, "hook", Start.AddSeconds(7), Cancel));
        Assert.False(await store.RetryAsync(created.Id, "hook", Start.AddSeconds(7), Cancel));
        Assert.Single(await store.DueAsync("hook", created.Position, Start.AddSeconds(7), 10, Cancel));
        await store.RecordAsync(new DeliveryAttempt(created.Id, "hook", true, null, Start.AddSeconds(8), null), Cancel);
        Assert.Empty(await store.DueAsync("hook", OutboxPosition.Start, Start.AddDays(1), 10, Cancel));
        Assert.Empty(await store.DeadLettersAsync("hook", Cancel));
    }

    [Fact]
    public async Task Of_several_instances_claiming_one_delivery_exactly_one_gets_it_until_its_lease_ends()
    {
        var store = await StoreAsync();
        Assert.Equal(OutboxPosition.Start, await store.LatestAsync(Cancel));
        await HandOffAsync(store, "c1", "u1", null);
        var (created, _) = Assert.Single(await store.DueAsync("hook", OutboxPosition.Start, Start, 10, Cancel));
        Assert.Equal(created.Position, await store.LatestAsync(Cancel));

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.ClaimAsync(created.Id, "hook", Start, Start.AddMinutes(1), Cancel))));

        Assert.Single(claims, claimed => claimed);
        Assert.False(await store.ClaimAsync(created.Id, "hook", Start.AddSeconds(59), Start.AddMinutes(2), Cancel));
        Assert.Empty(await store.DueAsync("hook", OutboxPosition.Start, Start.AddSeconds(30), 10, Cancel));
        Assert.True(await store.ClaimAsync(created.Id, "hook", Start.AddMinutes(1), Start.AddMinutes(2), Cancel)); // the claimant went quiet: another may try
        await store.RecordAsync(new DeliveryAttempt(created.Id, "hook", true, null, Start.AddMinutes(1), null), Cancel);
        Assert.False(await store.ClaimAsync(created.Id, "hook", Start.AddHours(1), Start.AddHours(2), Cancel));
        Assert.True(await store.ClaimAsync(created.Id, "other-hook", Start, Start.AddMinutes(1), Cancel));
    }

    [Fact]
    public async Task Presence_is_what_each_host_last_reported_and_goes_stale()
    {
        var store = await StoreAsync();
        await store.ReportPresenceAsync("host-1", ["maya", "luis"], Start, Cancel);
        await store.ReportPresenceAsync("host-2", ["maya"], Start.AddSeconds(10), Cancel);
        Assert.Equal(["luis", "maya"], (await store.OnlineAgentsAsync(Start, Cancel)).Order());

        await store.ReportPresenceAsync("host-1", [], Start.AddSeconds(20), Cancel);

        Assert.Equal(["maya"], await store.OnlineAgentsAsync(Start, Cancel));
        Assert.Empty(await store.OnlineAgentsAsync(Start.AddSeconds(11), Cancel));
    }

    [Fact]
    public async Task Ratings_customer_notes_outcomes_and_abandonment_are_recorded()
    {
        var store = await StoreAsync();
        var reference = await HandOffAsync(store, "c1", "u1", null);
        var state = (await store.LoadAsync("c1", Cancel))!;
        await store.CommitAsync(new TurnCommit("c1", "u1", state.Version, state.State, Start.AddMinutes(1), "n1", CaseNote: "still broken"), Cancel);
        await store.CommitAsync(new TurnCommit("c1", "u1", state.Version + 1, state.State, Start.AddMinutes(2), "r1", Rating: new CaseRating(reference, 4)), Cancel);
        await store.CommitAsync(new TurnCommit("quiet", "u9", 0, new TriageState(), Start, "q1"), Cancel);

        Assert.Equal(1, await store.MarkAbandonedAsync(Start.AddMinutes(30), Cancel));
        var timeline = (await store.FindCaseAsync(reference, Cancel))!.Timeline;
        Assert.Equal([CaseEventKinds.Created, CaseEventKinds.CustomerMessage, CaseEventKinds.Rated], timeline.Select(e => e.Kind));
        Assert.Equal("still broken", timeline[1].Text);
        var records = await store.ConversationRecordsAsync(Cancel);
        Assert.Contains(records, r => r.Outcome == ConversationOutcome.Abandoned);
        Assert.Contains(records, r => r.Outcome == ConversationOutcome.HandedOff && r.Reason == HandoffReason.Asked && r.Intent == "billing_dispute");
    }

    [Fact]
    public async Task Starting_again_on_the_same_database_keeps_everything()
    {
        var store = await StoreAsync();
        var reference = await HandOffAsync(store, "c1", "u1", null);

        var again = new SqlTriageStore(_database!);

        Assert.NotNull(await again.FindCaseAsync(reference, Cancel));
        Assert.Equal("HD-000002", await HandOffAsync(again, "c2", "u2", null));
    }

    public void Dispose()
    {
        databases.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task<SqlTriageStore> StoreAsync()
    {
        _database = await databases.CreateAsync();
        return new SqlTriageStore(_database);
    }

    protected static async Task<string> HandOffAsync(SqlTriageStore store, string conversationId, string userId, string? accountId, Urgency urgency = Urgency.Medium, string? activityId = null)
    {
        var result = await store.CommitAsync(HandoffCommit(conversationId, userId, accountId, 0, activityId ?? "handoff-" + conversationId, urgency), Cancel);
        Assert.Equal(CommitStatus.Saved, result.Status);
        return result.CaseReference!;
    }

    private static TurnCommit HandoffCommit(string conversationId, string userId, string? accountId, long expectedVersion, string activityId, Urgency urgency = Urgency.Medium)
    {
        var facts = new TriageFacts { AccountId = accountId, Email = "ana@example.com", Urgency = urgency };
        var intent = new IntentGuess("billing_dispute", 0.91, [new IntentChoice("refund_request", 0.05)], Confirmed: true);
        var draft = new CaseDraft("I was charged twice", intent, facts, urgency, [], [], HandoffReason.Asked, "directline") { ActivityId = activityId };
        var plan = HandoffPlanner.Plan(draft, null, ShippedRouting.Configuration, QueueLoad.Empty, Start);
        var state = new TriageState
        {
            Stage = TriageStage.HandedOff,
            Problem = draft.Problem,
            Intent = intent,
            Handoff = HandoffReason.Asked,
            Outcome = ConversationOutcome.HandedOff,
            Transcript = [new TranscriptEntry("user", "I was charged twice", Start)],
        };
        return new TurnCommit(conversationId, userId, expectedVersion, state, Start, activityId, draft, Plan: plan);
    }
}

public sealed class SqliteTriageStoreTests() : TriageStoreContract(TestDatabases.Sqlite());

public sealed class PostgresTriageStoreTests(PostgresCluster cluster) : TriageStoreContract(TestDatabases.PostgreSql(cluster))
{
    /// <summary>
    /// Concurrent writers can commit a higher event id before a lower one (SQLite's single writer
    /// cannot). A reader must not step over the lower one: it sees neither until the older writer ends.
    /// </summary>
    [Fact]
    public async Task An_event_committed_after_a_later_one_is_not_stepped_over_by_a_reader_following_its_cursor()
    {
        var store = await StoreAsync();
        await using var slow = await Database.OpenAsync(Cancel);
        await using var slowTransaction = await slow.BeginTransactionAsync(Cancel);
        await slow.RunAsync(
            "INSERT INTO outbox_events (kind, reference, occurred_at, payload) VALUES ('case.updated', 'HD-SLOW', @at, '{}')", Cancel, ("at", Start));
        var quick = await HandOffAsync(store, "c1", "u1", null);

        var whileOpen = await store.DueAsync("hook", OutboxPosition.Start, Start, 10, Cancel);
        await slowTransaction.CommitAsync(Cancel);
        var afterCommit = await store.DueAsync("hook", OutboxPosition.Start, Start, 10, Cancel);

        Assert.Empty(whileOpen);
        Assert.Equal(["HD-SLOW", quick], afterCommit.Select(d => d.Event.Reference));
        Assert.Equal(afterCommit[1].Event.Position, await store.LatestAsync(Cancel));
    }
}
