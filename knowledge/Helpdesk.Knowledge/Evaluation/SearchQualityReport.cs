namespace Helpdesk.Knowledge.Evaluation;

/// <summary>Retrieval quality over a query set. Recall@k: share of queries with an expected article
/// in the top k. MRR: mean of 1 / rank of the first expected article (0 when none in the top 10).</summary>
public sealed record SearchQualityReport(int Queries, double RecallAt1, double RecallAt3, double Mrr, IReadOnlyList<MissedQuery> Missed);

/// <summary>A query whose expected articles were not in the top three, and what came instead.</summary>
public sealed record MissedQuery(string Query, IReadOnlyList<string> Expected, IReadOnlyList<string> Ranked);
