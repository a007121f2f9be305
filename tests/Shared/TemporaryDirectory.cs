namespace Helpdesk.Tests.Shared;

/// <summary>A directory that exists for one test and is removed afterwards.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        FullPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "helpdesk-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
    }

    public string FullPath { get; }

    public string Path(string name) => System.IO.Path.Combine(FullPath, name);

    public string Write(string name, string content)
    {
        var path = Path(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(FullPath, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder on some platforms; the OS cleans temp later.
        }
    }
}
