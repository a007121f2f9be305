namespace Helpdesk.Channels.Schema;

/// <summary>Activity <c>type</c> values of the Bot Framework protocol v3. Receivers accept and ignore
/// types they do not know, so this is a list of names, not an enum.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string EndOfConversation = "endOfConversation";
    public const string MessageReaction = "messageReaction";
    public const string InstallationUpdate = "installationUpdate";
}
