using HccPathway.Clinical.Regimen;

namespace HccPathway.Clinical.Response;

/// <summary>
/// RESP-AE: an adverse event with its gradings over time. <see cref="SuspectedDrugs"/> are the components the
/// clinician attributes it to; SCHED-HOLD holds exactly those.
/// </summary>
public sealed record AdverseEvent(
    string Id,
    string Term,
    bool TreatmentRelated,
    IReadOnlyList<RegimenComponent> SuspectedDrugs,
    IReadOnlyList<AdverseEventGrading> Gradings);
