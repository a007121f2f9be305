using Helpdesk.Classifier.Features;

namespace Helpdesk.Classifier.Training;

/// <summary>Featurized examples with label indices and example weights.</summary>
internal sealed record TrainingData(IReadOnlyList<SparseVector> Vectors, int[] Labels, float[] Weights);
