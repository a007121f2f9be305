using Helpdesk.Channels.Replies;
using Helpdesk.Channels.Schema;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Routing;
using Helpdesk.Triage.Storage;
using Helpdesk.Triage.Telemetry;
using Microsoft.Extensions.Logging;
using Span = System.Diagnostics.Activity;

namespace Helpdesk.Triage.Processing;

/// <summary>
/// Runs one turn: reads the activity, loads the conversation, lets the dialog decide, and commits
/// state, case and processed id together. Turns of one conversation run one at a time and in order;
/// a re-delivered activity id is answered with nothing; when another instance saved the same
/// conversation first, the turn is decided again on the fresh state.
/// </summary>
public sealed partial class TurnProcessor(
    ITriageStore store,
    TriageContext context,
    HandoffPlanning handoffs,
    ConversationLocks locks,
    TimeProvider time,
    HelpdeskTelemetry telemetry,
    ILogger<TurnProcessor> logger)
{
    private const int MaxTranscriptEntries = 500;
    private const int MaxAttempts = 5;

    public async Task<IReadOnlyList<Activity>> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id;
        var input = ActivityReader.Read(activity, time.GetUtcNow());
        if (string.IsNullOrEmpty(conversationId) || input is null) return [];

        var started = time.GetTimestamp();
        using var span = telemetry.StartTurn(conversationId, activity.Id, input);
        try
        {
            return await TakeTurnAsync(activity, conversationId, input, span, cancellationToken);
        }
        catch (Exception e)
        {
            HelpdeskTelemetry.Failed(span, e);
            throw;
        }
        finally
        {
            telemetry.TurnTaken(input.ChannelId, time.GetElapsedTime(started));
        }
    }

    private async Task<IReadOnlyList<Activity>> TakeTurnAsync(Activity activity, string conversationId, TurnInput input, Span? span, CancellationToken cancellationToken)
    {
        var userId = activity.From?.Id ?? "";
        using var turn = await locks.EnterAsync(conversationId, cancellationToken);
        if (activity.Id is { } id && await store.WasProcessedAsync(conversationId, id, cancellationToken))
        {
            HelpdeskTelemetry.TurnEnded(span, "duplicate");
            return [];
        }

        var turnContext = context with
        {
            RequestedCase = await RequestedCaseAsync(input, conversationId, userId, cancellationToken),
            KnownAccountId = await handoffs.KnownAccountAsync(ChannelIdentity.Of(activity), cancellationToken),
        };
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await store.LoadAsync(conversationId, cancellationToken);
            var before = stored?.State ?? new TriageState();
            turnContext = turnContext with { CaseHandling = await CaseHandlingAsync(before, cancellationToken) };
            var result = TriageDialog.Step(before, input, turnContext);
            HandoffPlan? plan = null;
            string? joining = null;
            if (result.NewCase is { } draft)
            {
                // The dialog decided on a case. One already open on the same issue is joined; otherwise
                // plan where the new one goes. Then the dialog words what it tells the customer.
                joining = draft.Intent is { } intent
                    ? await store.FindOpenCaseAsync(intent.Label, draft.Facts.AccountId, draft.Facts.Email, userId, cancellationToken)
                    : null;
                plan = joining is null ? await PlanAsync(draft, userId, input.At, cancellationToken) : null;
                result = TriageDialog.Step(before, input, turnContext with { Plan = plan, JoiningCase = joining });
            }

            // An uninstalled app may not be written to: agents' messages stop there instead of failing at Teams.
            var state = WithTranscript(result.State, input, result.Replies) with
            {
                ReplyAddress = input.Kind == TurnKind.Uninstalled ? null : AddressOf(activity) ?? result.State.ReplyAddress,
            };
            CommitResult commit;
            using (telemetry.StartStep("helpdesk.commit"))
            {
                commit = await store.CommitAsync(
                    new TurnCommit(conversationId, userId, stored?.Version ?? 0, state, input.At, activity.Id, result.NewCase, result.CaseNote, plan, joining,
                        result.Rating is { } stars && before.CaseReference is { } rated ? new CaseRating(rated, stars) : null),
                    cancellationToken);
            }

            switch (commit.Status)
            {
                case CommitStatus.Duplicate:
                    HelpdeskTelemetry.TurnEnded(span, "duplicate");
                    return [];
                case CommitStatus.Conflict:
                    LogConflict(logger, conversationId, attempt);
                    continue;
                default:
                    Saved(span, conversationId, input, result, plan, joining, commit);
                    return [.. result.Replies.Select(reply => ReplyRenderer.Render(WithReference(reply, commit.CaseReference), activity))];
            }
        }

        throw new InvalidOperationException($"Conversation {conversationId} kept changing under turn {activity.Id}; gave up after {MaxAttempts} attempts.");
    }

    private async Task<HandoffPlan> PlanAsync(CaseDraft draft, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var step = telemetry.StartStep("helpdesk.plan");
        return await handoffs.PlanAsync(draft, userId, at, cancellationToken);
    }

    /// <summary>What a committed turn tells the operators: its log lines, metrics and the turn's span tags.</summary>
    private void Saved(Span? span, string conversationId, TurnInput input, TurnResult result, HandoffPlan? plan, string? joining, CommitResult commit)
    {
        var outcome = result.Replies.Count > 0 ? "replied" : "silent";
        if (commit.CaseReference is { } reference && plan is not null)
        {
            LogCaseCreated(logger, reference, conversationId, result.NewCase!.Reason, plan.QueueId, plan.Priority.Level, plan.Priority.Score);
            telemetry.HandedOff(span, reference, result.NewCase.Reason, plan);
            outcome = "case_created";
        }

        if (joining is not null)
        {
            LogCaseJoined(logger, joining, conversationId);
            telemetry.Joined(span, joining, result.NewCase!.Reason);
            outcome = "case_joined";
        }

        if (input.Handoff is { } status) LogHandoffStatus(logger, conversationId, status, input.Text);
        if (result.Classified is { } classified) telemetry.Classified(classified);
        HelpdeskTelemetry.TurnEnded(span, outcome, result.State.Stage);
    }

    /// <summary>The case a "status HD-…" message names — only when it belongs to this conversation or customer.</summary>
    private async Task<CaseStatusView?> RequestedCaseAsync(TurnInput input, string conversationId, string userId, CancellationToken cancellationToken)
    {
        if (input.Kind != TurnKind.Message || GlobalCommands.Recognise(input.Text) != GlobalCommand.Status) return null;
        var found = await store.FindCaseAsync(CaseReference.Find(input.Text)!, cancellationToken);
        var isTheirs = found is not null && (found.ConversationId == conversationId || (userId.Length > 0 && found.UserId == userId));
        return isTheirs ? new CaseStatusView(found!.Reference, found.Status, found.CreatedAt) : null;
    }

    /// <summary>Whether an agent owns the conversation's case now (the bot keeps quiet) or resolved it (the bot is back).</summary>
    private async Task<CaseHandling> CaseHandlingAsync(TriageState state, CancellationToken cancellationToken)
    {
        if (state.Stage != TriageStage.HandedOff || state.CaseReference is not { } reference) return CaseHandling.Waiting;
        var found = await store.FindCaseAsync(reference, cancellationToken);
        return found is null ? CaseHandling.Waiting
            : !found.Work.IsOpen ? CaseHandling.Resolved
            : found.Work.Owner is not null ? CaseHandling.AgentActive
            : CaseHandling.Waiting;
    }

    /// <summary>The Connector address an activity came from; null for our own Direct Line, which carries none.</summary>
    private static ReplyAddress? AddressOf(Activity activity) =>
        string.IsNullOrEmpty(activity.ServiceUrl) || activity.ChannelId is null
            ? null
            : new ReplyAddress(activity.ChannelId, activity.ServiceUrl, activity.Recipient?.Id, activity.Recipient?.Name);

    private static TriageState WithTranscript(TriageState state, TurnInput input, IReadOnlyList<BotReply> replies)
    {
        var entries = state.Transcript.ToList();
        if (input.Kind == TurnKind.Message) entries.Add(new TranscriptEntry("user", input.Text, input.At));
        entries.AddRange(replies.Select(reply => new TranscriptEntry("bot", TranscriptText(reply), input.At)));
        return state with { Transcript = entries.Count <= MaxTranscriptEntries ? entries : entries[^MaxTranscriptEntries..] };
    }

    private static string TranscriptText(BotReply reply)
    {
        var parts = new List<string>();
        if (reply.Text is { } text) parts.Add(text);
        parts.AddRange(reply.Articles.Select(a => $"[article] {a.Title} ({a.Url})"));
        if (reply.Summary is { } summary) parts.Add(summary.Title + ": " + string.Join("; ", summary.Facts.Select(f => $"{f.Label}: {f.Value}")));
        if (reply.Choices.Count > 0) parts.Add("[choices] " + string.Join(" | ", reply.Choices));
        return string.Join("\n", parts);
    }

    private static BotReply WithReference(BotReply reply, string? reference) =>
        reference is null || reply.Text is null ? reply : reply with { Text = reply.Text.Replace(CaseDraft.ReferencePlaceholder, reference, StringComparison.Ordinal) };

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Created case {Reference} for conversation {ConversationId} ({Reason}): queue {Queue}, priority {Level} ({Score})")]
    private static partial void LogCaseCreated(ILogger logger, string reference, string conversationId, HandoffReason reason, string queue, Entities.Urgency level, double score);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Conversation {ConversationId} handed off again on the issue of open case {Reference}; joined it")]
    private static partial void LogCaseJoined(ILogger logger, string reference, string conversationId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "The engagement hub reported {Status} for conversation {ConversationId}: {Explanation}")]
    private static partial void LogHandoffStatus(ILogger logger, string conversationId, HandoffStatus status, string explanation);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Conversation {ConversationId} changed during turn attempt {Attempt}; deciding again")]
    private static partial void LogConflict(ILogger logger, string conversationId, int attempt);
}
