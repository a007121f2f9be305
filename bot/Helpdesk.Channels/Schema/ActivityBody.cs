using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Channels.Schema;

/// <summary>An activity posted to one of our endpoints (Direct Line, Bot Connector), read with a size limit, or why it cannot be accepted. Nothing is
/// recorded for a body that fails here.</summary>
internal sealed record ActivityBody(Activity? Activity, BodyProblem? Problem)
{
    public static async Task<ActivityBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return TooLarge(maxBytes);

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ChannelJson.ActivityInfo);
        }
        catch (JsonException e)
        {
            return Bad($"The body is not a valid activity: {e.Message}");
        }

        if (activity is null) return Bad("The body is empty; post one activity as JSON.");
        if (string.IsNullOrWhiteSpace(activity.Type)) return Bad("The activity has no type.");
        return new ActivityBody(activity, null);
    }

    private static ActivityBody Bad(string message) => new(null, new BodyProblem(StatusCodes.Status400BadRequest, "BadArgument", message));

    private static ActivityBody TooLarge(int maxBytes) =>
        new(null, new BodyProblem(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {maxBytes / 1024} KB."));
}

internal sealed record BodyProblem(int Status, string Code, string Message);
