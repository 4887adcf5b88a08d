namespace HccPathway.Clinical.Staging;

/// <summary>
/// STAGE-PVTT: Cheng classification of portal vein tumour thrombus.
/// I: segmental or sectoral branches; II: right or left portal vein; III: main portal vein; IV: superior mesenteric vein.
/// </summary>
public enum PvttType
{
    ChengI = 1,
    ChengII = 2,
    ChengIII = 3,
    ChengIV = 4,
}
