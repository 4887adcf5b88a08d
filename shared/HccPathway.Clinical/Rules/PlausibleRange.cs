using System.Globalization;

namespace HccPathway.Clinical.Rules;

/// <summary>An inclusive range of physiologically plausible values, used to reject typing and unit errors.</summary>
public sealed record PlausibleRange(decimal Minimum, decimal Maximum, string Unit)
{
    public bool Contains(decimal value) => value >= Minimum && value <= Maximum;

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Minimum}–{Maximum}{(Unit.Length == 0 ? "" : " " + Unit)}");
}
