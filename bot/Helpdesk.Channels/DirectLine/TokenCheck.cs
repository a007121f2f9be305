namespace Helpdesk.Channels.DirectLine;

/// <summary>Why a token was refused, or which conversation and user it grants.</summary>
public sealed record TokenCheck(TokenProblem? Problem, string? ConversationId, string? UserId)
{
    public bool IsValid => Problem is null;

    /// <summary>True only for a valid token issued for exactly this conversation.</summary>
    public bool Grants(string conversationId) => IsValid && string.Equals(ConversationId, conversationId, StringComparison.Ordinal);

    public static TokenCheck Refused(TokenProblem problem) => new(problem, null, null);
}

public enum TokenProblem
{
    /// <summary>Not a token this server issued: garbage, another issuer, a bad or missing signature.</summary>
    Invalid,

    /// <summary>Issued here, but its lifetime is over; the client must start again or refresh in time.</summary>
    Expired,
}
