using System.Collections.Concurrent;

namespace HccPathway.Faults.Tests.Phi;

/// <summary>Everything a test captured, by where it came from, to be searched for a patient's identifiers.</summary>
public sealed class CapturedText
{
    private readonly ConcurrentQueue<(string Source, string Text)> items = new();

    public void Add(string source, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            items.Enqueue((source, text));
        }
    }

    public int Count(string source) => items.Count(i => i.Source == source);

    public IReadOnlyList<string> Sources => items.Select(i => i.Source).Distinct().Order().ToArray();

    /// <summary>Each captured item holding any of <paramref name="identifiers"/>, with the identifier found.</summary>
    public IReadOnlyList<string> Containing(IReadOnlyList<string> identifiers) => items
        .SelectMany(i => identifiers.Where(id => i.Text.Contains(id, StringComparison.OrdinalIgnoreCase))
            .Select(id => $"{i.Source}: '{id}' in {Shorten(i.Text)}"))
        .ToArray();

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
