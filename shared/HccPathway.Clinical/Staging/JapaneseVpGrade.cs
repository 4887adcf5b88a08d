namespace HccPathway.Clinical.Staging;

/// <summary>STAGE-PVTT: Japanese Vp grade of portal vein invasion (Vp1 third-order branch … Vp4 main trunk).</summary>
public enum JapaneseVpGrade
{
    Vp1 = 1,
    Vp2 = 2,
    Vp3 = 3,
    Vp4 = 4,
}
