namespace HccPathway.Contracts.Assessment;

/// <summary>
/// Tumour markers from one blood sample, in canonical units (AFP ng/mL, DCP mAU/mL) with the value and unit the
/// laboratory reported. Each marker is compared with its baseline (RESP-CCR (2)); AFP response is SCORE-AFPR.
/// </summary>
public sealed record TumourMarkersRecorded(
    Guid PathwayId,
    Guid SampleId,
    DateOnly SampledOn,
    IReadOnlyList<TumourMarkerValue> Markers,
    AfpResponseSummary? AfpResponse,
    string RuleSetVersion,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <param name="Marker">One of <see cref="TumourMarkers"/>.</param>
/// <param name="Value">In <see cref="Unit"/>, the canonical unit of the marker.</param>
/// <param name="UpperLimitOfNormal">In <see cref="Unit"/>, from the rule set.</param>
/// <param name="BaselineValue">In <see cref="Unit"/>; null when there is no baseline for this marker.</param>
/// <param name="Normalisation">One of <see cref="MarkerNormalisation"/>.</param>
public sealed record TumourMarkerValue(
    string Marker,
    decimal Value,
    string Unit,
    decimal ReportedValue,
    string ReportedUnit,
    decimal UpperLimitOfNormal,
    decimal? BaselineValue,
    DateOnly? BaselineOn,
    bool PositiveAtBaseline,
    string Normalisation);

/// <summary>SCORE-AFPR: decrease from baseline, positive for a fall; null when not evaluable.</summary>
/// <param name="Status">One of <see cref="AfpResponseStatuses"/>.</param>
public sealed record AfpResponseSummary(
    string Status,
    decimal? DecreasePercent,
    decimal ThresholdPercent,
    decimal BaselineNanogramsPerMillilitre,
    DateOnly BaselineOn);
