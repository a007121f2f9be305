using System.Collections.Concurrent;
using System.Text.Json;

namespace Helpdesk.Channels.BotConnector;

/// <summary>
/// Signing keys per OpenID metadata address, fetched on first use, refreshed when older than the
/// configured interval, and fetched once more when a token names a key id not seen yet (keys rotate
/// without notice) — but not more than once a minute per address, so tokens with invented key ids
/// cannot make the bot hammer the issuer. A failed fetch keeps the keys already known. One fetch at a time.
/// </summary>
public sealed class SigningKeyCache(HttpClient http, TimeProvider time, TimeSpan refreshInterval) : IDisposable
{
    private static readonly TimeSpan MinimumGap = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Fetched> _fetched = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _fetching = new(1, 1);

    /// <summary>The key with this id published at <paramref name="metadataUrl"/>, or null when there is none.</summary>
    /// <exception cref="SigningKeysUnavailableException">The keys could not be fetched and none are known.</exception>
    public async Task<SigningKey?> FindAsync(string metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        var keys = await KeysAsync(metadataUrl, refreshInterval, cancellationToken);
        return keys.TryGetValue(keyId, out var key) ? key : (await KeysAsync(metadataUrl, MinimumGap, cancellationToken)).GetValueOrDefault(keyId);
    }

    public void Dispose() => _fetching.Dispose();

    /// <summary>The keys, fetched again unless fetched within <paramref name="freshWithin"/> (or a fetch failed less than a minute ago).</summary>
    private async Task<IReadOnlyDictionary<string, SigningKey>> KeysAsync(string metadataUrl, TimeSpan freshWithin, CancellationToken cancellationToken)
    {
        if (Usable(metadataUrl, freshWithin) is { } current) return current;
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have fetched while this one waited.
            if (Usable(metadataUrl, freshWithin) is { } fresh) return fresh;
            var known = _fetched.GetValueOrDefault(metadataUrl);
            try
            {
                var keys = await FetchAsync(metadataUrl, cancellationToken);
                _fetched[metadataUrl] = new Fetched(keys, time.GetUtcNow(), DateTimeOffset.MinValue);
                return keys;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or InvalidDataException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (known is null) throw new SigningKeysUnavailableException(metadataUrl, e);
                _fetched[metadataUrl] = known with { RetryAfter = time.GetUtcNow() + MinimumGap };
                return known.Keys;
            }
        }
        finally
        {
            _fetching.Release();
        }
    }

    private IReadOnlyDictionary<string, SigningKey>? Usable(string metadataUrl, TimeSpan freshWithin)
    {
        var now = time.GetUtcNow();
        return _fetched.TryGetValue(metadataUrl, out var fetched) && (now - fetched.At < freshWithin || now < fetched.RetryAfter) ? fetched.Keys : null;
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> FetchAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(new Uri(metadataUrl), cancellationToken));
        var jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()!
            : throw new InvalidDataException($"{metadataUrl} has no jwks_uri.");
        return SigningKeySet.Parse(await http.GetStringAsync(new Uri(jwksUri), cancellationToken));
    }

    private sealed record Fetched(IReadOnlyDictionary<string, SigningKey> Keys, DateTimeOffset At, DateTimeOffset RetryAfter);
}

/// <summary>The issuer's signing keys could not be fetched and none are known: no token can be verified now.</summary>
public sealed class SigningKeysUnavailableException(string metadataUrl, Exception inner)
    : Exception($"The signing keys at {metadataUrl} could not be fetched: {inner.Message}", inner);
