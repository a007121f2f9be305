using System.Text.Json.Nodes;
using NJsonSchema;

namespace Helpdesk.Bot.Tests.Deployment;

/// <summary>The Teams app files under deployment/teams: the manifest template filled in as
/// build-package.sh fills it, and the published schema it is checked against.</summary>
internal static class TeamsManifest
{
    public const string SampleBotId = "6f1c2a4e-93b7-4d05-8e21-5a0c7d9b3f18";
    public const string SampleDomain = "support.example.com";

    public static string Folder => RepositoryFiles.Path("deployment", "teams");

    public static string Template => File.ReadAllText(Path.Combine(Folder, "manifest.template.json"));

    public static string Render(string botId = SampleBotId, string? appId = null, string version = "1.0.0", string domain = SampleDomain) =>
        Template
            .Replace("{{BOT_ID}}", botId, StringComparison.Ordinal)
            .Replace("{{APP_ID}}", appId ?? botId, StringComparison.Ordinal)
            .Replace("{{APP_VERSION}}", version, StringComparison.Ordinal)
            .Replace("{{BOT_DOMAIN}}", domain, StringComparison.Ordinal)
            .Replace("{{DEVELOPER_NAME}}", "Helpdesk", StringComparison.Ordinal)
            .Replace("{{PRIVACY_URL}}", $"https://{domain}/privacy", StringComparison.Ordinal)
            .Replace("{{TERMS_URL}}", $"https://{domain}/terms", StringComparison.Ordinal);

    public static Task<JsonSchema> SchemaAsync() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Folder, "schema", "MicrosoftTeams.schema.json")), TestContext.Current.CancellationToken);

    /// <summary>Each problem as "path: kind", so a failing assertion names what to fix.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string manifest) =>
        [.. (await SchemaAsync()).Validate(manifest).Select(error => $"{error.Path}: {error.Kind}")];

    public static JsonObject Parse(string manifest) => JsonNode.Parse(manifest)!.AsObject();
}
