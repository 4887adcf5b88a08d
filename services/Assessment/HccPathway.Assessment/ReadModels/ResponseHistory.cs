using HccPathway.Contracts.Assessment;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace HccPathway.Assessment.ReadModels;

/// <summary>One row of the response table: a study with both criteria side by side.</summary>
public sealed record ResponseRow(
    Guid StudyId,
    DateOnly StudyOn,
    string Modality,
    bool IsBaseline,
    CriteriaResponse Recist,
    CriteriaResponse Mrecist,
    IReadOnlyList<NewLesion> NewLesions,
    string ExtrahepaticStatus);

public sealed record ProgressionRow(Guid StudyId, DateOnly StudyOn, string Pattern, string? FailureRuleId);

public sealed record CcrStatus(bool Holds, DateOnly? ConfirmedOn, DateOnly? ConditionsMetSince, DateOnly? LostOn, string? LostBecause);

/// <summary>A clinician's response table for one patient: every study under both criteria, best responses, cCR and progression.</summary>
public sealed class ResponseHistory
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    /// <summary>The hospital (tenant) the pathway belongs to: the deadline sweep decides each pathway in its own hospital.</summary>
    public string Hospital { get; set; } = "";

    public DateOnly EnrolledOn { get; set; }

    public List<ResponseRow> Studies { get; set; } = [];

    /// <summary>RESP-RATES: best overall response under each criterion, from the current baseline on.</summary>
    public string? BestOverallRecist { get; set; }

    public string? BestOverallMrecist { get; set; }

    public List<ProgressionRow> Progressions { get; set; } = [];

    public CcrStatus Ccr { get; set; } = new(false, null, null, null, null);

    public DateTimeOffset LastChangedAt { get; set; }
}

/// <summary>Kept in the same transaction as Assessment's appends, so a clinician sees a study's response at once.</summary>
public sealed class ResponseHistoryProjection : SingleStreamProjection<ResponseHistory, Guid>
{
    public static ResponseHistory Create(IEvent<ResponseAssessmentStarted> e) =>
        new() { Id = e.StreamId, EnrolledOn = e.Data.EnrolledOn, LastChangedAt = e.Timestamp };

    // A study's re-assessment after a correction replaces its row where it stands.
    public static void Apply(IEvent<ResponseAssessed> e, ResponseHistory h)
    {
        var r = e.Data;
        var row = new ResponseRow(r.StudyId, r.StudyOn, r.Modality, r.IsBaseline, r.Recist, r.Mrecist, r.NewLesions, r.ExtrahepaticStatus);
        var existing = h.Studies.FindIndex(s => s.StudyId == r.StudyId);
        if (existing < 0)
        {
            h.Studies.Add(row);
        }
        else
        {
            h.Studies[existing] = row;
        }

        RefreshBestOverall(h);
        h.LastChangedAt = e.Timestamp;
    }

    public static void Apply(IEvent<ResponseWithdrawn> e, ResponseHistory h)
    {
        h.Studies.RemoveAll(s => s.StudyId == e.Data.StudyId);
        RefreshBestOverall(h);
        h.LastChangedAt = e.Timestamp;
    }

    public static void Apply(IEvent<ProgressionDetected> e, ResponseHistory h)
    {
        h.Progressions.RemoveAll(p => p.StudyId == e.Data.StudyId);
        h.Progressions.Add(new ProgressionRow(e.Data.StudyId, e.Data.StudyOn, e.Data.Pattern, e.Data.FailureRuleId));
        h.LastChangedAt = e.Timestamp;
    }

    public static void Apply(IEvent<ProgressionWithdrawn> e, ResponseHistory h)
    {
        h.Progressions.RemoveAll(p => p.StudyId == e.Data.StudyId);
        h.LastChangedAt = e.Timestamp;
    }

    public static void Apply(IEvent<ClinicalCompleteResponseConfirmed> e, ResponseHistory h)
    {
        h.Ccr = new CcrStatus(true, e.Data.ConfirmedOn, e.Data.ConditionsMetSince, null, null);
        h.LastChangedAt = e.Timestamp;
    }

    public static void Apply(IEvent<ClinicalCompleteResponseLost> e, ResponseHistory h)
    {
        h.Ccr = h.Ccr with
        {
            Holds = false,
            LostOn = e.Data.LostOn,
            LostBecause = string.Join("; ", e.Data.FailedCriteria.Select(c => $"{c.Criterion}: {c.Observed}")),
        };
        h.LastChangedAt = e.Timestamp;
    }

    // RESP-RATES: each response carries the best overall response of its series up to it; the latest study's is the series'.
    private static void RefreshBestOverall(ResponseHistory h)
    {
        var latest = h.Studies.Count > 0 ? h.Studies[^1] : null;
        h.BestOverallRecist = latest is { IsBaseline: false } ? latest.Recist.BestOverallResponse : null;
        h.BestOverallMrecist = latest is { IsBaseline: false } ? latest.Mrecist.BestOverallResponse : null;
    }
}
