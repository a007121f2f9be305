using System.Text.Json;
using Helpdesk.LoadTest.DirectLine;

namespace Helpdesk.LoadTest.Running;

/// <summary>
/// Plays the script as one customer: start, then each turn a POST of the message and a GET of what
/// came after it. The first thing that goes wrong ends the conversation and is recorded.
/// </summary>
internal sealed class ConversationRunner(DirectLineClient client, TriageScript script, TimeSpan thinkTime)
{
    private const string SessionStep = "POST session";
    private const string StartStep = "POST conversations";
    private const string PostStep = "POST activities";
    private const string GetStep = "GET activities";

    // Enough of a reply to see what the bot said instead of the expected reference.
    private const int ReplyExcerptLength = 160;

    public async Task<ConversationResult> RunAsync(int index, CancellationToken cancellationToken)
    {
        var postLatencies = new List<TimeSpan>(script.Turns.Count);
        var getLatencies = new List<TimeSpan>(script.Turns.Count);
        TimeSpan? start = null;
        var completedTurns = 0;
        var turn = 0;
        var step = SessionStep;

        ConversationResult Result(string? reference, ConversationFailure? failure) =>
            new(index, completedTurns, reference, failure, start, postLatencies, getLatencies);
        ConversationResult Fail(string kind, string detail) => Result(null, new ConversationFailure(index, turn, kind, detail));

        try
        {
            // Customers arrive spread over one think time rather than all in the same millisecond.
            await ThinkAsync(0.0, 1.0, cancellationToken);
            var session = await client.CreateSessionAsync(cancellationToken);
            step = StartStep;
            var started = await client.StartConversationAsync(session.Value, cancellationToken);
            start = session.Elapsed + started.Elapsed;
            var conversation = started.Value;

            string? watermark = null;
            for (turn = 1; turn <= script.Turns.Count; turn++)
            {
                await ThinkAsync(0.5, 1.5, cancellationToken);
                step = PostStep;
                var clientActivityId = Guid.NewGuid().ToString("N");
                var posted = await client.PostMessageAsync(conversation, script.TextFor(turn - 1, index), clientActivityId, cancellationToken);
                postLatencies.Add(posted.Elapsed);

                step = GetStep;
                var fetched = await client.GetActivitiesAsync(conversation, watermark, cancellationToken);
                getLatencies.Add(fetched.Elapsed);
                var asked = watermark;
                watermark = fetched.Value.Watermark ?? watermark;

                var replies = TurnReplies.AfterEcho(fetched.Value.Activities ?? [], posted.Value.Id, clientActivityId, conversation.UserId);
                if (replies is null)
                {
                    return Fail($"turn {turn}: message not echoed",
                        $"activity {posted.Value.Id} is not among the activities after watermark {asked ?? "(none)"}");
                }

                if (replies.Count == 0) return Fail($"turn {turn}: no bot reply", $"no bot message after activity {posted.Value.Id}");
                completedTurns++;

                if (turn == script.Turns.Count)
                {
                    var reference = replies.Select(r => script.ReferencePattern.Match(r.Text ?? "")).FirstOrDefault(m => m.Success)?.Value;
                    return reference is not null
                        ? Result(reference, null)
                        : Fail($"turn {turn}: no case reference", $"last reply: {Excerpt(replies[^1].Text)}");
                }
            }

            // Only an empty script gets here: nothing was asked, so nothing failed.
            return Result(null, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail("cancelled", $"stopped during {step}");
        }
        catch (OperationCanceledException e)
        {
            // HttpClient reports its own timeout as a cancellation the caller did not ask for.
            return Fail($"{step}: timeout", e.Message);
        }
        catch (HttpRequestException e)
        {
            return Fail(e.StatusCode is { } status ? $"{step}: HTTP {(int)status}" : $"{step}: connection failed", e.Message);
        }
        catch (JsonException e)
        {
            return Fail($"{step}: unreadable response", e.Message);
        }
    }

    private static string Excerpt(string? text) => text switch
    {
        null => "(no text)",
        { Length: > ReplyExcerptLength } => text[..ReplyExcerptLength].ReplaceLineEndings(" ") + "…",
        _ => text.ReplaceLineEndings(" "),
    };

    /// <summary>A pause of a random share (between the two factors) of the think time; nothing when it is zero.</summary>
    private Task ThinkAsync(double from, double to, CancellationToken cancellationToken) =>
        thinkTime <= TimeSpan.Zero
            ? Task.CompletedTask
            : Task.Delay(thinkTime * (from + (Random.Shared.NextDouble() * (to - from))), cancellationToken);
}
