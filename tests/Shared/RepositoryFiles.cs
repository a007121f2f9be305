namespace Helpdesk.Tests.Shared;

/// <summary>Finds files of the repository the tests were built from.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Helpdesk.Bot.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("The tests must run from a build inside the repository.");
    }
}
