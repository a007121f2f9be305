using System.Diagnostics;
using System.IO.Compression;

namespace Helpdesk.Bot.Tests.Deployment;

/// <summary>
/// The Teams app package under deployment/teams: the manifest is valid against Microsoft's published
/// schema for the version it declares (stored beside it, so this runs offline), the icons have the
/// sizes and colours Teams asks for, and build-package.sh zips exactly what Teams reads.
/// </summary>
public sealed class TeamsPackageTests
{
    [Fact]
    public async Task Manifest_RenderedWithSampleIds_IsValidAgainstTeamsSchema()
    {
        var manifest = TeamsManifest.Render();

        var errors = await TeamsManifest.ValidateAsync(manifest);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Manifest_WithPlaceholdersLeft_IsRejectedBySchema()
    {
        var errors = await TeamsManifest.ValidateAsync(TeamsManifest.Template);

        Assert.Contains(errors, error => error.StartsWith("#/id", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("#/bots[0]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Manifest_WithFieldSchemaDoesNotKnow_IsRejectedBySchema()
    {
        var manifest = TeamsManifest.Parse(TeamsManifest.Render());
        manifest["bots"]![0]!["scopes"]!.AsArray().Add("groupchat");
        manifest["webhookUrl"] = "https://support.example.com/hook";

        var errors = await TeamsManifest.ValidateAsync(manifest.ToJsonString());

        Assert.Contains(errors, error => error.StartsWith("#/webhookUrl", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("#/bots[0]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Manifest_Rendered_NamesBotAndDomainAndMatchingSchemaVersion()
    {
        var manifest = TeamsManifest.Parse(TeamsManifest.Render());
        var schema = await TeamsManifest.SchemaAsync();

        // NJsonSchema does not enforce "const" (a keyword newer than the schema's draft-04), so the
        // version the manifest declares is compared with the stored schema's here.
        var version = (string)manifest["manifestVersion"]!;
        Assert.Equal(version, schema.Properties["manifestVersion"].ExtensionData?["const"]?.ToString());
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", (string)manifest["$schema"]!);
        var bot = manifest["bots"]![0]!;
        Assert.Equal(TeamsManifest.SampleBotId, (string)bot["botId"]!);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(scope => (string)scope!));
        Assert.Equal([TeamsManifest.SampleDomain], manifest["validDomains"]!.AsArray().Select(domain => (string)domain!));
        Assert.Equal("color.png", (string)manifest["icons"]!["color"]!);
        Assert.Equal("outline.png", (string)manifest["icons"]!["outline"]!);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_HasTheSizeTeamsAsks(string file, int size)
    {
        var png = PngImage.Read(Path.Combine(TeamsManifest.Folder, file));

        Assert.Equal((size, size), (png.Width, png.Height));
    }

    [Fact]
    public void OutlineIcon_IsWhiteOnTransparent()
    {
        var png = PngImage.Read(Path.Combine(TeamsManifest.Folder, "outline.png"));

        Assert.Equal((8, PngImage.TrueColorWithAlpha, 0), (png.BitDepth, png.ColorType, png.Interlace));
        var pixels = Enumerable.Range(0, png.Height).SelectMany(y => Enumerable.Range(0, png.Width).Select(x => png.Pixel(x, y))).ToList();
        Assert.All(pixels.Where(pixel => pixel.A > 0), pixel => Assert.Equal((255, 255, 255), (pixel.R, pixel.G, pixel.B)));
        Assert.Contains(pixels, pixel => pixel.A == 0);
        Assert.Contains(pixels, pixel => pixel.A == 255);
    }

    [Fact]
    public async Task BuildScript_WithBotId_ZipsManifestAndTwoIconsOnly()
    {
        using var output = new TemporaryDirectory();
        var zip = output.Path("package.zip");

        var result = await RunScriptAsync("--bot-id", TeamsManifest.SampleBotId, "--domain", TeamsManifest.SampleDomain, "--version", "1.2.3", "--out", zip);

        Assert.True(result.ExitCode == 0, result.Error);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal));
        string manifest;
        using (var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open())) manifest = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await TeamsManifest.ValidateAsync(manifest));
        Assert.Equal(TeamsManifest.SampleBotId, (string)TeamsManifest.Parse(manifest)["bots"]![0]!["botId"]!);
        Assert.Equal("1.2.3", (string)TeamsManifest.Parse(manifest)["version"]!);
    }

    [Theory]
    [InlineData("--bot-id", "not-a-guid", "--domain", TeamsManifest.SampleDomain)]
    [InlineData("--bot-id", TeamsManifest.SampleBotId, "--domain", "https://support.example.com/")]
    [InlineData("--bot-id", TeamsManifest.SampleBotId)]
    public async Task BuildScript_WithBadArguments_FailsWithoutPackage(params string[] arguments)
    {
        using var output = new TemporaryDirectory();
        var zip = output.Path("package.zip");

        var result = await RunScriptAsync([.. arguments, "--out", zip]);

        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(zip));
    }

    private static async Task<CommandLineTool.Result> RunScriptAsync(params string[] arguments)
    {
        var bash = OnPath("bash");
        if (bash is null || OnPath("zip") is null) Assert.Skip("build-package.sh needs bash and zip: install zip (apt-get install zip) to run this test.");

        var start = new ProcessStartInfo(bash) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(TeamsManifest.Folder, "build-package.sh"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CommandLineTool.Result(process.ExitCode, await output, await error);
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
