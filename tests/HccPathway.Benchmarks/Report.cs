using System.Globalization;

namespace HccPathway.Benchmarks;

public sealed record Measurement(string Name, double Value, string Unit, string? ComparedTo = null);

public sealed class Report
{
    private readonly List<Measurement> measurements = [];

    public void Add(Measurement m) => measurements.Add(m);

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"{"measurement",-52} {"value",12} {"unit",-10} ratio to baseline");
        foreach (var m in measurements)
        {
            var ratio = m.ComparedTo is { } baseline && measurements.FirstOrDefault(x => x.Name == baseline) is { } b
                ? string.Create(CultureInfo.InvariantCulture, $"{m.Value / b.Value:0.00}× {baseline}")
                : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Name,-52} {m.Value,12:0.0} {m.Unit,-10} {ratio}"));
        }
    }
}
