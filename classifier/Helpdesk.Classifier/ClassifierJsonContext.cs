using System.Text.Json.Serialization;
using Helpdesk.Classifier.Evaluation;
using Helpdesk.Classifier.Model;

namespace Helpdesk.Classifier;

/// <summary>The one JSON setup of the classifier: camelCase, nulls omitted, source-generated.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(ModelHeader))]
[JsonSerializable(typeof(EvaluationReport))]
[JsonSerializable(typeof(CrossValidationReport))]
[JsonSerializable(typeof(IntentPrediction))]
public sealed partial class ClassifierJsonContext : JsonSerializerContext;
