namespace Helpdesk.Channels.Replies;

/// <summary>A titled list of facts, shown as one card ("here is what will be sent").</summary>
public sealed record SummaryCard(string Title, IReadOnlyList<SummaryFact> Facts);

/// <summary>One line of a summary card.</summary>
public sealed record SummaryFact(string Label, string Value);
