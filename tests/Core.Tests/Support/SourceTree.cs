using System.Runtime.CompilerServices;

namespace Timpora.Core.Tests.Support;

/// <summary>Finds the repository's files, wherever the test assembly was built to.</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot([CallerFilePath] string thisFile = "")
    {
        var starts = new[] { Path.GetDirectoryName(thisFile), AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        foreach (var start in starts.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Timpora.Bot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository (Timpora.Bot.sln) from the test's source or output.");
    }
}
