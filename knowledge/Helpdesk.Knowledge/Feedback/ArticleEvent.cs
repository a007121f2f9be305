namespace Helpdesk.Knowledge.Feedback;

/// <summary>Something a customer did with a suggested article, for the intent they came with.</summary>
public sealed record ArticleEvent(string ArticleId, string? Intent, ArticleEventKind Kind, DateTimeOffset At);
