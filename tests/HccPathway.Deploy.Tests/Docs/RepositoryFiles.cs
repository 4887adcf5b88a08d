using System.ComponentModel;
using System.Diagnostics;

namespace HccPathway.Deploy.Tests.Docs;

/// <summary>
/// The files of a checkout, as paths relative to its root with '/' separators: what git tracks plus new files it does
/// not ignore (so a document not yet added is checked too). Without git, or outside a git checkout, a walk of the tree
/// that skips build output and local state.
/// </summary>
public static class RepositoryFiles
{
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", ".local", "node_modules", "TestResults"];

    public static IReadOnlyList<string> WithExtensions(string root, params string[] extensions) =>
        (FromGit(root) ?? FromWalk(root))
            .Where(file => extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static IEnumerable<string>? FromGit(string root)
    {
        var start = new ProcessStartInfo("git", ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var stderr = git.StandardError.ReadToEndAsync();
            var listed = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            _ = stderr.Result;

            // A file deleted but not yet committed is still listed by --cached.
            return git.ExitCode == 0
                ? listed.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(root, f)))
                : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    private static IEnumerable<string> FromWalk(string root)
    {
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        while (pending.TryPop(out var folder))
        {
            foreach (var child in folder.EnumerateDirectories().Where(d => !SkippedFolders.Contains(d.Name)))
            {
                pending.Push(child);
            }

            foreach (var file in folder.EnumerateFiles())
            {
                yield return Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            }
        }
    }
}
