using System.Text.Json;
using Helpdesk.LoadTest.DirectLine;

namespace Helpdesk.LoadTest.Running;

/// <summary>
/// Plays the script as one customer over Direct Line: start, then each turn a POST of the message and
/// a GET of what came after it. The first thing that goes wrong ends the conversation and is recorded.
/// </summary>
internal sealed class DirectLineConversationRunner(DirectLineClient client, TriageScript script, ThinkTime thinkTime) : IConversationRunner
{
    private const string SessionStep = "POST session";
    private const string StartStep = "POST conversations";
    private const string PostStep = "POST activities";
    private const string GetStep = "GET activities";

    public async Task<ConversationResult> RunAsync(int index, CancellationToken cancellationToken)
    {
        var postLatencies = new List<TimeSpan>(script.Turns.Count);
        var getLatencies = new List<TimeSpan>(script.Turns.Count);
        TimeSpan? start = null;
        var completedTurns = 0;
        var turn = 0;
        var step = SessionStep;

        ConversationResult Result(string? reference, ConversationFailure? failure) =>
            new(index, completedTurns, reference, failure, start, postLatencies, getLatencies, []);
        ConversationResult Fail(string kind, string detail) => Result(null, new ConversationFailure(index, turn, kind, detail));

        try
        {
            await thinkTime.ArriveAsync(cancellationToken);
            var session = await client.CreateSessionAsync(cancellationToken);
            step = StartStep;
            var started = await client.StartConversationAsync(session.Value, cancellationToken);
            start = session.Elapsed + started.Elapsed;
            var conversation = started.Value;

            string? watermark = null;
            for (turn = 1; turn <= script.Turns.Count; turn++)
            {
                await thinkTime.BeforeMessageAsync(cancellationToken);
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
                        : Fail($"turn {turn}: no case reference", $"last reply: {ReplyExcerpt.Of(replies[^1].Text)}");
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
}
