using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Helpdesk.Channels.Schema;

/// <summary>
/// The Bot Framework's JSON conventions: camelCase names, nulls and empty lists omitted when
/// writing (the protocol asks senders not to send empty <c>entities</c>, <c>attachments</c> or
/// <c>suggestedActions</c>), unknown fields kept. Source-generated; use <see cref="Options"/> everywhere.
/// </summary>
public static class ChannelJson
{
    // Copies the generated context's settings (naming, null handling), then adds the modifier.
    public static JsonSerializerOptions Options { get; } = new(ChannelJsonContext.Default.Options)
    {
        TypeInfoResolver = ChannelJsonContext.Default.WithAddedModifier(OmitEmptyLists),
    };

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, ActivityInfo);

    public static Activity? Deserialize(string json) => JsonSerializer.Deserialize(json, ActivityInfo);

    /// <summary>Several activities as one JSON array.</summary>
    public static string Serialize(IReadOnlyList<Activity> activities) => JsonSerializer.Serialize(activities as List<Activity> ?? [.. activities], Info<List<Activity>>());

    public static IReadOnlyList<Activity>? DeserializeList(string json) => JsonSerializer.Deserialize(json, Info<List<Activity>>());

    public static JsonTypeInfo<Activity> ActivityInfo { get; } = Info<Activity>();

    /// <summary>The metadata for any wire type, with these conventions applied.</summary>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    // Only the activity schema omits empty lists; Direct Line's ActivitySet always carries its array.
    private static void OmitEmptyLists(JsonTypeInfo type)
    {
        if (type.Type.Namespace != typeof(Activity).Namespace) return;
        foreach (var property in type.Properties)
        {
            if (property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                && !typeof(IDictionary).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = (_, value) => value is not (null or ICollection { Count: 0 });
            }
        }
    }
}
