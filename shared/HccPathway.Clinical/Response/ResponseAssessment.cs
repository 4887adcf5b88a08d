namespace HccPathway.Clinical.Response;

/// <summary>
/// The response at one follow-up study, with the sums it was derived from. Percentages are positive for growth.
/// <see cref="Reason"/> says in words which rule decided the category.
/// </summary>
public sealed record ResponseAssessment(
    string StudyId,
    DateOnly Date,
    ResponseCriteria Criteria,
    ResponseCategory Category,
    decimal? SumMillimetres,
    decimal BaselineSumMillimetres,
    decimal? NadirSumMillimetres,
    decimal? PercentChangeFromBaseline,
    decimal? PercentChangeFromNadir,
    string Reason)
{
    public string RuleId => Criteria == ResponseCriteria.Recist11 ? "RESP-RECIST" : "RESP-MRECIST";
}
