namespace HccPathway.Clinical.Eligibility;

/// <summary>The three groups of the Chinese consensus that suit conversion therapy.</summary>
public enum EligibilityGroup
{
    /// <summary>ELIG-1: surgically unresectable CNLC Ia, Ib or IIa.</summary>
    SurgicallyUnresectableEarlyStage,

    /// <summary>ELIG-2: technically resectable CNLC IIb or IIIa without survival benefit from direct surgery.</summary>
    ResectableWithoutSurvivalBenefit,

    /// <summary>ELIG-3: CNLC IIIb with pulmonary oligometastasis or extrahepatic lymph-node metastasis.</summary>
    OligometastaticStageIIIb,
}

public static class EligibilityGroupExtensions
{
    public static string RuleId(this EligibilityGroup group) => group switch
    {
        EligibilityGroup.SurgicallyUnresectableEarlyStage => "ELIG-1",
        EligibilityGroup.ResectableWithoutSurvivalBenefit => "ELIG-2",
        _ => "ELIG-3",
    };
}
