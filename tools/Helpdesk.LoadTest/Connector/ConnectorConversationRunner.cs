using System.Diagnostics;
using System.Globalization;
using Helpdesk.LoadTest.Running;

namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// Plays the script as one customer the way Azure Bot Service delivers a Web Chat conversation to the
/// bot: a <c>conversationUpdate</c> adding the customer and the bot, answered by the welcome; then each
/// turn a <c>message</c> to <c>/api/messages</c>, answered with 200 at once, and the bot's replies
/// arriving later at the channel's Connector. The next message goes once the first reply is in (the
/// host serialises a conversation's turns anyway); the last turn waits for the reply naming the case.
/// The first thing that goes wrong, or a reply not in within the timeout, ends the conversation.
/// </summary>
internal sealed class ConnectorConversationRunner(
    BotMessagesClient client,
    ChannelServer channel,
    string runId,
    TriageScript script,
    ThinkTime thinkTime,
    TimeSpan timeout) : IConversationRunner
{
    private const string StartStep = "POST /api/messages (conversationUpdate)";
    private const string MessageStep = "POST /api/messages (message)";
    private const string Locale = "en-GB";

    private readonly string _seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    public async Task<ConversationResult> RunAsync(int index, CancellationToken cancellationToken)
    {
        var turnLatencies = new List<TimeSpan>(script.Turns.Count);
        var ackLatencies = new List<TimeSpan>(script.Turns.Count);
        TimeSpan? start = null;
        var completedTurns = 0;
        var turn = 0;
        var step = StartStep;

        ConversationResult Result(string? reference, ConversationFailure? failure) =>
            new(index, completedTurns, reference, failure, start, turnLatencies, [], ackLatencies);
        ConversationResult Fail(string kind, string detail) => Result(null, new ConversationFailure(index, turn, kind, detail));

        var i = index.ToString(CultureInfo.InvariantCulture);
        var settings = channel.Settings;
        var conversation = new ConversationAccount($"loadtest-{runId}-{i}");
        var user = new ChannelAccount($"user-{i}", $"Customer {i}");
        var bot = new ChannelAccount(settings.AppId, "Support");
        ChannelActivity Activity(string type, string id) =>
            new(type, id, DateTimeOffset.UtcNow, ConnectorSettings.ChannelId, settings.ServiceUrl, user, bot, conversation,
                DeliveryMode: settings.ExpectReplies ? "expectReplies" : null);

        try
        {
            await thinkTime.ArriveAsync(cancellationToken);

            // The welcome answers the conversationUpdate, as a reply to its id.
            var updateId = $"{i}-0";
            using (var welcome = channel.Replies.Expect(conversation.Id, updateId, _ => true))
            {
                var started = Stopwatch.GetTimestamp();
                await client.PostAsync(Activity("conversationUpdate", updateId) with { MembersAdded = [new(user.Id), new(settings.AppId)] }, cancellationToken);
                if (await WithinTimeoutAsync(welcome.First, started, cancellationToken) is not { } greeting)
                {
                    return Fail($"start: no welcome within {_seconds} s", $"no bot message replying to the conversationUpdate {updateId}");
                }

                start = Stopwatch.GetElapsedTime(started, greeting.ArrivedTimestamp);
            }

            for (turn = 1; turn <= script.Turns.Count; turn++)
            {
                await thinkTime.BeforeMessageAsync(cancellationToken);
                step = MessageStep;
                var id = string.Create(CultureInfo.InvariantCulture, $"{i}-{turn}");
                var last = turn == script.Turns.Count;
                using var replies = channel.Replies.Expect(conversation.Id, id, last ? NamesCase : _ => true);

                var started = Stopwatch.GetTimestamp();
                ackLatencies.Add(await client.PostAsync(Activity("message", id) with { Locale = Locale, Text = script.TextFor(turn - 1, index) }, cancellationToken));
                if (await WithinTimeoutAsync(replies.First, started, cancellationToken) is not { } first)
                {
                    return Fail($"turn {turn}: no reply within {_seconds} s", $"no bot message replying to activity {id}");
                }

                turnLatencies.Add(Stopwatch.GetElapsedTime(started, first.ArrivedTimestamp));
                completedTurns++;
                if (!last) continue;

                // Several replies may answer the last message; the one naming the case may not be the first.
                if (await WithinTimeoutAsync(replies.Wanted, started, cancellationToken) is { } named)
                {
                    return Result(script.ReferencePattern.Match(named.Text ?? "").Value, null);
                }

                var received = replies.Received;
                return Fail($"turn {turn}: no case reference",
                    string.Create(CultureInfo.InvariantCulture, $"{received.Count} repl(ies) to activity {id} within {_seconds} s, last: {ReplyExcerpt.Of(received[^1].Text)}"));
            }

            // Only an empty script gets here: nothing was asked, so nothing failed.
            return Result(null, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail("cancelled", $"stopped during {(step == StartStep ? "the start" : $"turn {turn}")}");
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
    }

    private bool NamesCase(RecordedBotActivity reply) => reply.Text is { } text && script.ReferencePattern.IsMatch(text);

    /// <summary>The reply once it is in, or null when the timeout since <paramref name="started"/> ran out first.</summary>
    private async Task<RecordedBotActivity?> WithinTimeoutAsync(Task<RecordedBotActivity> reply, long started, CancellationToken cancellationToken)
    {
        var left = timeout - Stopwatch.GetElapsedTime(started);
        try
        {
            return await reply.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
