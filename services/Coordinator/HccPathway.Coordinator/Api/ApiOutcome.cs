using System.Text.Json;

namespace HccPathway.Coordinator.Api;

/// <summary>An RFC 7807 problem a service returned: its title, detail, rule and field errors (keys as the request's JSON names).</summary>
public sealed record Problem(int Status, string Title, string? Detail, string? RuleId, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The title ProblemResults.StaleVersion gives a write that lost to someone else's.</summary>
    public const string StaleTitle = "The pathway was changed by someone else.";

    /// <summary>A write refused because the patient changed since the page was loaded (If-Match), not because of a rule.</summary>
    public bool IsStale => Status == 409 && Title == StaleTitle;

    /// <summary>Errors for a field, matched without regard to case and with or without a "measurements." prefix.</summary>
    public IReadOnlyList<string> For(string field) => Errors
        .Where(e => Matches(e.Key, field))
        .SelectMany(e => e.Value)
        .ToArray();

    /// <summary>Errors no field of the form claims: shown above the form so nothing the server said is lost.</summary>
    public IEnumerable<string> Unclaimed(IEnumerable<string> fields)
    {
        var known = fields.ToArray();
        return Errors.Where(e => !known.Any(f => Matches(e.Key, f))).SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"));
    }

    private static bool Matches(string key, string field) =>
        string.Equals(key, field, StringComparison.OrdinalIgnoreCase)
        || key.EndsWith("." + field, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase);

    public static Problem Parse(int status, string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in e.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray()
                        : [field.Value.ToString()];
                }
            }

            return new Problem(status, Text(root, "title") ?? $"The service answered {status}.", Text(root, "detail"), Text(root, "ruleId"), errors);
        }
        catch (JsonException)
        {
            return new Problem(status, $"The service answered {status}.", null, null, new Dictionary<string, string[]>());
        }
    }

    public static Problem Unreachable(string service) =>
        new(503, $"The {service} service did not answer.", "Check that it is running and try again.", null, new Dictionary<string, string[]>());

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>The result of a write: the response body when it succeeded, otherwise the problem.</summary>
public sealed record ApiOutcome(JsonElement Body, Problem? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>A read with the pathway version its ETag named, to send back in If-Match.</summary>
public sealed record Versioned<T>(T Value, string? ETag);
