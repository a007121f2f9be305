using Helpdesk.Channels.Schema;

namespace Helpdesk.Channels.DirectLine;

/// <summary>The optional body of "generate token" and "start conversation": who the user is.</summary>
public sealed record TokenRequest(ChannelAccount? User, string? Locale);
