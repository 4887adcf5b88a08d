using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HccPathway.Benchmarks;

/// <summary>A target: a ratio (or, for P7, an absolute value) at least or at most a limit.</summary>
public sealed record Target(double Limit, bool AtLeast, bool OnRatio)
{
    public bool Met(double value) => AtLeast ? value >= Limit : value <= Limit;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(AtLeast ? "≥" : "≤")} {Limit:0.##}{(OnRatio ? "×" : "")}");
}

/// <summary>One figure in one run: its value and, when it has one, the same run's baseline.</summary>
public sealed record Sample(string Id, string Name, string Unit, double Value, string? BaselineId = null, double? Baseline = null, Target? Target = null)
{
    public double? Ratio => Baseline is { } b ? Value / b : null;
}

/// <summary>Every run's samples; summarised per figure as median with min–max, written as results.json and a Markdown table.</summary>
public sealed class Results(Settings settings)
{
    private readonly List<List<Sample>> runs = [];

    public void StartRun() => runs.Add([]);

    public Sample Add(Sample sample)
    {
        runs[^1].Add(sample);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {sample.Id,-8} {sample.Name,-62} {sample.Value,12:0.###} {sample.Unit}{(sample.Ratio is { } r ? $"  (ratio {r:0.###})" : "")}"));
        return sample;
    }

    public async Task Write(DateTimeOffset started, bool quiet = false)
    {
        Directory.CreateDirectory(settings.OutputDirectory);
        var stamp = started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var figures = Figures().ToList();
        var json = new
        {
            started,
            finished = DateTimeOffset.UtcNow,
            mode = settings.Quick ? "quick" : "full",
            runs = runs.Count,
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.VersionString, dotnet = Environment.Version.ToString() },
            sizes = new
            {
                settings.PostgresInsertsPerClient, settings.RabbitMqMessages, settings.RoundTrips, commandLoadSeconds = settings.CommandLoad.TotalSeconds,
                settings.CommandClients, settings.ReactionRate, settings.SustainedReactionRate, reactionLoadSeconds = settings.ReactionLoad.TotalSeconds, settings.RelayBacklog,
                settings.AuditStreamLength, settings.SmallStorePatients, settings.LargeStorePatients,
            },
            figures = figures.Select(f => new
            {
                f.Id, f.Name, f.Unit, f.BaselineId,
                values = f.Values, value = Summary(f.Values),
                baselines = f.Baselines, baseline = f.Baselines.Count > 0 ? Summary(f.Baselines) : null,
                ratios = f.Ratios, ratio = f.Ratios.Count > 0 ? Summary(f.Ratios) : null,
                target = f.Target?.ToString(), met = f.Met,
            }),
        };
        var options = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        var table = Markdown(figures, started);
        foreach (var folder in new[] { settings.OutputDirectory, Path.Combine(settings.OutputDirectory, stamp) })
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "results.json"), JsonSerializer.Serialize(json, options));
            await File.WriteAllTextAsync(Path.Combine(folder, "results.md"), table);
        }

        if (quiet)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"Written to {Path.Combine(settings.OutputDirectory, "results.json")} and results.md (and a copy under {stamp}/).");
    }

    private sealed record Figure(string Id, string Name, string Unit, string? BaselineId, List<double> Values, List<double> Baselines, List<double> Ratios, Target? Target)
    {
        public bool? Met => Target is null ? null
            : (Target.OnRatio ? Ratios : Values) is { Count: > 0 } measured ? Target.Met(Stats.Median(measured)) : null;
    }

    private IEnumerable<Figure> Figures()
    {
        var ids = runs.SelectMany(r => r).Select(s => s.Id).Distinct();
        foreach (var id in ids)
        {
            var samples = runs.SelectMany(r => r).Where(s => s.Id == id).ToList();
            var first = samples[0];
            yield return new Figure(first.Id, first.Name, first.Unit, first.BaselineId,
                samples.Select(s => s.Value).ToList(),
                samples.Where(s => s.Baseline is not null).Select(s => s.Baseline!.Value).ToList(),
                samples.Where(s => s.Ratio is not null).Select(s => s.Ratio!.Value).ToList(),
                first.Target);
        }
    }

    private static object Summary(List<double> values) => new { min = values.Min(), median = Stats.Median(values), max = values.Max() };

    private string Markdown(List<Figure> figures, DateTimeOffset started)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## HccPathway benchmarks — {started:yyyy-MM-dd HH:mm} UTC, {(settings.Quick ? "quick" : "full")}, {runs.Count} run(s), {Environment.ProcessorCount} cores");
        md.AppendLine();
        md.AppendLine("| Id | Figure | Value: median (min–max) | Same-run baseline: median | Ratio: median (min–max) | Target | Met |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var f in figures)
        {
            var baseline = f.Baselines.Count > 0 ? $"{Number(Stats.Median(f.Baselines))} ({f.BaselineId})" : "";
            var ratio = f.Ratios.Count > 0 ? $"{Number(Stats.Median(f.Ratios))}× ({Number(f.Ratios.Min())}–{Number(f.Ratios.Max())})" : "";
            var met = f.Met switch { true => "yes", false => "**no**", null => "" };
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Id} | {f.Name} | {Number(Stats.Median(f.Values))} {f.Unit} ({Number(f.Values.Min())}–{Number(f.Values.Max())}) | {baseline} | {ratio} | {f.Target?.ToString() ?? ""} | {met} |");
        }

        return md.ToString();
    }

    private static string Number(double value) => value switch
    {
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
