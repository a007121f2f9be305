namespace Helpdesk.Triage.Dialog;

/// <summary>One line of the conversation as the agent will read it.</summary>
/// <param name="Role">"user" or "bot", as in Bot Framework transcripts.</param>
public sealed record TranscriptEntry(string Role, string Text, DateTimeOffset At);
