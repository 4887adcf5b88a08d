using HccPathway.Clinical.Mapping;
using HccPathway.Contracts.Intake;

namespace HccPathway.Intake.Pathways.RecordingBaseline;

/// <summary>The baseline as a coordinator sends it. Age is derived from the registered date of birth.</summary>
public sealed record RecordBaselineRequest(
    DateOnly? AssessedOn,
    decimal? WeightKg,
    decimal? HeightCm,
    int? Ecog,
    decimal? BilirubinMicromolesPerLitre,
    decimal? AlbuminGramsPerLitre,
    decimal? Inr,
    decimal? AfpNanogramsPerMillilitre,
    decimal? DcpMilliUnitsPerMillilitre,
    decimal? AstUnitsPerLitre,
    decimal? AltUnitsPerLitre,
    string? Ascites,
    int? EncephalopathyGrade,
    decimal? IcgR15Percent,
    decimal? FutureLiverRemnantMillilitres,
    bool SevereCirrhosis,
    bool FattyLiver,
    bool PortalHypertension,
    int? TumourCount,
    IReadOnlyList<decimal>? TumourDiametersMm,
    string? PvttChengType,
    bool MainHepaticVeinThrombus,
    bool InferiorVenaCavaThrombus,
    bool OtherMacrovascularInvasion,
    int PulmonaryNoduleCount,
    decimal? LargestPulmonaryNoduleMm,
    bool ExtrahepaticLymphNodes,
    bool OtherExtrahepaticSites,
    SurgeonResectability? Surgeon)
{
    /// <summary>Checks presence and vocabulary; the clinical rules check ranges. Field names match the JSON body.</summary>
    public Dictionary<string, string[]> MissingOrUnknown()
    {
        var errors = new Dictionary<string, string[]>();
        void Required(string field, object? value)
        {
            if (value is null)
            {
                errors[field] = ["Required."];
            }
        }

        Required("assessedOn", AssessedOn);
        Required("weightKg", WeightKg);
        Required("heightCm", HeightCm);
        Required("ecog", Ecog);
        Required("bilirubinMicromolesPerLitre", BilirubinMicromolesPerLitre);
        Required("albuminGramsPerLitre", AlbuminGramsPerLitre);
        Required("inr", Inr);
        Required("afpNanogramsPerMillilitre", AfpNanogramsPerMillilitre);
        Required("encephalopathyGrade", EncephalopathyGrade);
        Required("tumourCount", TumourCount);
        Required("tumourDiametersMm", TumourDiametersMm);
        Required("surgeon", Surgeon);
        if (Ascites is null || !BaselineMapping.AscitesNames.ContainsKey(Ascites))
        {
            errors["ascites"] = [$"Required: one of {string.Join(", ", BaselineMapping.AscitesNames.Keys)}."];
        }

        if (PvttChengType is not null && !BaselineMapping.ChengTypes.ContainsKey(PvttChengType))
        {
            errors["pvttChengType"] = [$"One of {string.Join(", ", BaselineMapping.ChengTypes.Keys)}, or null when there is no PVTT."];
        }

        return errors;
    }

    public BaselineMeasurements ToMeasurements(int ageYears) => new(
        ageYears,
        WeightKg!.Value,
        HeightCm!.Value,
        Ecog!.Value,
        BilirubinMicromolesPerLitre!.Value,
        AlbuminGramsPerLitre!.Value,
        Inr!.Value,
        AfpNanogramsPerMillilitre!.Value,
        DcpMilliUnitsPerMillilitre,
        AstUnitsPerLitre,
        AltUnitsPerLitre,
        Ascites!,
        EncephalopathyGrade!.Value,
        IcgR15Percent,
        FutureLiverRemnantMillilitres,
        SevereCirrhosis,
        FattyLiver,
        PortalHypertension,
        TumourCount!.Value,
        TumourDiametersMm!,
        PvttChengType,
        MainHepaticVeinThrombus,
        InferiorVenaCavaThrombus,
        OtherMacrovascularInvasion,
        PulmonaryNoduleCount,
        LargestPulmonaryNoduleMm,
        ExtrahepaticLymphNodes,
        OtherExtrahepaticSites,
        Surgeon!);
}
