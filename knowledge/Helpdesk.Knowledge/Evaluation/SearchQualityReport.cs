namespace Helpdesk.Knowledge.Evaluation;

/// <summary>
/// Retrieval quality over a query set. Recall@k: share of queries with an expected article in the
/// top k of the ranking. MRR: mean of 1 / rank of the first expected article (0 when none is in the
/// top 10). SuggestedCorrectly: share of queries where what the bot would actually offer (at most
/// two confident suggestions) includes an expected article. With unanswerable queries,
/// UnanswerableRejected is the share of them for which the bot would say it has no good answer.
/// </summary>
public sealed record SearchQualityReport(
    int Queries,
    double RecallAt1,
    double RecallAt3,
    double Mrr,
    double SuggestedCorrectly,
    IReadOnlyList<MissedQuery> Missed)
{
    public int? UnanswerableQueries { get; init; }

    public double? UnanswerableRejected { get; init; }
}

/// <summary>A query whose expected articles were not in the top three, and what came instead.</summary>
public sealed record MissedQuery(string Query, IReadOnlyList<string> Expected, IReadOnlyList<string> Ranked);
