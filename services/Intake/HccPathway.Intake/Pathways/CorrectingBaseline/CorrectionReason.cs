namespace HccPathway.Intake.Pathways.CorrectingBaseline;

/// <summary>Every correction and entered-in-error names its reason; history keeps both the original and the correction.</summary>
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
