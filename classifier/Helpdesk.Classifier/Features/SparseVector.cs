namespace Helpdesk.Classifier.Features;

/// <summary>A feature vector as parallel arrays of ascending feature indices and their values.</summary>
internal readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public int Count => Indices.Length;
}
