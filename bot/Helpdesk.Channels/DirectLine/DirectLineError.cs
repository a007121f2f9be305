namespace Helpdesk.Channels.DirectLine;

/// <summary>Direct Line's error body: <c>{ "error": { "code", "message" } }</c>.</summary>
public sealed record DirectLineError(DirectLineErrorBody Error)
{
    public static DirectLineError Of(string code, string message) => new(new DirectLineErrorBody(code, message));
}

public sealed record DirectLineErrorBody(string Code, string Message);
