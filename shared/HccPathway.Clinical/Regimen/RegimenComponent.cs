namespace HccPathway.Clinical.Regimen;

/// <summary>The three parts of LEN-TAP (lenvatinib, TACE, camrelizumab).</summary>
public enum RegimenComponent
{
    Lenvatinib,
    Tace,
    Camrelizumab,
}
