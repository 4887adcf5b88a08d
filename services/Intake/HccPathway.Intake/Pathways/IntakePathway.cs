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

    /// <summary>The id (its event's id) of <see cref="Baseline"/>, the baseline in effect.</summary>
    public Guid? BaselineId { get; init; }

    /// <summary>Every baseline recorded and not entered in error, oldest first, as corrected; the last is in effect.</summary>
    public IReadOnlyList<RecordedBaseline> Baselines { get; init; } = [];

    public IReadOnlyList<Guid> BaselinesEnteredInError { get; init; } = [];

    public static IntakePathway Create(PatientRegistered e) =>
        new(e.PathwayId, e.Identity.DateOfBirth, e.ReferralDate, IntakePhase.Registered, null, 0, null);

    // A new baseline makes the previous eligibility decision stale: it was made on other facts.
    public IntakePathway Apply(IEvent<BaselineAssessed> e) => this with
    {
        Baseline = e.Data, BaselineVersion = e.Version, BaselineId = e.Id, Eligibility = null, Phase = IntakePhase.BaselineRecorded,
        Baselines = [.. Baselines, new RecordedBaseline(e.Id, e.Version, e.Data)],
    };

    // A correction of the baseline in effect makes the eligibility decided on it stale until it is decided again
    // (the decider appends that decision with the correction). Enrolment and its decline stand.
    public IntakePathway Apply(BaselineCorrected e)
    {
        var state = this with { Baselines = Baselines.Select(b => b.Id == e.BaselineId ? b with { Assessed = e.Corrected } : b).ToArray() };
        return e.BaselineId != BaselineId ? state : state with { Baseline = e.Corrected, Eligibility = null, Phase = IsClosed ? Phase : IntakePhase.BaselineRecorded };
    }

    // The baseline before it comes back into effect, if there is one; its eligibility must be decided again.
    public IntakePathway Apply(BaselineEnteredInError e)
    {
        var remaining = Baselines.Where(b => b.Id != e.BaselineId).ToArray();
        var state = this with { Baselines = remaining, BaselinesEnteredInError = [.. BaselinesEnteredInError, e.BaselineId] };
        if (!e.WasInEffect)
        {
            return state;
        }

        var inEffect = remaining.LastOrDefault();
        return state with
        {
            Baseline = inEffect?.Assessed,
            BaselineId = inEffect?.Id,
            BaselineVersion = inEffect?.Version ?? 0,
            Eligibility = null,
            Phase = IsClosed ? Phase : inEffect is null ? IntakePhase.Registered : IntakePhase.BaselineRecorded,
        };
    }

    // A decision derived again after enrolment or decline leaves the phase where it is.
    public IntakePathway Apply(EligibilityDecided e) => this with { Eligibility = e, Phase = IsClosed ? Phase : IntakePhase.EligibilityDecided };

    public IntakePathway Apply(PatientEnrolled e) => this with { Phase = IntakePhase.Enrolled };

    public IntakePathway Apply(EnrolmentDeclined e) => this with { Phase = IntakePhase.Declined };

    public IntakePathway Apply(PatientIdentityErased e) => this with { IdentityErased = true };

    public IntakePathway Apply(PathwayExited e) => this with { Exit = e };
}

/// <summary>One baseline as it stands now: its id (its event's), the stream version it was recorded at, and its values.</summary>
public sealed record RecordedBaseline(Guid Id, long Version, BaselineAssessed Assessed);
