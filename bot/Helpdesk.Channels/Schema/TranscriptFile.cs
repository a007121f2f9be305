using System.Text.Json;

namespace Helpdesk.Channels.Schema;

/// <summary>
/// The Bot Framework's <c>.transcript</c> file, which the Bot Framework Emulator opens: a JSON array of
/// activities in UTF-8 without a byte-order mark. Reading also accepts the <c>{ "transcript": [...] }</c>
/// form some tools write, and a byte-order mark an editor added.
/// </summary>
public static class TranscriptFile
{
    public const string Extension = ".transcript";

    // Encoding.UTF8.GetBytes writes no byte-order mark.
    public static byte[] Write(IReadOnlyList<Activity> activities) => System.Text.Encoding.UTF8.GetBytes(ChannelJson.Serialize(activities));

    /// <summary>The activities of a transcript; <see cref="JsonException"/> when the text is neither form.</summary>
    public static IReadOnlyList<Activity> Read(ReadOnlySpan<byte> utf8)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (utf8.StartsWith(bom)) utf8 = utf8[bom.Length..];
        using var document = JsonDocument.Parse(utf8.ToArray());
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("transcript", out var wrapped)) root = wrapped;
        if (root.ValueKind != JsonValueKind.Array) throw new JsonException("A transcript is an array of activities, or an object with one under \"transcript\".");
        return root.Deserialize(ChannelJson.Info<List<Activity>>()) ?? [];
    }
}
