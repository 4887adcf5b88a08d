using HccPathway.Contracts.Assessment;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace HccPathway.Assessment.ReadModels;

/// <summary>One sample in the trend (canonical units), with SCORE-AFPR and the normalisation of each marker.</summary>
public sealed record MarkerPoint(
    Guid SampleId,
    DateOnly SampledOn,
    decimal? AfpNanogramsPerMillilitre,
    decimal? DcpMilliUnitsPerMillilitre,
    AfpResponseSummary? AfpResponse,
    string? AfpNormalisation,
    string? DcpNormalisation);

/// <summary>Tumour markers over time for one patient, oldest first, starting from the intake baseline.</summary>
public sealed class MarkerTrend
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public BaselineMarkers? Baseline { get; set; }

    public List<MarkerPoint> Samples { get; set; } = [];
}

public sealed class MarkerTrendProjection : SingleStreamProjection<MarkerTrend, Guid>
{
    public static MarkerTrend Create(IEvent<ResponseAssessmentStarted> e) => new() { Id = e.StreamId, Baseline = e.Data.BaselineMarkers };

    // Samples may be recorded late; the trend stays in date order.
    public static void Apply(TumourMarkersRecorded e, MarkerTrend t)
    {
        t.Samples.Add(PointOf(e));
        t.Samples = [.. t.Samples.OrderBy(s => s.SampledOn)];
    }

    public static void Apply(TumourMarkersCorrected e, MarkerTrend t)
    {
        t.Samples.RemoveAll(s => s.SampleId == e.SampleId);
        Apply(e.Corrected, t);
    }

    public static void Apply(TumourMarkersEnteredInError e, MarkerTrend t) => t.Samples.RemoveAll(s => s.SampleId == e.SampleId);

    private static MarkerPoint PointOf(TumourMarkersRecorded e)
    {
        TumourMarkerValue? Of(string marker) => e.Markers.FirstOrDefault(m => m.Marker == marker);
        return new MarkerPoint(
            e.SampleId,
            e.SampledOn,
            Of(TumourMarkers.Afp)?.Value,
            Of(TumourMarkers.Dcp)?.Value,
            e.AfpResponse,
            Of(TumourMarkers.Afp)?.Normalisation,
            Of(TumourMarkers.Dcp)?.Normalisation);
    }
}
