namespace HccPathway.Clinical.Response;

/// <summary>
/// RESP-RATES helper: best response recorded from the first assessment up to and including the first progression.
/// Confirmation of CR/PR and the minimum SD duration are not applied (the review's tables do not require them).
/// </summary>
public static class BestOverallResponse
{
    public static ResponseCategory Of(IEnumerable<ResponseCategory> chronological)
    {
        ArgumentNullException.ThrowIfNull(chronological);
        var best = ResponseCategory.NotEvaluable;
        foreach (var category in chronological)
        {
            if (Rank(category) < Rank(best))
            {
                best = category;
            }

            if (category == ResponseCategory.ProgressiveDisease)
            {
                break;
            }
        }

        return best;
    }

    private static int Rank(ResponseCategory c) => c switch
    {
        ResponseCategory.CompleteResponse => 0,
        ResponseCategory.PartialResponse => 1,
        ResponseCategory.StableDisease => 2,
        ResponseCategory.ProgressiveDisease => 3,
        _ => 4,
    };
}
