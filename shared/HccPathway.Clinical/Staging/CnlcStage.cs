namespace HccPathway.Clinical.Staging;

/// <summary>STAGE-CNLC: China Liver Cancer staging (2022 guideline, Zhou et al., Liver Cancer 2023).</summary>
public enum CnlcStage
{
    Ia,
    Ib,
    IIa,
    IIb,
    IIIa,
    IIIb,
    IV,
}
