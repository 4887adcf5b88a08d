using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Response;

/// <summary>
/// RESP-MRECIST (Lencioni and Llovet 2010): arterially enhancing targets measured by viable diameter.
/// CR: no enhancement in any target. PR: ≥30 % below baseline. PD: ≥20 % above nadir, or a new lesion. PVTT is non-target.
/// </summary>
public static class Mrecist
{
    public static Validated<IReadOnlyList<ResponseAssessment>> Assess(ResponseSeries series) =>
        ResponseEvaluator.Assess(series, ResponseCriteria.Mrecist);
}
