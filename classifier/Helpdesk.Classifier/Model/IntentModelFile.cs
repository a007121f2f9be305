using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Helpdesk.Classifier.Features;

namespace Helpdesk.Classifier.Model;

/// <summary>
/// Reads and writes the single model file. Layout (little-endian):
/// magic "HDINTENT", format version (int32), header length (int32), header JSON (UTF-8),
/// vocabulary keys (uint64 × F), idf (float32 × F), bias (float32 × L),
/// weights (float16 × F × L, feature-major), then SHA-256 of everything before it.
/// Weights are stored as 16-bit floats to keep large models small; training rounds them the same
/// way before building the in-memory model, so a saved and reloaded model predicts identically.
/// </summary>
public static class IntentModelFile
{
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "HDINTENT"u8.ToArray();
    private const int ChecksumLength = 32;
    private const long MaxFileBytes = 1L << 30;

    public static void Save(IntentModel model, string path)
    {
        // Write beside the target and move into place, so a reader never sees half a file.
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temporary))
            {
                Save(model, stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static void Save(IntentModel model, Stream stream)
    {
        var labels = model.Labels.Count;
        var features = model.Featurizer.FeatureCount;
        var header = new ModelHeader
        {
            Labels = model.Labels,
            OutOfScopeLabel = model.OutOfScopeLabel,
            Featurizer = model.Featurizer.Options,
            FeatureCount = features,
            WordFeatureCount = model.Featurizer.WordFeatureCount,
            Temperature = model.Temperature,
            Threshold = model.Threshold,
            Metadata = model.Metadata,
        };
        var headerJson = JsonSerializer.SerializeToUtf8Bytes(header, ClassifierJsonContext.Default.ModelHeader);

        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        WriteInt32(buffer, FormatVersion);
        WriteInt32(buffer, headerJson.Length);
        buffer.Write(headerJson);
        buffer.Write(MemoryMarshal.AsBytes(model.Featurizer.Keys.AsSpan()));
        buffer.Write(MemoryMarshal.AsBytes(model.Featurizer.Idf.AsSpan()));
        buffer.Write(MemoryMarshal.AsBytes(model.Bias[..labels]));

        var row = new Half[labels];
        for (var f = 0; f < features; f++)
        {
            var weights = model.Weights.Slice(f * model.PaddedLabelCount, labels);
            for (var c = 0; c < labels; c++) row[c] = (Half)weights[c];
            buffer.Write(MemoryMarshal.AsBytes(row.AsSpan()));
        }

        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    public static IntentModel Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream);
        }
        catch (IntentModelFormatException e)
        {
            throw new IntentModelFormatException($"Cannot load the intent model '{path}': {e.Message}");
        }
        catch (IOException e)
        {
            throw new IntentModelFormatException($"Cannot read the intent model '{path}': {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IntentModelFormatException($"Cannot read the intent model '{path}': {e.Message}");
        }
    }

    public static IntentModel Load(Stream stream)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new IntentModelFormatException("model files can only be read on little-endian machines.");
        }

        var bytes = ReadAll(stream);
        var reader = new SpanReader(bytes);
        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new IntentModelFormatException("this is not a Helpdesk intent model file.");
        }

        reader.Skip(Magic.Length);
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new IntentModelFormatException(
                $"the file has model format version {version}, but this version reads format {FormatVersion}; retrain the model with 'train'.");
        }

        if (bytes.Length < reader.Position + ChecksumLength ||
            !SHA256.HashData(bytes.AsSpan(0, bytes.Length - ChecksumLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumLength)))
        {
            throw new IntentModelFormatException("the file is truncated or corrupted (checksum mismatch); retrain or copy it again.");
        }

        var header = ReadHeader(ref reader);
        var labels = header.Labels.Count;
        var features = header.FeatureCount;
        var expected = (long)features * (sizeof(ulong) + sizeof(float) + 2 * labels) + labels * sizeof(float);
        if (reader.Remaining - ChecksumLength != expected || labels < 2 || header.WordFeatureCount > features)
        {
            throw new IntentModelFormatException("the file's sections do not match its header.");
        }

        var keys = MemoryMarshal.Cast<byte, ulong>(reader.Read(features * sizeof(ulong))).ToArray();
        var idf = MemoryMarshal.Cast<byte, float>(reader.Read(features * sizeof(float))).ToArray();
        var padded = IntentModel.PadToVector(labels);
        var bias = new float[padded];
        MemoryMarshal.Cast<byte, float>(reader.Read(labels * sizeof(float))).CopyTo(bias);
        var weights = new float[features * padded];
        var stored = MemoryMarshal.Cast<byte, Half>(reader.Read(features * labels * 2));
        for (var f = 0; f < features; f++)
        {
            for (var c = 0; c < labels; c++) weights[f * padded + c] = (float)stored[f * labels + c];
        }

        var featurizer = new TextFeaturizer(header.Featurizer, keys, idf, header.WordFeatureCount);
        return new IntentModel(header.Labels, header.OutOfScopeLabel, featurizer, weights, bias,
            header.Temperature, header.Threshold, header.Metadata);
    }

    private static ModelHeader ReadHeader(ref SpanReader reader)
    {
        var length = reader.ReadInt32();
        if (length <= 0 || length > reader.Remaining - ChecksumLength)
        {
            throw new IntentModelFormatException("the header length is invalid.");
        }

        try
        {
            var header = JsonSerializer.Deserialize(reader.Read(length), ClassifierJsonContext.Default.ModelHeader)
                ?? throw new IntentModelFormatException("the header is empty.");
            header.Featurizer.Validate();
            return header;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or System.ComponentModel.DataAnnotations.ValidationException)
        {
            throw new IntentModelFormatException($"the header is invalid: {e.Message}");
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            copy.Write(chunk, 0, read);
            if (copy.Length > MaxFileBytes)
            {
                throw new IntentModelFormatException($"the file is larger than {MaxFileBytes >> 20} MB, too large to be a model.");
            }
        }

        return copy.ToArray();
    }

    private static void WriteInt32(Stream stream, int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Position { get; private set; }

        public readonly int Remaining => _bytes.Length - Position;

        public void Skip(int count) => Read(count);

        public int ReadInt32()
        {
            return BinaryPrimitives.ReadInt32LittleEndian(Read(sizeof(int)));
        }

        public ReadOnlySpan<byte> Read(int count)
        {
            if (count < 0 || count > Remaining)
            {
                throw new IntentModelFormatException("the file is truncated.");
            }

            var slice = _bytes.Slice(Position, count);
            Position += count;
            return slice;
        }
    }
}
