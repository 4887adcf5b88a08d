using HccPathway.Contracts;

namespace HccPathway.Foundation.Tests;

public sealed class ContractDocumentationTests
{
    [Fact]
    public void Every_event_in_the_catalog_is_documented_under_its_owner()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "events");
        var missing = EventCatalog.All
            .Where(e => !File.Exists(Path.Combine(docs, $"{e.Owner}.md"))
                        || !File.ReadAllText(Path.Combine(docs, $"{e.Owner}.md")).Contains(e.Name, StringComparison.Ordinal))
            .Select(e => $"{e.Name} ({e.Owner}.md)")
            .ToList();

        Assert.True(missing.Count == 0, "Undocumented events: " + string.Join(", ", missing));
    }

    [Fact]
    public void Stored_event_names_are_unique_and_carry_their_owner_and_version()
    {
        Assert.Equal(EventCatalog.All.Count, EventCatalog.All.Select(e => e.Name).Distinct().Count());
        Assert.All(EventCatalog.All, e => Assert.Matches($"^{e.Owner}\\.[a-z0-9-]+\\.v[0-9]+$", e.Name));
        Assert.All(EventCatalog.All, e => Assert.Equal($"HccPathway.Contracts", e.Type.Namespace![..20]));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HccPathway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HccPathway.sln not found above the test binaries.");
    }
}
