using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Classifier.Features;

/// <summary>How text becomes a feature vector. Stored in the model file, so a model always
/// featurizes at prediction time exactly as it did when it was trained.</summary>
public sealed record FeaturizerOptions
{
    /// <summary>Word n-grams from 1 up to this length.</summary>
    [Range(1, 3)] public int WordNgramMax { get; init; } = 2;

    /// <summary>Character n-grams over the whole normalized text, so they run both within
    /// words and across the spaces between them; these make the model robust to typos.</summary>
    [Range(1, 8)] public int CharNgramMin { get; init; } = 2;

    [Range(1, 8)] public int CharNgramMax { get; init; } = 5;

    /// <summary>Features seen in fewer training utterances are dropped: they cannot generalize
    /// and would only grow the model.</summary>
    [Range(1, 100)] public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>Upper bound on kept features (the most frequent win). Together with the number of
    /// labels it bounds the model file; see <see cref="FeatureBudget"/>.</summary>
    [Range(1_000, 5_000_000)] public int MaxFeatures { get; init; } = 250_000;

    /// <summary>Share of the vector's squared length given to word features; characters get the rest.</summary>
    [Range(0.0, 1.0)] public double WordShare { get; init; } = 0.5;

    /// <summary>Text past this length is ignored (see <see cref="Text.TextNormalizer.DefaultMaxCharacters"/>).</summary>
    [Range(16, 1_000_000)] public int MaxCharacters { get; init; } = Text.TextNormalizer.DefaultMaxCharacters;

    public void Validate()
    {
        if (CharNgramMin > CharNgramMax)
        {
            throw new ArgumentException($"CharNgramMin ({CharNgramMin}) must not exceed CharNgramMax ({CharNgramMax}).");
        }

        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
    }
}
