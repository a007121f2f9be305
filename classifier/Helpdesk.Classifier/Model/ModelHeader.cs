using Helpdesk.Classifier.Features;

namespace Helpdesk.Classifier.Model;

/// <summary>The JSON part of a model file: everything but the numeric arrays.</summary>
public sealed record ModelHeader
{
    public required IReadOnlyList<string> Labels { get; init; }

    public string? OutOfScopeLabel { get; init; }

    public required FeaturizerOptions Featurizer { get; init; }

    public required int FeatureCount { get; init; }

    public required int WordFeatureCount { get; init; }

    public required double Temperature { get; init; }

    public required double Threshold { get; init; }

    public required ModelMetadata Metadata { get; init; }
}
