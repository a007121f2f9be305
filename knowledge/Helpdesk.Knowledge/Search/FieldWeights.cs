namespace Helpdesk.Knowledge.Search;

/// <summary>BM25F parameters per field: how much a match counts (boost) and how much a long field
/// is discounted (b). Titles and tags are short and chosen words, so they count most.</summary>
internal static class FieldWeights
{
    public const int Title = 0, Tags = 1, Headings = 2, Summary = 3, Body = 4, Count = 5;

    /// <summary>Term-frequency saturation. Higher than plain BM25's usual 1.2 because the field
    /// boosts already multiply frequencies; 3.0 measured best on the shipped queries (docs/performance.md).</summary>
    public const float K1 = 3.0f;

    public static readonly float[] Boost = [3.0f, 2.5f, 1.5f, 1.5f, 1.0f];

    public static readonly float[] LengthNormalization = [0.3f, 0.3f, 0.5f, 0.5f, 0.75f];
}
