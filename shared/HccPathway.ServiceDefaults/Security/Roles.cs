namespace HccPathway.ServiceDefaults.Security;

public static class Roles
{
    public const string Coordinator = "coordinator";
    public const string Clinician = "clinician";
    public const string Scheduler = "scheduler";
    public const string Auditor = "auditor";

    public static IReadOnlyList<string> All { get; } = [Coordinator, Clinician, Scheduler, Auditor];
}

/// <summary>Every endpoint names one of these; there is no endpoint without a policy.</summary>
public static class Policies
{
    /// <summary>Recording facts on a pathway: coordinators and clinicians.</summary>
    public const string RecordCare = "record-care";

    /// <summary>Clinical decisions (enrolment, MDT): clinicians only.</summary>
    public const string DecideCare = "decide-care";

    /// <summary>Reading pathway data: everyone with a role, auditors included; auditors only ever read.</summary>
    public const string ReadPathway = "read-pathway";

    /// <summary>Audit trails and exports: auditors.</summary>
    public const string Audit = "audit";
}
