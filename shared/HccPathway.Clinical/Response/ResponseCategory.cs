namespace HccPathway.Clinical.Response;

/// <summary>RESP-RECIST / RESP-MRECIST response category.</summary>
public enum ResponseCategory
{
    CompleteResponse,
    PartialResponse,
    StableDisease,
    ProgressiveDisease,
    NotEvaluable,
}
