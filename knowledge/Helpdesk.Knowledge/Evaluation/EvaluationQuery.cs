namespace Helpdesk.Knowledge.Evaluation;

/// <summary>A customer query and the article ids that answer it.</summary>
public sealed record EvaluationQuery(string Query, IReadOnlySet<string> Expected, string? Intent, int Line);
