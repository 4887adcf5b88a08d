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

    /// <summary>Reading clinical pathway data: coordinators, clinicians and auditors; auditors only ever read.</summary>
    public const string ReadPathway = "read-pathway";

    /// <summary>
    /// Reading therapy schedules (calendars, worklists and their iCalendar feeds): everyone who may read the pathway,
    /// and scheduling-system credentials, which may read nothing else.
    /// </summary>
    public const string ReadSchedule = "read-schedule";

    /// <summary>
    /// FHIR subscriptions to plan changes (topics, subscriptions, $status): scheduling systems, which receive the
    /// notifications, and coordinators, who may set one up for them. A subscription is the subscriber's own resource,
    /// not care: it changes nothing on any pathway.
    /// </summary>
    public const string ManageSubscriptions = "manage-subscriptions";

    /// <summary>Audit trails and exports: auditors.</summary>
    public const string Audit = "audit";
}
