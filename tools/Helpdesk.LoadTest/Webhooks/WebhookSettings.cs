namespace Helpdesk.LoadTest.Webhooks;

/// <summary>
/// The built-in webhook receiver: where it listens (any path on that host and port), the secret
/// deliveries are signed with, how long to wait for the cases' webhooks after the conversations,
/// and how many attempts of each event it refuses on purpose to exercise the host's retries.
/// </summary>
internal sealed record WebhookSettings(Uri Listen, string Secret, TimeSpan Wait, int FailFirst)
{
    /// <summary>The address as given, or null when it is not an absolute http address (the receiver has no certificate).</summary>
    public static Uri? ParseListen(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp ? url : null;
}
