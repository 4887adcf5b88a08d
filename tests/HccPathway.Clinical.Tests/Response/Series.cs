using HccPathway.Clinical.Response;

namespace HccPathway.Clinical.Tests.Response;

/// <summary>Builds response series for tests. Study dates are days after 2025-01-06.</summary>
internal static class Series
{
    public static readonly DateOnly BaselineDate = new(2025, 1, 6);

    public static TargetLesion Liver(string id) => new(id, "liver");

    public static TargetLesion Node(string id) => new(id, "lymph node", IsLymphNode: true);

    public static LesionMeasurement M(string id, decimal mm, decimal? viable = null) => new(id, mm, viable);

    public static ImagingStudy Study(int day, params LesionMeasurement[] m) => new($"s{day}", BaselineDate.AddDays(day), m);

    public static ResponseSeries Of(TargetLesion[] lesions, ImagingStudy baseline, params ImagingStudy[] followUps) =>
        new(lesions, baseline, followUps);

    /// <summary>One liver target, baseline diameter given, one follow-up at day 42.</summary>
    public static ResponseSeries Single(decimal baselineMm, decimal followUpMm) =>
        Of([Liver("L1")], Study(0, M("L1", baselineMm)), Study(42, M("L1", followUpMm)));

    /// <summary>One liver target with viable diameters (mRECIST).</summary>
    public static ResponseSeries SingleViable(decimal baselineViable, decimal followUpViable) =>
        Of([Liver("L1")], Study(0, M("L1", 60m, baselineViable)), Study(42, M("L1", 60m, followUpViable)));
}
