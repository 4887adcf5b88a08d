using System.Globalization;

namespace HccPathway.Clinical.Rules;

/// <summary>Culture-independent formatting for the text in criteria, so decisions read the same on every server.</summary>
internal static class CriterionText
{
    public static string Of(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Of(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Of(bool value) => value ? "yes" : "no";

    public static CriterionOutcome Outcome(bool pass) => pass ? CriterionOutcome.Pass : CriterionOutcome.Fail;
}
