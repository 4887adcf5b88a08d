namespace HccPathway.Contracts;

/// <summary>The treatments of the LEN-TAP regimen as every message names them.</summary>
public static class Drugs
{
    public const string Lenvatinib = "lenvatinib";
    public const string Tace = "tace";
    public const string Camrelizumab = "camrelizumab";

    public static IReadOnlyList<string> LenTap { get; } = [Lenvatinib, Tace, Camrelizumab];
}
