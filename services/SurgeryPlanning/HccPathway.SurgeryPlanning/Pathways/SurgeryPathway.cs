using HccPathway.Contracts.Intake;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.EventStore;

namespace HccPathway.SurgeryPlanning.Pathways;

/// <summary>
/// What surgery planning needs from the pathway stream to decide: whether the patient was enrolled, the MDT decisions,
/// the resection and the adjuvant decision. Facts from other services come from the checklist document instead.
/// </summary>
public sealed record SurgeryPathway(
    Guid Id,
    bool Enrolled,
    IReadOnlyList<MdtDecisionRecorded> MdtDecisions,
    ResectionScheduled? ResectionScheduled,
    ResectionPerformed? ResectionPerformed,
    AdjuvantTherapyDecided? Adjuvant) : IExitablePathway
{
    public MdtDecisionRecorded? LastMdt => MdtDecisions.Count == 0 ? null : MdtDecisions[^1];

    /// <summary>The referral date: nothing surgical about this patient can be dated before it.</summary>
    public DateOnly? ReferredOn { get; init; }

    /// <summary>The enrolment date: no resection can be dated before it.</summary>
    public DateOnly? EnrolledOn { get; init; }

    /// <summary>The date the booked resection is for now (moved by <see cref="ResectionRescheduled"/>); null when none is booked.</summary>
    public DateOnly? ResectionBookedOn { get; init; }

    /// <summary>The booking (or its last move) was made with a clinician's override of SURG-READY or SURG-WASH.</summary>
    public bool ResectionOverridden { get; init; }

    /// <summary>The last cancelled resection: a second cancel or a reschedule of it is refused.</summary>
    public ResectionCancelled? ResectionCancelled { get; init; }

    /// <summary>How the patient left the pathway; every later command is refused (PATHWAY-EXITED).</summary>
    public PathwayExited? Exit { get; init; }

    public static SurgeryPathway Create(PatientRegistered e) => new(e.PathwayId, false, [], null, null, null) { ReferredOn = e.ReferralDate };

    public SurgeryPathway Apply(PatientEnrolled e) => this with { Enrolled = true, EnrolledOn = e.EnrolledOn };

    public SurgeryPathway Apply(PathwayExited e) => this with { Exit = e };

    public SurgeryPathway Apply(MdtDecisionRecorded e) => this with { MdtDecisions = [.. MdtDecisions, e] };

    public SurgeryPathway Apply(ResectionScheduled e) =>
        this with { ResectionScheduled = e, ResectionPerformed = null, ResectionBookedOn = e.ScheduledOn, ResectionOverridden = e.Override, ResectionCancelled = null };

    public SurgeryPathway Apply(ResectionRescheduled e) => this with { ResectionBookedOn = e.ScheduledOn, ResectionOverridden = e.Override };

    // A cancelled booking is no longer scheduled: a new one may be made.
    public SurgeryPathway Apply(ResectionCancelled e) => this with { ResectionScheduled = null, ResectionBookedOn = null, ResectionCancelled = e };

    public SurgeryPathway Apply(ResectionPerformed e) => this with { ResectionPerformed = e };

    public SurgeryPathway Apply(AdjuvantTherapyDecided e) => this with { Adjuvant = e };

    /// <summary>SURG-READY: the evidence events whose staleness is already recorded (each is recorded once).</summary>
    public IReadOnlyList<Guid> StaleEvidenceIds { get; init; } = [];

    public SurgeryPathway Apply(ReadinessEvidenceWentStale e) => this with { StaleEvidenceIds = [.. StaleEvidenceIds, e.EvidenceEventId] };
}
