using System.Globalization;
using System.Xml.Linq;

namespace HccPathway.Assessment.ReadModels;

/// <summary>One plotted value: a study's sum of diameters (mm) or an AFP value (ng/mL) on a date.</summary>
public sealed record ChartPoint(string Series, DateOnly On, decimal Value, string? Label = null);

/// <summary>
/// The response history as an SVG line chart: the RECIST sum of diameters and the mRECIST sum of viable diameters
/// (mm, left axis, linear) and AFP (ng/mL, right axis, logarithmic because it spans decades) over time. Every point is
/// a circle carrying its series, date and value as data attributes, so the chart can be checked as well as read.
/// </summary>
public static class ResponseChart
{
    public const string RecistSeries = "recist-sum";
    public const string MrecistSeries = "mrecist-sum";
    public const string AfpSeries = "afp";

    private const double Width = 760, Height = 380, Left = 64, Right = 80, Top = 48, Bottom = 56;
    private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Dictionary<string, (string Colour, string Caption)> Styles = new()
    {
        [RecistSeries] = ("#1f77b4", "RECIST 1.1 sum of diameters (mm)"),
        [MrecistSeries] = ("#2ca02c", "mRECIST sum of viable diameters (mm)"),
        [AfpSeries] = ("#d62728", "AFP (ng/mL, log scale)"),
    };

    public static ChartPoint[] Points(ResponseHistory history, MarkerTrend? markers)
    {
        var points = new List<ChartPoint>();
        foreach (var row in history.Studies)
        {
            if (row.Recist.SumMm is { } recist)
            {
                points.Add(new(RecistSeries, row.StudyOn, recist, row.Recist.Category ?? "BL"));
            }

            if (row.Mrecist.SumMm is { } mrecist)
            {
                points.Add(new(MrecistSeries, row.StudyOn, mrecist, row.Mrecist.Category ?? "BL"));
            }
        }

        if (markers?.Baseline is { } baseline)
        {
            points.Add(new(AfpSeries, baseline.MeasuredOn, baseline.AfpNanogramsPerMillilitre, "baseline"));
        }

        foreach (var sample in markers?.Samples ?? [])
        {
            if (sample.AfpNanogramsPerMillilitre is { } afp)
            {
                points.Add(new(AfpSeries, sample.SampledOn, afp));
            }
        }

        return [.. points.OrderBy(p => p.On)];
    }

    public static string Render(IReadOnlyList<ChartPoint> points, string title)
    {
        var root = new XElement(Svg + "svg",
            new XAttribute("width", Width), new XAttribute("height", Height),
            new XAttribute("viewBox", $"0 0 {Width} {Height}"), new XAttribute("role", "img"),
            new XElement(Svg + "title", title),
            new XElement(Svg + "rect", new XAttribute("width", Width), new XAttribute("height", Height), new XAttribute("fill", "white")),
            Text(Width / 2, 24, title, "middle", 15));
        if (points.Count == 0)
        {
            root.Add(Text(Width / 2, Height / 2, "No studies or tumour markers recorded yet.", "middle", 13));
            return root.ToString(SaveOptions.DisableFormatting);
        }

        var x = DateScale(points);
        var sumScale = SumScale(points);
        var afpScale = AfpScale(points);
        root.Add(Axes(points, x, sumScale, afpScale));
        foreach (var series in Styles.Keys)
        {
            var own = points.Where(p => p.Series == series).ToArray();
            Func<decimal, double> y = series == AfpSeries ? afpScale.Map : sumScale.Map;
            root.Add(Series(series, own, x, y));
        }

        root.Add(Legend());
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Series(string series, ChartPoint[] points, Func<DateOnly, double> x, Func<decimal, double> y)
    {
        var (colour, _) = Styles[series];
        var group = new XElement(Svg + "g", new XAttribute("data-series", series));
        if (points.Length > 1)
        {
            group.Add(new XElement(Svg + "polyline",
                new XAttribute("fill", "none"), new XAttribute("stroke", colour), new XAttribute("stroke-width", 2),
                new XAttribute("points", string.Join(" ", points.Select(p => $"{F(x(p.On))},{F(y(p.Value))}")))));
        }

        foreach (var p in points)
        {
            group.Add(new XElement(Svg + "circle",
                new XAttribute("class", "point"), new XAttribute("data-series", series),
                new XAttribute("data-date", p.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new XAttribute("data-value", p.Value.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("cx", F(x(p.On))), new XAttribute("cy", F(y(p.Value))), new XAttribute("r", 4), new XAttribute("fill", colour),
                new XElement(Svg + "title", $"{Styles[series].Caption}: {p.Value.ToString(CultureInfo.InvariantCulture)} on {p.On:yyyy-MM-dd}{(p.Label is null ? "" : $" ({p.Label})")}")));
            if (p.Label is { } label && series != AfpSeries)
            {
                group.Add(Text(x(p.On), y(p.Value) - 9, label, "middle", 10, colour));
            }
        }

        return group;
    }

    private static IEnumerable<XElement> Axes(IReadOnlyList<ChartPoint> points, Func<DateOnly, double> x, Scale sum, Scale afp)
    {
        yield return Line(Left, Top + PlotHeight, Left + PlotWidth, Top + PlotHeight);
        yield return Line(Left, Top, Left, Top + PlotHeight);
        yield return Line(Left + PlotWidth, Top, Left + PlotWidth, Top + PlotHeight);
        foreach (var tick in sum.Ticks)
        {
            yield return Text(Left - 6, sum.Map(tick) + 4, tick.ToString("0", CultureInfo.InvariantCulture), "end", 11);
        }

        foreach (var tick in afp.Ticks)
        {
            yield return Text(Left + PlotWidth + 6, afp.Map(tick) + 4, tick.ToString("0.##", CultureInfo.InvariantCulture), "start", 11);
        }

        foreach (var date in points.Select(p => p.On).Distinct())
        {
            yield return Text(x(date), Top + PlotHeight + 16, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "middle", 10);
        }

        yield return Text(16, Top + PlotHeight / 2, "Sum of diameters (mm)", "middle", 11, rotate: true);
        yield return Text(Width - 14, Top + PlotHeight / 2, "AFP (ng/mL)", "middle", 11, rotate: true);
    }

    private static XElement Legend()
    {
        var group = new XElement(Svg + "g", new XAttribute("class", "legend"));
        var offset = Left;
        foreach (var (_, (colour, caption)) in Styles)
        {
            group.Add(new XElement(Svg + "rect", new XAttribute("x", F(offset)), new XAttribute("y", Height - 18),
                new XAttribute("width", 10), new XAttribute("height", 10), new XAttribute("fill", colour)));
            group.Add(Text(offset + 14, Height - 9, caption, "start", 11));
            offset += 220;
        }

        return group;
    }

    private static Func<DateOnly, double> DateScale(IReadOnlyList<ChartPoint> points)
    {
        var first = points.Min(p => p.On).DayNumber;
        var last = points.Max(p => p.On).DayNumber;
        var span = Math.Max(last - first, 1);

        // A single date sits in the middle rather than on an axis.
        return last == first
            ? _ => Left + PlotWidth / 2
            : d => Left + (d.DayNumber - first) * PlotWidth / span;
    }

    private sealed record Scale(Func<decimal, double> Map, IReadOnlyList<decimal> Ticks);

    private static Scale SumScale(IReadOnlyList<ChartPoint> points)
    {
        var max = points.Where(p => p.Series != AfpSeries).Select(p => p.Value).DefaultIfEmpty(0m).Max();
        var top = Math.Max(10m, Math.Ceiling(max * 1.1m / 10m) * 10m);
        var ticks = Enumerable.Range(0, 6).Select(i => top * i / 5).ToArray();
        return new Scale(v => Top + PlotHeight - (double)(v / top) * PlotHeight, ticks);
    }

    // AFP spans decades (tens of thousands at baseline, single figures in response): a log scale keeps both readable.
    private static Scale AfpScale(IReadOnlyList<ChartPoint> points)
    {
        var values = points.Where(p => p.Series == AfpSeries).Select(p => Math.Max((double)p.Value, 1.0)).DefaultIfEmpty(1.0).ToArray();
        var low = Math.Floor(Math.Log10(values.Min()));
        var high = Math.Max(Math.Ceiling(Math.Log10(values.Max())), low + 1);
        var ticks = Enumerable.Range((int)low, (int)(high - low) + 1).Select(e => (decimal)Math.Pow(10, e)).ToArray();
        return new Scale(
            v => Top + PlotHeight - (Math.Log10(Math.Max((double)v, 1.0)) - low) / (high - low) * PlotHeight,
            ticks);
    }

    private static XElement Line(double x1, double y1, double x2, double y2) => new(Svg + "line",
        new XAttribute("x1", F(x1)), new XAttribute("y1", F(y1)), new XAttribute("x2", F(x2)), new XAttribute("y2", F(y2)),
        new XAttribute("stroke", "#444"));

    private static XElement Text(double x, double y, string text, string anchor, int size, string colour = "#222", bool rotate = false)
    {
        var element = new XElement(Svg + "text", new XAttribute("x", F(x)), new XAttribute("y", F(y)),
            new XAttribute("text-anchor", anchor), new XAttribute("font-size", size), new XAttribute("font-family", "sans-serif"),
            new XAttribute("fill", colour), text);
        if (rotate)
        {
            element.Add(new XAttribute("transform", $"rotate(-90 {F(x)} {F(y)})"));
        }

        return element;
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
