namespace HccPathway.Assessment.Pathways;

/// <summary>A correction without a reason is refused: the history must say why a record was corrected.</summary>
internal static class CorrectionReason
{
    public static void Require(string? reason, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["Required: why the record is corrected (history keeps both)."];
        }
    }
}
