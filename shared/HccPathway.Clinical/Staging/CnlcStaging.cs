using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Staging;

/// <summary>STAGE-CNLC: stage from tumour count/size, macrovascular invasion, extrahepatic spread, ECOG and Child–Pugh.</summary>
public static class CnlcStaging
{
    // STAGE-CNLC: guideline size limits (not configurable: changing them would no longer be CNLC).
    public const decimal SingleTumourIaMaximumMillimetres = 50m;
    public const decimal MultipleTumoursIbMaximumMillimetres = 30m;
    public const int MaximumTumoursForStagesIbToIIa = 3;
    public const int MaximumEcogForStagesIToIII = 2;

    public static Validated<CnlcStage> Stage(CnlcInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var e = new ErrorCollector();
        e.InRange(inputs.TumourCount, PlausibleRanges.TumourCount, "tumourCount");
        e.InRange(inputs.LargestTumourDiameter.Millimetres, PlausibleRanges.TumourDiameterMillimetres, "largestTumourMillimetres");
        e.InRange(inputs.Ecog, PlausibleRanges.Ecog, "ecog");
        e.CheckEnum(inputs.ChildPughClass, "childPughClass");
        return e.Result(() => Compute(inputs));
    }

    public static Validated<CnlcStage> Stage(
        int tumourCount,
        LengthMm largestTumourDiameter,
        bool macrovascularInvasion,
        bool extrahepaticSpread,
        int ecog,
        ChildPughClass childPughClass) =>
        Stage(new CnlcInputs(tumourCount, largestTumourDiameter, macrovascularInvasion, extrahepaticSpread, ecog, childPughClass));

    internal static CnlcStage Compute(CnlcInputs i)
    {
        // STAGE-CNLC: stages I–III require ECOG 0–2 and Child–Pugh A/B; otherwise IV, whatever the tumour.
        if (i.Ecog > MaximumEcogForStagesIToIII || i.ChildPughClass == ChildPughClass.C)
        {
            return CnlcStage.IV;
        }

        // Extrahepatic spread outranks vascular invasion (IIIb with or without macrovascular invasion).
        if (i.ExtrahepaticSpread)
        {
            return CnlcStage.IIIb;
        }

        if (i.MacrovascularInvasion)
        {
            return CnlcStage.IIIa;
        }

        var largest = i.LargestTumourDiameter.Millimetres;
        return i.TumourCount switch
        {
            1 => largest <= SingleTumourIaMaximumMillimetres ? CnlcStage.Ia : CnlcStage.Ib,
            <= MaximumTumoursForStagesIbToIIa => largest <= MultipleTumoursIbMaximumMillimetres ? CnlcStage.Ib : CnlcStage.IIa,
            _ => CnlcStage.IIb,
        };
    }
}
