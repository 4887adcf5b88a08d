using System.Text.RegularExpressions;

namespace HccPathway.Deploy.Tests.Docs;

/// <summary>
/// Markdown files named in prose rather than linked: "see docs/architecture.md" in a C# comment, a shell script's
/// pointer to deploy/local/README.md, a backticked <c>clinical-rules.md</c> in a document, a note in a build or
/// manifest file. In C# only comments count; a string literal such as an output file name is code. Names inside web
/// addresses are not citations.
/// </summary>
public static partial class MarkdownCitations
{
    /// <summary>
    /// Names the repository's tools write rather than cite: the benchmark's result table, written into each results
    /// folder by deploy/local/bench.sh.
    /// </summary>
    private static readonly string[] OutputNames = ["results.md"];

    public static IEnumerable<PathReference> In(string file, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var prose = file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? CommentOf(lines[i]) : lines[i];
            foreach (var path in Cited().Matches(prose).Select(m => m.Groups["path"].Value).Where(p => !OutputNames.Contains(p)))
            {
                yield return new PathReference(file, i + 1, path);
            }
        }
    }

    /// <summary>
    /// Where a cited name may be: a path relative to the citing file or to the repository root (docs/architecture.md),
    /// and a bare name also in docs/ (clinical-rules.md). The first that exists, or null.
    /// </summary>
    public static string? Resolve(string root, string file, string cited)
    {
        var folder = Path.Combine(root, Path.GetDirectoryName(file) ?? "");
        string[] candidates = cited.Contains('/', StringComparison.Ordinal)
            ? [Path.Combine(folder, cited), Path.Combine(root, cited)]
            : [Path.Combine(folder, cited), Path.Combine(root, cited), Path.Combine(root, "docs", cited)];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists);
    }

    private static string CommentOf(string line)
    {
        if (LineComment().Match(line) is { Success: true } comment)
        {
            return line[(comment.Index + 2)..];
        }

        var trimmed = line.TrimStart();
        return trimmed.StartsWith("/*", StringComparison.Ordinal) || trimmed.StartsWith('*') ? trimmed : "";
    }

    // A name ending in .md that does not continue a longer name or a web address: docs/architecture.md, clinical-rules.md.
    [GeneratedRegex(@"(?<![\w/.:@%-])(?<path>(?:[\w.-]+/)*[\w.-]*\w\.md)\b")]
    private static partial Regex Cited();

    // "//" that is not the "://" of a web address in a string.
    [GeneratedRegex("(?<!:)//")]
    private static partial Regex LineComment();
}
