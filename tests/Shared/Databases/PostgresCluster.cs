using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Helpdesk.Tests.Databases;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run, started from the Debian <c>postgresql</c>
/// package's binaries on a free loopback port, with its data in a temporary folder; every test gets
/// a fresh database in it. Without the binaries the tests that need it skip and say what to install.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string Superuser = "helpdesk";
    private string? _binaries;
    private string? _dataDirectory;
    private string? _serverConnectionString;

    /// <summary>Why there is no server, when there is none.</summary>
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _binaries = FindBinaries();
        if (_binaries is null)
        {
            Unavailable = "PostgreSQL is not installed: install Debian's postgresql package (apt-get install postgresql) to run the PostgreSQL tests.";
            return;
        }

        var asUser = RunAs;
        _dataDirectory = Path.Combine(Path.GetTempPath(), "helpdesk-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDirectory);
        if (asUser is not null) await RunAsync(null, "chown", asUser, _dataDirectory);

        var port = FreePort();
        await RunAsync(asUser, Path.Combine(_binaries, "initdb"), "-D", _dataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-sync");
        var settings = $"-p {port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(asUser, Path.Combine(_binaries, "pg_ctl"), "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-w", "-o", settings, "start");
        _serverConnectionString = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = Superuser, Database = "postgres", Pooling = false }.ToString();
    }

    /// <summary>A new, empty database; skips the calling test when there is no server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (Unavailable is not null) Assert.Skip(Unavailable);
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(_serverConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = name, Pooling = true, MaxPoolSize = 50 }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDirectory is null || _binaries is null) return;
        try
        {
            await RunAsync(RunAs, Path.Combine(_binaries, "pg_ctl"), "-D", _dataDirectory, "-m", "immediate", "stop");
        }
        finally
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>Debian keeps each major version in /usr/lib/postgresql/N/bin; the newest wins. Elsewhere, initdb on the PATH.</summary>
    private static string? FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(folder => (Folder: folder, Version: int.TryParse(Path.GetFileName(folder), out var version) ? version : 0))
                .Where(candidate => File.Exists(Path.Combine(candidate.Folder, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.Version)
                .FirstOrDefault();
            if (newest.Folder is not null) return Path.Combine(newest.Folder, "bin");
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>initdb refuses to run as root; the package's postgres account runs the server then.</summary>
    private static string? RunAs => Environment.UserName == "root" ? "postgres" : null;

    private static async Task RunAsync(string? asUser, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(asUser is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is not null)
        {
            foreach (var prefix in new[] { "-u", asUser, "--", program }) start.ArgumentList.Add(prefix);
        }

        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {await errors}{await output}");
        }
    }
}
