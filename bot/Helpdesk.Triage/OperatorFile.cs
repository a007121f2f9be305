using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Helpdesk.Triage;

/// <summary>Reads a JSON file an operator edits (prompts, routing, customers): any syntax or shape
/// error comes back as one <see cref="InvalidDataException"/> naming the file, never a stack trace.</summary>
internal static class OperatorFile
{
    public static T Read<T>(string path, JsonTypeInfo<T> type) where T : class
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, type) ?? throw new InvalidDataException($"{path}: the file is empty.");
        }
        catch (JsonException e)
        {
            // Syntax and type errors stop the JSON reader itself, so only the first can be reported.
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
