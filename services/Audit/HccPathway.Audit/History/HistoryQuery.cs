using System.Globalization;
using HccPathway.Audit.Events;
using HccPathway.Contracts;

namespace HccPathway.Audit.History;

/// <summary>A history request as parsed from the query string: which types, which period, which page.</summary>
public sealed record HistoryQuery(IReadOnlyList<string> Names, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public EventFilter Filter => new(Names, From, To);

    public int Skip => (Page - 1) * PageSize;

    /// <summary>
    /// Parses and checks the parameters; each bad one is named. A type may be given by its stored name
    /// (<c>scheduling.tace-performed.v1</c>) or its contract name (<c>TacePerformed</c>); other names are kept as given,
    /// since a stream may hold types this build does not know.
    /// </summary>
    public static (HistoryQuery? Query, Dictionary<string, string[]> Errors) Parse(
        string[]? type, string? from, string? to, string? page, string? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        var fromAt = Instant(from, "from", errors);
        var toAt = Instant(to, "to", errors);
        if (fromAt > toAt)
        {
            errors["to"] = ["Must not be before 'from'."];
        }

        var number = Integer(page, "page", 1, 1, int.MaxValue, errors);
        var size = Integer(pageSize, "pageSize", DefaultPageSize, 1, MaxPageSize, errors);
        var names = (type ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(StoredName).Distinct().ToList();
        return errors.Count > 0 ? (null, errors) : (new HistoryQuery(names, fromAt, toAt, number, size), errors);
    }

    public string Describe() => string.Join('&', new[]
    {
        Names.Count > 0 ? "type=" + string.Join(',', Names) : null,
        From is { } f ? $"from={f:O}" : null,
        To is { } t ? $"to={t:O}" : null,
        $"page={Page}",
        $"pageSize={PageSize}",
    }.Where(p => p is not null));

    private static string StoredName(string given) =>
        EventCatalog.All.FirstOrDefault(c => c.Type.Name.Equals(given.Trim(), StringComparison.OrdinalIgnoreCase))?.Name ?? given.Trim();

    internal static DateTimeOffset? Instant(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        errors[field] = ["Must be an instant, such as 2026-05-01T09:30:00Z, or a date."];
        return null;
    }

    internal static int Integer(string? value, string field, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        errors[field] = [$"Must be a whole number from {min} to {max}."];
        return fallback;
    }
}
