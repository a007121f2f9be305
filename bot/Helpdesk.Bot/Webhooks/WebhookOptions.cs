using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.Webhooks;

/// <summary>The "Webhooks" configuration: where case events are POSTed, signed, for external helpdesks.</summary>
internal sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "Webhooks";

    public List<WebhookDestination> Destinations { get; set; } = [];

    /// <summary>How often the outbox is checked; a new case reaches receivers within about this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")] public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Destinations.Count; i++)
        {
            var destination = Destinations[i];
            var at = $"Webhooks:Destinations:{i}";
            if (string.IsNullOrWhiteSpace(destination.Name) || Destinations.Take(i).Any(d => d.Name == destination.Name)) yield return new($"{at}:Name must be set and unique.");
            if (!Uri.TryCreate(destination.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)) yield return new($"{at}:Url must be an absolute http(s) address.");
            if (destination.Secret.Length < 16) yield return new($"{at}:Secret must be at least 16 characters (receivers verify the signature with it).");
            if (destination.MaxAttempts is < 1 or > 50) yield return new($"{at}:MaxAttempts must be between 1 and 50.");
            if (destination.FirstRetryDelay <= TimeSpan.Zero) yield return new($"{at}:FirstRetryDelay must be positive.");
        }
    }
}

/// <summary>One receiver of case events.</summary>
internal sealed class WebhookDestination
{
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>The shared secret signatures are made with (Standard Webhooks: "whsec_" + base64, or any text).</summary>
    public string Secret { get; set; } = "";

    /// <summary>Event types to send; empty sends all.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>Attempts before an event is dead-lettered for this receiver.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan FirstRetryDelay { get; set; } = Helpdesk.Triage.Outbox.RetrySchedule.DefaultFirstDelay;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
