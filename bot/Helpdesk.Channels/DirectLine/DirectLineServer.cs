using System.Security.Cryptography;
using Helpdesk.Channels.Schema;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Channels.DirectLine;

/// <summary>
/// The self-hosted Direct Line 3.0 service: conversations, the activity log with watermarks, and
/// the in-process hand-over to the bot. Every recorded activity — the user's echo and the bot's
/// replies — goes to the conversation's live stream as well, which is what Web Chat waits for
/// before it marks a message sent.
/// </summary>
public sealed partial class DirectLineServer(
    IConversationLog log,
    ConversationStreams streams,
    IDirectLineBot bot,
    DirectLineTokens tokens,
    DirectLineOptions options,
    ILogger<DirectLineServer> logger)
{
    public const string ChannelId = "directline";

    /// <summary>The <c>callerId</c> the bot sees on activities posted with the Direct Line secret: they come
    /// from a back end (an engagement hub), never from a customer's client, which only holds a token for
    /// its conversation. Our own value; like every callerId it is set by whoever checked the credential.</summary>
    public const string SecretHolderCallerId = "urn:helpdesk:directline:secret-holder";

    public DirectLineOptions Options => options;

    public DirectLineTokens Tokens => tokens;

    public ChannelAccount Bot { get; } = new() { Id = options.BotId, Name = options.BotName, Role = "bot" };

    /// <summary>A new conversation id and a token for it (nothing is recorded until it starts).</summary>
    public IssuedToken NewConversation(string? userId) =>
        tokens.Issue(NewId(), userId is { Length: > 3 } requested && requested.StartsWith("dl_", StringComparison.Ordinal) ? requested : "dl_" + NewId());

    /// <summary>Starts the conversation once: records it and tells the bot, whose welcome is recorded.</summary>
    /// <returns>True when this call started it; false when it had started before.</returns>
    public async Task<bool> StartAsync(string conversationId, string userId, string? locale, CancellationToken cancellationToken)
    {
        if (!await log.CreateAsync(conversationId, userId, cancellationToken)) return false;

        var user = new ChannelAccount { Id = userId, Role = "user" };
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = conversationId + "|start",
            ChannelId = ChannelId,
            Conversation = new ConversationAccount { Id = conversationId },
            From = user,
            Recipient = Bot,
            MembersAdded = [Bot, user],
            Locale = locale,
        };
        await DeliverToBotAsync(update, replyToVisible: false, cancellationToken);
        return true;
    }

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) => log.ExistsAsync(conversationId, cancellationToken);

    /// <summary>Records the user's activity (once per client activity id), lets the bot answer, records the answers.</summary>
    /// <param name="postedWithSecret">The poster proved the secret, so the bot is told it came from a back end.</param>
    public async Task<LoggedActivity> PostAsync(string conversationId, string userId, Activity posted, bool postedWithSecret, CancellationToken cancellationToken)
    {
        var echo = posted with
        {
            From = new ChannelAccount { Id = userId, Name = posted.From?.Name, Role = "user" },
            Recipient = Bot,
            ServiceUrl = null,
            CallerId = null,
        };
        var recorded = (await log.AppendAsync(conversationId, [echo], ClientKey(posted), cancellationToken))[0];
        if (recorded.WasDuplicate) return recorded;

        streams.Publish(conversationId, [recorded]);
        var toBot = postedWithSecret ? recorded.Activity with { CallerId = SecretHolderCallerId } : recorded.Activity;
        await DeliverToBotAsync(toBot, replyToVisible: true, cancellationToken);
        return recorded;
    }

    /// <summary>Records an activity from the bot's side that answers nothing the user posted — an agent's
    /// message, a handoff event — and streams it. Without a <c>from</c> it comes from the bot.</summary>
    /// <param name="idempotencyKey">Sending again with the same key records nothing new and returns the
    /// activity recorded the first time, marked as a duplicate; null to record every send.</param>
    /// <returns>The recorded activity; null when the conversation does not exist here.</returns>
    public async Task<LoggedActivity?> SendAsync(string conversationId, Activity activity, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!await log.ExistsAsync(conversationId, cancellationToken)) return null;
        var recorded = (await log.AppendAsync(conversationId, [FromTheBotsSide(activity)], idempotencyKey, cancellationToken))[0];
        if (!recorded.WasDuplicate) streams.Publish(conversationId, [recorded]);
        return recorded;
    }

    public Task<IReadOnlyList<LoggedActivity>> ReadAsync(string conversationId, long? watermark, CancellationToken cancellationToken) =>
        log.ReadAsync(conversationId, watermark, options.MaxActivitiesPerRead, cancellationToken);

    private async Task DeliverToBotAsync(Activity activity, bool replyToVisible, CancellationToken cancellationToken)
    {
        IReadOnlyList<Activity> replies;
        try
        {
            replies = await bot.OnActivityAsync(activity, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBotFailed(logger, e, activity.Conversation?.Id, activity.Id);
            throw new DirectLineBotException(e);
        }

        if (replies.Count == 0) return;

        // Web Chat holds a reply whose replyToId it never saw; the start event is never shown to it.
        var outgoing = replies.Select(reply => FromTheBotsSide(reply) with { ReplyToId = replyToVisible ? reply.ReplyToId : null }).ToList();
        var conversationId = activity.Conversation!.Id!;
        streams.Publish(conversationId, await log.AppendAsync(conversationId, outgoing, clientKey: null, cancellationToken));
    }

    /// <summary>Web Chat lays activities out by <c>from.role</c>; the service URL is only for the bot's side to call.</summary>
    private Activity FromTheBotsSide(Activity activity) => activity with
    {
        From = activity.From is { Role: not null } from ? from : (activity.From ?? Bot) with { Role = "bot" },
        ServiceUrl = null,
    };

    /// <summary>Web Chat's <c>clientActivityID</c> identifies a re-send of the same message.</summary>
    private static string? ClientKey(Activity activity) =>
        activity.ChannelData is { ValueKind: System.Text.Json.JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
            ? id.GetString()
            : null;

    private static string NewId() => Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "The bot failed on activity {ActivityId} of conversation {ConversationId}")]
    private static partial void LogBotFailed(ILogger logger, Exception exception, string? conversationId, string? activityId);
}

/// <summary>The bot failed on an activity; Direct Line answers 502, as the hosted service does.</summary>
public sealed class DirectLineBotException(Exception inner) : Exception("The bot failed to process the activity.", inner);
