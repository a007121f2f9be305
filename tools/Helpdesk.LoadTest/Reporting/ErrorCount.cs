namespace Helpdesk.LoadTest.Reporting;

/// <summary>How many conversations failed the same way, with what the first of them was told.</summary>
internal sealed record ErrorCount(string Kind, int Count, string Example);
