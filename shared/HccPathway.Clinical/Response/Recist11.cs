using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Response;

/// <summary>
/// RESP-RECIST (Eisenhauer 2009): ≤5 targets (≤2 per organ), longest diameter (nodes: short axis ≥15 mm).
/// CR: targets gone, nodes &lt;10 mm. PR: sum ≥30 % below baseline. PD: ≥20 % and ≥5 mm above nadir, or a new lesion.
/// </summary>
public static class Recist11
{
    public static Validated<IReadOnlyList<ResponseAssessment>> Assess(ResponseSeries series) =>
        ResponseEvaluator.Assess(series, ResponseCriteria.Recist11);
}
