using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.EventStore;
using JasperFx.Events;

namespace HccPathway.Intake.Pathways;

public enum IntakePhase
{
    Registered,
    BaselineRecorded,
    EligibilityDecided,
    Enrolled,
    Declined,

    /// <summary>The patient left the pathway (summaries only; the aggregate keeps its phase and records the exit).</summary>
    Exited,
}

/// <summary>What Intake needs to decide, rebuilt from the pathway stream. Events of other services are ignored.</summary>
public sealed record IntakePathway(
    Guid Id,
    DateOnly DateOfBirth,
    DateOnly ReferralDate,
    IntakePhase Phase,
    BaselineAssessed? Baseline,
    long BaselineVersion,
    EligibilityDecided? Eligibility) : IExitablePathway
{
    public bool IsClosed => Phase is IntakePhase.Enrolled or IntakePhase.Declined;

    /// <summary>The identity was erased on a data-protection request; the pathway itself goes on.</summary>
    public bool IdentityErased { get; init; }

    /// <summary>How the patient left the pathway; every later command is refused (PATHWAY-EXITED).</summary>
    public PathwayExited? Exit { get; init; }

    public static IntakePathway Create(PatientRegistered e) =>
        new(e.PathwayId, e.Identity.DateOfBirth, e.ReferralDate, IntakePhase.Registered, null, 0, null);

    // A new baseline makes the previous eligibility decision stale: it was made on other facts.
    public IntakePathway Apply(IEvent<BaselineAssessed> e) =>
        this with { Baseline = e.Data, BaselineVersion = e.Version, Eligibility = null, Phase = IntakePhase.BaselineRecorded };

    public IntakePathway Apply(EligibilityDecided e) => this with { Eligibility = e, Phase = IntakePhase.EligibilityDecided };

    public IntakePathway Apply(PatientEnrolled e) => this with { Phase = IntakePhase.Enrolled };

    public IntakePathway Apply(EnrolmentDeclined e) => this with { Phase = IntakePhase.Declined };

    public IntakePathway Apply(PatientIdentityErased e) => this with { IdentityErased = true };

    public IntakePathway Apply(PathwayExited e) => this with { Exit = e };
}
