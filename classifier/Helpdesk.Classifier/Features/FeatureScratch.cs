using System.Buffers;

namespace Helpdesk.Classifier.Features;

/// <summary>Pooled buffers for one featurization, so serving a prediction allocates almost nothing.</summary>
internal sealed class FeatureScratch : IDisposable
{
    private readonly ulong[] _keys;
    private readonly int[] _hits;
    private readonly int[] _indices;
    private readonly float[] _values;
    private readonly int _capacity;

    public FeatureScratch(TextFeaturizer featurizer, int normalizedLength)
    {
        _capacity = NgramHasher.MaxKeys(normalizedLength, featurizer.Options);
        _keys = ArrayPool<ulong>.Shared.Rent(_capacity);
        _hits = ArrayPool<int>.Shared.Rent(_capacity);
        _indices = ArrayPool<int>.Shared.Rent(_capacity);
        _values = ArrayPool<float>.Shared.Rent(_capacity);
    }

    public Span<ulong> Keys => _keys.AsSpan(0, _capacity);

    public Span<int> Hits => _hits.AsSpan(0, _capacity);

    public Span<int> Indices => _indices.AsSpan(0, _capacity);

    public Span<float> Values => _values.AsSpan(0, _capacity);

    public void Dispose()
    {
        ArrayPool<ulong>.Shared.Return(_keys);
        ArrayPool<int>.Shared.Return(_hits);
        ArrayPool<int>.Shared.Return(_indices);
        ArrayPool<float>.Shared.Return(_values);
    }
}
