namespace HccPathway.Deploy.Tests.Docs;

/// <summary>The references of a checkout that point at nothing, in file and line order.</summary>
public static class BrokenReferences
{
    public static IReadOnlyList<PathReference> Links(string root) =>
        RepositoryFiles.WithExtensions(root, ".md")
            .SelectMany(file => MarkdownLinks.In(file, File.ReadAllText(Path.Combine(root, file))))
            .Where(link => MarkdownLinks.Resolve(root, link.File, link.Target) is var path
                           && !File.Exists(path) && !Directory.Exists(path))
            .ToArray();

    public static IReadOnlyList<PathReference> Citations(string root) =>
        RepositoryFiles.WithExtensions(root, ".cs", ".sh", ".md", ".props", ".csproj", ".yaml", ".yml")
            .SelectMany(file => MarkdownCitations.In(file, File.ReadAllText(Path.Combine(root, file))))
            .Where(citation => MarkdownCitations.Resolve(root, citation.File, citation.Target) is null)
            .ToArray();

    public static string Report(string what, IReadOnlyList<PathReference> broken) =>
        $"{broken.Count} {what}:{Environment.NewLine}" + string.Join(Environment.NewLine, broken.Select(b => "  " + b));
}
