namespace Helpdesk.Knowledge.Feedback;

/// <summary>How many events of one kind an article had for one intent (or none).</summary>
public readonly record struct FeedbackCount(string ArticleId, string? Intent, ArticleEventKind Kind, int Count);
