namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-AFPR outcome. NotEvaluable when baseline AFP was not above the upper limit of normal.</summary>
public enum AfpResponseStatus
{
    Responder,
    NonResponder,
    NotEvaluable,
}
