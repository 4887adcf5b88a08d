using HccPathway.Contracts.Assessment;

namespace HccPathway.Audit.Replay;

/// <summary>
/// How corrections change what was known: a withdrawn response or progression is no longer the latest, and a response
/// assessed again after a correction replaces the latest only when it is of that study or a later one. Before the
/// correction was recorded, the state still shows what was known then.
/// </summary>
public static class CorrectionFold
{
    public static bool IsLatest(ResponseAsOf? latest, ResponseAssessed r) =>
        r.CausedBy is null || latest is null || latest.StudyId == r.StudyId || r.StudyOn >= latest.StudyOn;

    public static PathwayAsOf Apply(PathwayAsOf state, object correction) => correction switch
    {
        ResponseWithdrawn w when state.LatestResponse?.StudyId == w.StudyId => state with { LatestResponse = null },
        ProgressionWithdrawn w when state.LatestProgression?.StudyId == w.StudyId => state with { LatestProgression = null },
        _ => state,
    };
}
