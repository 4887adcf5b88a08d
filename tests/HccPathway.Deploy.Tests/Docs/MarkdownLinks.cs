using System.Text.RegularExpressions;

namespace HccPathway.Deploy.Tests.Docs;

/// <summary>
/// The links of a Markdown file that point into the repository: inline links and images (<c>[text](path)</c>,
/// <c>![alt](path)</c>) and reference definitions (<c>[label]: path</c>). Web and mail links, other schemes and
/// same-page anchors are left out, and so is anything in a code block or a code span, which is text, not a link.
/// </summary>
public static partial class MarkdownLinks
{
    public static IEnumerable<PathReference> In(string file, string markdown)
    {
        var lines = markdown.Split('\n');
        var fence = (string?)null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }

                continue;
            }

            var prose = CodeSpan().Replace(lines[i], "");
            var targets = InlineLink().Matches(prose).Concat(ReferenceDefinition().Matches(prose)).Select(m => m.Groups["target"].Value);
            foreach (var target in targets.Where(IsIntoTheRepository))
            {
                yield return new PathReference(file, i + 1, target);
            }
        }
    }

    /// <summary>The file or folder a link names, relative to the linking file (or to the root, for a leading '/').</summary>
    public static string Resolve(string root, string file, string target)
    {
        var path = Uri.UnescapeDataString(target.Split('#', '?')[0]);
        var folder = path.StartsWith('/') ? root : Path.Combine(root, Path.GetDirectoryName(file) ?? "");
        return Path.GetFullPath(Path.Combine(folder, path.TrimStart('/')));
    }

    private static bool IsIntoTheRepository(string target) =>
        target.Length > 0 && !target.StartsWith('#') && !Scheme().IsMatch(target);

    // [text](target "title") and ![alt](target); the text may hold one level of brackets.
    [GeneratedRegex("""!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?(?<target>[^)\s>]+)>?(?:\s+["'(][^)]*)?\)""")]
    private static partial Regex InlineLink();

    [GeneratedRegex("""^\s{0,3}\[[^\]]+\]:\s*<?(?<target>[^\s>]+)>?""")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex("`+[^`]*`+")]
    private static partial Regex CodeSpan();

    // http:, https:, mailto:, and any other scheme.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}
