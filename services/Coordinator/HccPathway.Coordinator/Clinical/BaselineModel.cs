using System.Globalization;
using HccPathway.Contracts.Intake;

namespace HccPathway.Coordinator.Clinical;

/// <summary>The baseline form's values, named as Intake's RecordBaselineRequest (the JSON body) names them.</summary>
public sealed class BaselineModel
{
    public DateOnly? AssessedOn { get; set; }
    public decimal? WeightKg { get; set; }
    public decimal? HeightCm { get; set; }
    public int? Ecog { get; set; }
    public decimal? BilirubinMicromolesPerLitre { get; set; }
    public decimal? AlbuminGramsPerLitre { get; set; }
    public decimal? Inr { get; set; }
    public decimal? AfpNanogramsPerMillilitre { get; set; }
    public decimal? DcpMilliUnitsPerMillilitre { get; set; }
    public decimal? AstUnitsPerLitre { get; set; }
    public decimal? AltUnitsPerLitre { get; set; }
    public string? Ascites { get; set; } = "none";
    public int? EncephalopathyGrade { get; set; } = 0;
    public decimal? IcgR15Percent { get; set; }
    public decimal? FutureLiverRemnantMillilitres { get; set; }
    public bool SevereCirrhosis { get; set; }
    public bool FattyLiver { get; set; }
    public bool PortalHypertension { get; set; }
    public int? TumourCount { get; set; }

    /// <summary>Comma- or space-separated diameters in mm, as typed.</summary>
    public string? TumourDiameters { get; set; }
    public string? PvttChengType { get; set; }
    public bool MainHepaticVeinThrombus { get; set; }
    public bool InferiorVenaCavaThrombus { get; set; }
    public bool OtherMacrovascularInvasion { get; set; }
    public int PulmonaryNoduleCount { get; set; }
    public decimal? LargestPulmonaryNoduleMm { get; set; }
    public bool ExtrahepaticLymphNodes { get; set; }
    public bool OtherExtrahepaticSites { get; set; }
    public bool TechnicallyResectable { get; set; } = true;
    public bool IntolerableLiverFunction { get; set; }
    public bool InsufficientFutureLiverRemnant { get; set; }
    public bool TumourAdjacentToMajorStructures { get; set; }

    /// <summary>The diameters, or null when any entry is not a number.</summary>
    public IReadOnlyList<decimal>? TumourDiametersMm()
    {
        var parts = (TumourDiameters ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        var values = new List<decimal>();
        foreach (var part in parts)
        {
            if (!decimal.TryParse(part, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            values.Add(value);
        }

        return values.Count == 0 ? null : values;
    }

    public SurgeonResectability Surgeon() =>
        new(TechnicallyResectable, IntolerableLiverFunction, InsufficientFutureLiverRemnant, TumourAdjacentToMajorStructures);

    /// <summary>The request body Intake expects.</summary>
    public object ToRequest() => new
    {
        AssessedOn, WeightKg, HeightCm, Ecog, BilirubinMicromolesPerLitre, AlbuminGramsPerLitre, Inr, AfpNanogramsPerMillilitre,
        DcpMilliUnitsPerMillilitre, AstUnitsPerLitre, AltUnitsPerLitre, Ascites, EncephalopathyGrade, IcgR15Percent,
        FutureLiverRemnantMillilitres, SevereCirrhosis, FattyLiver, PortalHypertension, TumourCount, TumourDiametersMm = TumourDiametersMm(),
        PvttChengType = string.IsNullOrEmpty(PvttChengType) ? null : PvttChengType, MainHepaticVeinThrombus, InferiorVenaCavaThrombus,
        OtherMacrovascularInvasion, PulmonaryNoduleCount, LargestPulmonaryNoduleMm, ExtrahepaticLymphNodes, OtherExtrahepaticSites,
        Surgeon = Surgeon(),
    };
}
