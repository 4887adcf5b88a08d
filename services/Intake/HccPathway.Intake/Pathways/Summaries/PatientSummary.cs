using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.EventStore;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace HccPathway.Intake.Pathways.Summaries;

/// <summary>
/// A coordinator's view of one patient at intake. It holds the identity because coordinators must know whom they
/// are calling; it lives only in Intake's schema and is never published.
/// </summary>
public sealed class PatientSummary
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string MedicalRecordNumber { get; set; } = "";

    public string FullName { get; set; } = "";

    public DateOnly DateOfBirth { get; set; }

    public string Sex { get; set; } = "";

    public DateOnly ReferralDate { get; set; }

    public string ReferringCentre { get; set; } = "";

    public IntakePhase Phase { get; set; }

    /// <summary>The id of the baseline in effect (its event's id), the one a correction names.</summary>
    public Guid? BaselineId { get; set; }

    public DateOnly? BaselineAssessedOn { get; set; }

    /// <summary>The weight of the baseline in effect, as corrected: the lenvatinib dose rests on it (SCHED-LEN).</summary>
    public decimal? BaselineWeightKg { get; set; }

    public BaselineScores? Scores { get; set; }

    public bool? Eligible { get; set; }

    public IReadOnlyList<string> EligibilityRules { get; set; } = [];

    public IReadOnlyList<CriterionResult> EligibilityCriteria { get; set; } = [];

    public string? RuleSetVersion { get; set; }

    public DateOnly? EnrolledOn { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecisionNote { get; set; }

    /// <summary>Why the patient left the pathway, if they did (the phase is then Exited).</summary>
    public PathwayExitReason? ExitReason { get; set; }

    public DateOnly? ExitedOn { get; set; }

    public string? ExitDetail { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }

    /// <summary>The summary as a caller who may not see the identity reads it: the identity masked as on the wire.</summary>
    public PatientSummary WithoutIdentity()
    {
        var copy = (PatientSummary)MemberwiseClone();
        copy.MedicalRecordNumber = ProtectedIdentity.Masked.MedicalRecordNumber;
        copy.FullName = ProtectedIdentity.Masked.FullName;
        copy.DateOfBirth = ProtectedIdentity.Masked.DateOfBirth;
        return copy;
    }
}

/// <summary>Kept in the same transaction as Intake's appends, so a coordinator sees a write at once.</summary>
public sealed class PatientSummaryProjection : SingleStreamProjection<PatientSummary, Guid>
{
    public static PatientSummary Create(IEvent<PatientRegistered> e) => new()
    {
        Id = e.StreamId,
        MedicalRecordNumber = e.Data.Identity.MedicalRecordNumber,
        FullName = e.Data.Identity.FullName,
        DateOfBirth = e.Data.Identity.DateOfBirth,
        Sex = e.Data.Sex,
        ReferralDate = e.Data.ReferralDate,
        ReferringCentre = e.Data.ReferringCentre,
        Phase = IntakePhase.Registered,
        LastChangedAt = e.Timestamp,
    };

    public static void Apply(IEvent<BaselineAssessed> e, PatientSummary s)
    {
        s.Phase = IntakePhase.BaselineRecorded;
        s.BaselineId = e.Id;
        InEffect(s, e.Data);
        s.LastChangedAt = e.Timestamp;
    }

    public static void Apply(IEvent<BaselineCorrected> e, PatientSummary s)
    {
        if (e.Data.IsLatest)
        {
            s.Phase = IsSettled(s) ? s.Phase : IntakePhase.BaselineRecorded;
            InEffect(s, e.Data.Corrected);
        }

        s.LastChangedAt = e.Timestamp;
    }

    public static void Apply(IEvent<BaselineEnteredInError> e, PatientSummary s)
    {
        if (e.Data.WasInEffect)
        {
            s.BaselineId = e.Data.InEffectBaselineId;
            s.Phase = IsSettled(s) ? s.Phase : e.Data.InEffect is null ? IntakePhase.Registered : IntakePhase.BaselineRecorded;
            InEffect(s, e.Data.InEffect);
        }

        s.LastChangedAt = e.Timestamp;
    }

    // The baseline now in effect; the eligibility decided on another one no longer shows until it is decided again.
    private static void InEffect(PatientSummary s, BaselineAssessed? baseline)
    {
        s.BaselineAssessedOn = baseline?.AssessedOn;
        s.BaselineWeightKg = baseline?.Measurements.WeightKg;
        s.Scores = baseline?.Scores;
        s.RuleSetVersion = baseline?.RuleSetVersion;
        s.Eligible = null;
        s.EligibilityRules = [];
        s.EligibilityCriteria = [];
    }

    private static bool IsSettled(PatientSummary s) => s.Phase is IntakePhase.Enrolled or IntakePhase.Declined or IntakePhase.Exited;

    public static void Apply(IEvent<EligibilityDecided> e, PatientSummary s)
    {
        s.Phase = IsSettled(s) ? s.Phase : IntakePhase.EligibilityDecided;
        s.Eligible = e.Data.Eligible;
        s.EligibilityRules = e.Data.MatchedRules;
        s.EligibilityCriteria = e.Data.Criteria;
        s.RuleSetVersion = e.Data.RuleSetVersion;
        s.LastChangedAt = e.Timestamp;
    }

    public static void Apply(IEvent<PatientEnrolled> e, PatientSummary s)
    {
        s.Phase = IntakePhase.Enrolled;
        s.EnrolledOn = e.Data.EnrolledOn;
        s.DecidedBy = e.Data.DecidedBy;
        s.DecisionNote = e.Data.Rationale;
        s.LastChangedAt = e.Timestamp;
    }

    // Erasure blanks the identity here in the same transaction as the event; the stream is masked right after.
    public static void Apply(IEvent<PatientIdentityErased> e, PatientSummary s)
    {
        s.MedicalRecordNumber = ProtectedIdentity.Masked.MedicalRecordNumber;
        s.FullName = ProtectedIdentity.Masked.FullName;
        s.DateOfBirth = ProtectedIdentity.Masked.DateOfBirth;
        s.LastChangedAt = e.Timestamp;
    }

    public static void Apply(IEvent<EnrolmentDeclined> e, PatientSummary s)
    {
        s.Phase = IntakePhase.Declined;
        s.DecidedBy = e.Data.DecidedBy;
        s.DecisionNote = e.Data.Reason;
        s.LastChangedAt = e.Timestamp;
    }

    public static void Apply(IEvent<PathwayExited> e, PatientSummary s)
    {
        s.Phase = IntakePhase.Exited;
        s.ExitReason = e.Data.Reason;
        s.ExitedOn = e.Data.ExitedOn;
        s.ExitDetail = e.Data.Detail;
        s.LastChangedAt = e.Timestamp;
    }
}
