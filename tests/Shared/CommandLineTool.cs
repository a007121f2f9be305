using System.Diagnostics;

namespace Helpdesk.Tests.Shared;

/// <summary>Runs one of the repository's command-line tools, built beside the tests, as a separate
/// process from the repository root, as an operator or CI would.</summary>
internal sealed class CommandLineTool(string assemblyName)
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public async Task<Result> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryFiles.Root,
        };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Result(process.ExitCode, await output, await error);
    }
}
