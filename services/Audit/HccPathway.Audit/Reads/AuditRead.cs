namespace HccPathway.Audit.Reads;

/// <summary>
/// One read by an auditor (or the auditors' command line): who read what of which pathway, and when. Kept as a
/// document in the audit schema, never in the pathway's stream, so reading never changes a pathway's version and never
/// disturbs the other services' optimistic concurrency.
/// </summary>
/// <param name="What">One of <see cref="AuditReadKinds"/>.</param>
/// <param name="Query">The parameters of the read (filters, as-of instant or version), as given.</param>
/// <param name="Found">False when the pathway did not exist.</param>
/// <param name="IdentityDisclosed">True when the answer carried the patient's identity.</param>
public sealed record AuditRead(
    Guid Id,
    string Actor,
    Guid? PathwayId,
    string What,
    string? Query,
    bool Found,
    bool IdentityDisclosed,
    DateTimeOffset At,
    string? CorrelationId);

public static class AuditReadKinds
{
    public const string History = "history";
    public const string Replay = "replay";
    public const string Verify = "verify";
    public const string FhirExport = "fhir-export";
    public const string ReadLog = "read-log";
    public const string Counterfactual = "counterfactual";
}
