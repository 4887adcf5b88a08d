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

    public static void Apply(IEvent<ResponseAssessed> e, ResponseHistory h)
    {
        var r = e.Data;
        h.Studies.Add(new ResponseRow(r.StudyId, r.StudyOn, r.Modality, r.IsBaseline, r.Recist, r.Mrecist, r.NewLesions, r.ExtrahepaticStatus));
        h.BestOverallRecist = r.IsBaseline ? null : r.Recist.BestOverallResponse;
        h.BestOverallMrecist = r.IsBaseline ? null : r.Mrecist.BestOverallResponse;
        h.LastChangedAt = e.Timestamp;
    }

    public static void Apply(IEvent<ProgressionDetected> e, ResponseHistory h)
    {
        h.Progressions.Add(new ProgressionRow(e.Data.StudyId, e.Data.StudyOn, e.Data.Pattern, e.Data.FailureRuleId));
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
}
