using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Channels.Schema;

/// <summary>
/// Timestamps are ISO 8601 on the wire (<c>timestamp</c> with <c>Z</c>, <c>localTimestamp</c> with
/// its offset, both kept on write, to the millisecond). Some channels send Unix seconds or milliseconds instead; those
/// are read too, and an unreadable value is treated as absent rather than failing the activity.
/// </summary>
public sealed class LenientTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed):
                return parsed;
            case JsonTokenType.Number when reader.TryGetInt64(out var unix):
                // Values past the year 2286 in seconds are milliseconds.
                return unix > 10_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is not { } time)
        {
            writer.WriteNullValue();
            return;
        }

        // Millisecond precision, as channels write them.
        writer.WriteStringValue(time.Offset == TimeSpan.Zero
            ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
    }
}
