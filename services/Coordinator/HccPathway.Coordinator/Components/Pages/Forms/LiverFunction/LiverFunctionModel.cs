namespace HccPathway.Coordinator.Components.Pages.Forms.LiverFunction;

/// <summary>The liver function form's values, named as Assessment's RecordLiverFunction request names them.</summary>
public sealed class LiverFunctionModel
{
    public DateOnly? AssessedOn { get; set; }
    public decimal? BilirubinMicromolesPerLitre { get; set; }
    public decimal? AlbuminGramsPerLitre { get; set; }
    public decimal? Inr { get; set; }

    /// <summary>Empty when not assessed: Child–Pugh (SCORE-CP) is computed only when all five factors are given.</summary>
    public string Ascites { get; set; } = "";
    public int? EncephalopathyGrade { get; set; }
    public decimal? IcgR15Percent { get; set; }
    public int? Ecog { get; set; }
    public decimal? FutureLiverRemnantMillilitres { get; set; }
    public decimal? WeightKg { get; set; }
    public decimal? AstUnitsPerLitre { get; set; }
    public decimal? AltUnitsPerLitre { get; set; }

    /// <summary>"", "excluded" or "not-excluded" (SURG-WASH after camrelizumab).</summary>
    public string ImmuneHepatitis { get; set; } = "";
    public string? ImmuneHepatitisEvidence { get; set; }

    public object ToRequest(Guid assessmentId) => new
    {
        assessmentId, AssessedOn, BilirubinMicromolesPerLitre, AlbuminGramsPerLitre, Inr, Ascites = Ascites.Length == 0 ? null : Ascites,
        EncephalopathyGrade, IcgR15Percent, Ecog, FutureLiverRemnantMillilitres, WeightKg, AstUnitsPerLitre, AltUnitsPerLitre,
        ImmuneHepatitisExcluded = ImmuneHepatitis switch { "excluded" => true, "not-excluded" => false, _ => (bool?)null },
        ImmuneHepatitisEvidence = string.IsNullOrWhiteSpace(ImmuneHepatitisEvidence) ? null : ImmuneHepatitisEvidence,
    };
}
