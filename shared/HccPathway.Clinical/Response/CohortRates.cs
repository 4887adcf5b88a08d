namespace HccPathway.Clinical.Response;

/// <summary>A proportion kept as numerator and denominator so it can be shown as "42/55 (76.4 %)".</summary>
public sealed record Rate(int Numerator, int Denominator)
{
    /// <summary>Null when the denominator is 0.</summary>
    public decimal? Percent => Denominator == 0 ? null : Math.Round(Numerator * 100m / Denominator, 1);
}

/// <summary>RESP-RATES input: one patient's best overall response under each criterion (null when not assessed).</summary>
public sealed record PatientBestResponse(string PatientId, ResponseCategory? Recist, ResponseCategory? Mrecist);

/// <summary>RESP-RATES under one criterion. ORR = CR + PR; DCR = CR + PR + SD; denominators are evaluable patients.</summary>
public sealed record CriteriaRates(
    ResponseCriteria Criteria,
    int Evaluable,
    int NotEvaluable,
    int CompleteResponses,
    int PartialResponses,
    int StableDisease,
    int ProgressiveDisease,
    Rate ObjectiveResponseRate,
    Rate DiseaseControlRate);

/// <summary>RESP-RATES for a cohort under both criteria, as the review's tables report them.</summary>
public sealed record CohortResponseRates(int CohortSize, CriteriaRates Recist, CriteriaRates Mrecist);

/// <summary>RESP-RATES (review): ORR and DCR per criterion for a cohort.</summary>
public static class CohortRates
{
    public static CohortResponseRates Calculate(IReadOnlyList<PatientBestResponse> patients)
    {
        ArgumentNullException.ThrowIfNull(patients);
        return new CohortResponseRates(
            patients.Count,
            For(ResponseCriteria.Recist11, patients.Select(p => p.Recist)),
            For(ResponseCriteria.Mrecist, patients.Select(p => p.Mrecist)));
    }

    private static CriteriaRates For(ResponseCriteria criteria, IEnumerable<ResponseCategory?> responses)
    {
        var list = responses.ToArray();
        int Count(ResponseCategory c) => list.Count(r => r == c);
        var cr = Count(ResponseCategory.CompleteResponse);
        var pr = Count(ResponseCategory.PartialResponse);
        var sd = Count(ResponseCategory.StableDisease);
        var pd = Count(ResponseCategory.ProgressiveDisease);
        var evaluable = cr + pr + sd + pd;
        return new CriteriaRates(criteria, evaluable, list.Length - evaluable, cr, pr, sd, pd,
            new Rate(cr + pr, evaluable), new Rate(cr + pr + sd, evaluable));
    }
}
