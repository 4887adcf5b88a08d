using System.Globalization;

namespace HccPathway.Clinical.Units;

/// <summary>Body weight in kg (SCORE-BSA, SCHED-LEN).</summary>
public readonly record struct WeightKg
{
    private WeightKg(decimal value) => Kilograms = value;

    public decimal Kilograms { get; }

    public static WeightKg FromKilograms(decimal value) => new(value);

    public override string ToString() => Kilograms.ToString("0.####", CultureInfo.InvariantCulture) + " kg";
}
