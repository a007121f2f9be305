namespace Helpdesk.LoadTest.DirectLine;

/// <summary>The sender or recipient of an activity; <c>role</c> is "user" or "bot".</summary>
internal sealed record Account(string? Id, string? Role = null);
