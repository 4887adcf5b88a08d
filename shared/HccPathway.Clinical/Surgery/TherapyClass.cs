using HccPathway.Clinical.Regimen;

namespace HccPathway.Clinical.Surgery;

/// <summary>SURG-WASH drug classes, each with its own washout before hepatectomy.</summary>
public enum TherapyClass
{
    /// <summary>Anti-angiogenic antibody (for example bevacizumab): 4–6 weeks, default 6.</summary>
    AntiAngiogenicAntibody,

    /// <summary>TACE: 4–6 weeks since the last session, default 4.</summary>
    Tace,

    /// <summary>Small-molecule TKI (lenvatinib): default stop 7 days before (product label; to be verified).</summary>
    SmallMoleculeTki,

    /// <summary>Immune checkpoint inhibitor (camrelizumab): no fixed washout; immune hepatitis must be excluded.</summary>
    ImmuneCheckpointInhibitor,
}

public static class TherapyClasses
{
    /// <summary>The class of each LEN-TAP component.</summary>
    public static TherapyClass Of(RegimenComponent component) => component switch
    {
        RegimenComponent.Lenvatinib => TherapyClass.SmallMoleculeTki,
        RegimenComponent.Tace => TherapyClass.Tace,
        _ => TherapyClass.ImmuneCheckpointInhibitor,
    };
}
