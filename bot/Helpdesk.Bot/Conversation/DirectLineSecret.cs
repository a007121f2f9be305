using System.Security.Cryptography;
using Helpdesk.Channels.DirectLine;

namespace Helpdesk.Bot.Conversation;

/// <summary>
/// Where the Direct Line secret comes from: configuration (<c>DirectLine:Secret</c>) always wins;
/// in Development, when none is configured, one is generated at first start and kept in the data
/// folder, so "dotnet run" works on a fresh clone and tokens survive a restart. Anywhere else a
/// missing secret stops the start: a production secret is never invented.
/// </summary>
internal static class DirectLineSecret
{
    public static string Resolve(DirectLineOptions options, IHostEnvironment environment, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.Secret)) return options.Secret;
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("DirectLine:Secret is not configured. Set it to a random value of at least 32 characters (e.g. from a key vault or an environment variable DirectLine__Secret).");
        }

        var path = Path.Combine(dataDirectory, "secrets", "directline.secret");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 32 } stored) return stored;

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secret;
    }
}
