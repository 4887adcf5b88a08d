using HccPathway.Contracts.Assessment;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace HccPathway.Assessment.ReadModels;

public sealed record AdverseEventGradingRow(DateOnly On, int Grade);

/// <summary>One adverse event with its current and worst grade (RESP-AE).</summary>
public sealed class AdverseEventItem
{
    public Guid Id { get; set; }

    public string CtcaeTerm { get; set; } = "";

    public bool TreatmentRelated { get; set; }

    public IReadOnlyList<string> SuspectedDrugs { get; set; } = [];

    public DateOnly OnsetOn { get; set; }

    public int Grade { get; set; }

    public int MaxGrade { get; set; }

    public bool Open { get; set; } = true;

    public DateOnly? ResolvedOn { get; set; }

    public List<AdverseEventGradingRow> Gradings { get; set; } = [];
}

/// <summary>A patient's adverse events; <see cref="MaxOpenGrade"/> is the worst current grade among open ones.</summary>
public sealed class AdverseEventList
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public List<AdverseEventItem> Items { get; set; } = [];

    public int MaxOpenGrade { get; set; }
}

public sealed class AdverseEventListProjection : SingleStreamProjection<AdverseEventList, Guid>
{
    public static AdverseEventList Create(IEvent<ResponseAssessmentStarted> e) => new() { Id = e.StreamId };

    public static void Apply(AdverseEventReported e, AdverseEventList l)
    {
        l.Items.Add(new AdverseEventItem
        {
            Id = e.AdverseEventId,
            CtcaeTerm = e.CtcaeTerm,
            TreatmentRelated = e.TreatmentRelated,
            SuspectedDrugs = e.SuspectedDrugs,
            OnsetOn = e.OnsetOn,
            Grade = e.Grade,
            MaxGrade = e.Grade,
            Gradings = [new(e.OnsetOn, e.Grade)],
        });
        Refresh(l);
    }

    public static void Apply(AdverseEventGradeChanged e, AdverseEventList l)
    {
        if (l.Items.Find(i => i.Id == e.AdverseEventId) is { } item)
        {
            item.Grade = e.Grade;
            item.MaxGrade = Math.Max(item.MaxGrade, e.Grade);
            item.Gradings.Add(new(e.ChangedOn, e.Grade));
        }

        Refresh(l);
    }

    public static void Apply(AdverseEventResolved e, AdverseEventList l)
    {
        if (l.Items.Find(i => i.Id == e.AdverseEventId) is { } item)
        {
            item.Grade = e.ResidualGrade;
            item.Open = false;
            item.ResolvedOn = e.ResolvedOn;
            item.Gradings.Add(new(e.ResolvedOn, e.ResidualGrade));
        }

        Refresh(l);
    }

    // The onset grading is the report's; later gradings stand.
    public static void Apply(AdverseEventCorrected e, AdverseEventList l)
    {
        if (l.Items.Find(i => i.Id == e.AdverseEventId) is { } item)
        {
            item.CtcaeTerm = e.CtcaeTerm;
            item.TreatmentRelated = e.TreatmentRelated;
            item.SuspectedDrugs = e.SuspectedDrugs;
            item.OnsetOn = e.OnsetOn;
            item.Gradings[0] = new(e.OnsetOn, e.Grade);
            item.Grade = e.CurrentGrade;
            item.MaxGrade = item.Gradings.Max(g => g.Grade);
        }

        Refresh(l);
    }

    public static void Apply(AdverseEventEnteredInError e, AdverseEventList l)
    {
        l.Items.RemoveAll(i => i.Id == e.AdverseEventId);
        Refresh(l);
    }

    private static void Refresh(AdverseEventList l) => l.MaxOpenGrade = l.Items.Where(i => i.Open).Select(i => i.Grade).DefaultIfEmpty(0).Max();
}
