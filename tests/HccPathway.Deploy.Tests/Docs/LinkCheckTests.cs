namespace HccPathway.Deploy.Tests.Docs;

/// <summary>The checks behind <see cref="DocumentLinkTests"/> on a small made-up checkout: what they report, and what not.</summary>
public sealed class LinkCheckTests : IDisposable
{
    // Built from parts: the repository check reads the sample's comment lines in this file as comments of its own.
    private const string MissingSpecification = "CLINICAL-RULES" + ".md";

    private readonly string root = Directory.CreateTempSubdirectory("hcc-link-check-").FullName;

    [Fact]
    public void A_link_to_a_missing_file_is_reported_with_its_file_and_line_and_other_links_are_not()
    {
        Write("docs/events/intake.md", "# Intake");
        Write("docs/picture.png", "");
        Write("docs/guide.md", """
            # Guide
            [events](events/intake.md#delivery), [the folder](events/), ![a picture](picture.png "title")
            [gone](missing.md#top) and ![gone too](images/none.png)
            [web](https://example.org/missing.md), [mail](mailto:team@example.org), [here](#guide)
            `[code](not-a-link.md)`
            ```
            [fenced](not-a-link-either.md)
            ```
            [root](/docs/guide.md) [definition]: ../nowhere.md
            [label]: ../nowhere.md
            """);

        Assert.Equal(
            ["docs/guide.md:3: missing.md#top", "docs/guide.md:3: images/none.png", "docs/guide.md:10: ../nowhere.md"],
            BrokenReferences.Links(root).Select(b => b.ToString()));
    }

    [Fact]
    public void A_Markdown_file_named_in_a_comment_script_or_document_that_does_not_exist_is_reported()
    {
        Write("docs/clinical-rules.md", "# Rules");
        Write("docs/architecture.md", "# Architecture");
        Write("src/Rules.cs", $"""
            // SURG-WASH: see clinical-rules.md and docs/architecture.md, "Traps".
            /// <summary>Defaults of {MissingSpecification}.</summary>
            var output = "report.md"; // written, not cited
            var site = "https://example.org/guide/README.md";
            """);
        Write("run.sh", """
            # See shared/domain/rules.md.
            echo "details: https://example.org/guide/README.md"
            """);
        Write("README.md", "Rules in `docs/clinical-rules.md`; events in docs/events.md.");

        Assert.Equal(
            ["README.md:1: docs/events.md", "run.sh:1: shared/domain/rules.md", "src/Rules.cs:2: CLINICAL-RULES.md"],
            BrokenReferences.Citations(root).Select(b => b.ToString()));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
