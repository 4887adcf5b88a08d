using System.Collections.Immutable;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;

namespace HccPathway.Audit.Replay;

/// <summary>
/// How corrections change what was known: a withdrawn response or progression is no longer the latest, an adverse
/// event entered in error is no longer open and a corrected one shows its corrected report, and a response
/// assessed again after a correction replaces the latest only when it is of that study or a later one. Before the
/// correction was recorded, the state still shows what was known then. A corrected baseline makes eligibility stale
/// until the decision derived again (which names the correction) follows; enrolment and what came after it stand.
/// </summary>
public static class CorrectionFold
{
    public static bool IsLatest(ResponseAsOf? latest, ResponseAssessed r) =>
        r.CausedBy is null || latest is null || latest.StudyId == r.StudyId || r.StudyOn >= latest.StudyOn;

    public static PathwayAsOf Apply(PathwayAsOf state, object correction) => correction switch
    {
        ResponseWithdrawn w when state.LatestResponse?.StudyId == w.StudyId => state with { LatestResponse = null },
        ProgressionWithdrawn w when state.LatestProgression?.StudyId == w.StudyId => state with { LatestProgression = null },
        AdverseEventEnteredInError a => state with
        {
            OpenAdverseEvents = state.OpenAdverseEvents.RemoveAll(o => o.AdverseEventId == a.AdverseEventId),
        },
        AdverseEventCorrected c => state with
        {
            OpenAdverseEvents = state.OpenAdverseEvents
                .Select(o => o.AdverseEventId == c.AdverseEventId ? new OpenAdverseEvent(c.AdverseEventId, c.CtcaeTerm, c.CurrentGrade, c.TreatmentRelated, c.OnsetOn) : o)
                .ToImmutableList(),
        },
        // The eligibility decided on a corrected or withdrawn baseline is stale until the one derived again follows it.
        BaselineCorrected { IsLatest: true } or BaselineEnteredInError { WasInEffect: true } => state with
        {
            Eligibility = null,
            Phase = !PathwayPhases.IsIntake(state.Phase) ? state.Phase
                : correction is BaselineEnteredInError { InEffect: null } ? PathwayPhases.Registered
                : PathwayPhases.BaselineRecorded,
        },
        _ => state,
    };
}
