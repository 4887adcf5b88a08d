namespace HccPathway.Audit.Replay;

/// <summary>Where a pathway stands, as an auditor reads it from the events alone.</summary>
public static class PathwayPhases
{
    public const string Registered = "registered";
    public const string BaselineRecorded = "baseline-recorded";
    public const string Eligible = "eligible";
    public const string Ineligible = "ineligible";
    public const string Enrolled = "enrolled";
    public const string Declined = "declined";
    public const string ConversionTherapy = "conversion-therapy";

    /// <summary>Progression was detected (RESP-PROG) and no MDT decision has followed yet (FAIL-1).</summary>
    public const string ConversionFailure = "conversion-failure";
    public const string WatchAndWait = "watch-and-wait";

    /// <summary>The MDT decided to resect (SURG-READY); the washout is not yet planned.</summary>
    public const string SurgeryPlanned = "surgery-planned";
    public const string Washout = "washout";

    /// <summary>A date for the conversion resection is set (after the readiness checklist and the washout).</summary>
    public const string ResectionScheduled = "resection-scheduled";

    /// <summary>The conversion resection was performed (SURG-PATH); adjuvant therapy is not yet decided.</summary>
    public const string Resected = "resected";
    public const string AdjuvantTherapy = "adjuvant-therapy";
    public const string SecondLine = "second-line";

    /// <summary>The patient left the pathway (died, withdrew consent, was transferred or lost to follow-up); final.</summary>
    public const string Exited = "exited";

    /// <summary>The phases before enrolment or decline: a decision on the baseline still moves the pathway in them.</summary>
    public static bool IsIntake(string? phase) => phase is Registered or BaselineRecorded or Eligible or Ineligible;
}
