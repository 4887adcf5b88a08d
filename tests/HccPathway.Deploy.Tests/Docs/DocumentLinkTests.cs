namespace HccPathway.Deploy.Tests.Docs;

/// <summary>
/// No document or comment of the repository points at a file that is not in it: the specification and the
/// architecture are cited from code, and a reader who follows a reference must find it.
/// </summary>
public sealed class DocumentLinkTests
{
    [Fact]
    public void Every_relative_link_in_the_Markdown_files_points_at_a_file_or_folder_that_exists()
    {
        var broken = BrokenReferences.Links(RepositoryRoot.Path);

        Assert.True(broken.Count == 0, BrokenReferences.Report("Markdown links to files or folders that do not exist", broken));
    }

    [Fact]
    public void Every_Markdown_file_named_in_comments_scripts_and_documents_exists()
    {
        var broken = BrokenReferences.Citations(RepositoryRoot.Path);

        Assert.True(broken.Count == 0, BrokenReferences.Report("Markdown files named that do not exist", broken));
    }
}
