namespace HccPathway.Deploy.Tests.Docs;

/// <summary>A file of the repository naming a path, at a line (1-based); how the test failures list a broken one.</summary>
public sealed record PathReference(string File, int Line, string Target)
{
    public override string ToString() => $"{File}:{Line}: {Target}";
}
