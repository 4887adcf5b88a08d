using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Rules;

/// <summary>Plausibility checks shared by every entry point, so a field is named and bounded the same way everywhere.</summary>
internal static class InputChecks
{
    public static bool Check(this ErrorCollector e, Bilirubin value, string field = "bilirubinMicromolesPerLitre") =>
        e.InRange(value.MicromolesPerLitre, PlausibleRanges.BilirubinMicromolesPerLitre, field);

    public static bool Check(this ErrorCollector e, Albumin value, string field = "albuminGramsPerLitre") =>
        e.InRange(value.GramsPerLitre, PlausibleRanges.AlbuminGramsPerLitre, field);

    public static bool Check(this ErrorCollector e, Inr value, string field = "inr") =>
        e.InRange(value.Ratio, PlausibleRanges.Inr, field);

    public static bool Check(this ErrorCollector e, AfpNgPerMl value, string field = "afpNanogramsPerMillilitre") =>
        e.InRange(value.NanogramsPerMillilitre, PlausibleRanges.AfpNanogramsPerMillilitre, field);

    public static bool Check(this ErrorCollector e, DcpMauPerMl value, string field = "dcpMilliArbitraryUnitsPerMillilitre") =>
        e.InRange(value.MilliArbitraryUnitsPerMillilitre, PlausibleRanges.DcpMilliArbitraryUnitsPerMillilitre, field);

    public static bool Check(this ErrorCollector e, AminotransferaseUnitsPerLitre value, string field) =>
        e.InRange(value.UnitsPerLitre, PlausibleRanges.AminotransferaseUnitsPerLitre, field);

    public static bool Check(this ErrorCollector e, WeightKg value, string field = "weightKilograms") =>
        e.InRange(value.Kilograms, PlausibleRanges.WeightKilograms, field);

    public static bool Check(this ErrorCollector e, HeightCm value, string field = "heightCentimetres") =>
        e.InRange(value.Centimetres, PlausibleRanges.HeightCentimetres, field);

    public static bool Check(this ErrorCollector e, IcgR15Percent value, string field = "icgR15Percent") =>
        e.InRange(value.Percent, PlausibleRanges.IcgR15Percent, field);

    public static bool Check(this ErrorCollector e, VolumeMl value, string field = "futureLiverRemnantMillilitres") =>
        e.InRange(value.Millilitres, PlausibleRanges.FutureLiverRemnantMillilitres, field);

    public static bool CheckEnum<TEnum>(this ErrorCollector e, TEnum value, string field)
        where TEnum : struct, Enum =>
        e.Require(Enum.IsDefined(value), field, $"Unknown value '{value}'.", string.Join(", ", Enum.GetNames<TEnum>()));
}
