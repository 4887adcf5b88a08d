namespace HccPathway.ServiceDefaults.Http;

public enum RejectionKind
{
    /// <summary>The request itself is wrong (400).</summary>
    Invalid,

    /// <summary>The pathway or item does not exist (404).</summary>
    NotFound,

    /// <summary>The request is valid but the pathway's state forbids it now (409).</summary>
    Conflict,
}

/// <summary>Why a decider refused a command. It becomes RFC 7807 problem details; nothing is appended.</summary>
public sealed record Rejection(
    RejectionKind Kind,
    string Title,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    string? RuleId = null)
{
    public static Rejection Invalid(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new(RejectionKind.Invalid, "The request is invalid.", detail, errors);

    public static Rejection Invalid(string field, string message) =>
        Invalid(message, new Dictionary<string, string[]> { [field] = [message] });

    public static Rejection NotFound(string detail) => new(RejectionKind.NotFound, "Not found.", detail);

    public static Rejection Conflict(string detail, string? ruleId = null) =>
        new(RejectionKind.Conflict, "The pathway's state does not allow this.", detail, RuleId: ruleId);
}
