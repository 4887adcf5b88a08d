using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Response;
using HccPathway.Contracts.Assessment;

namespace HccPathway.Scheduling.TherapyPlans.Holds;

/// <summary>One grading as a message reported it; <see cref="RecordedAt"/> orders two gradings of the same day.</summary>
public sealed record LedgerGrading(DateOnly On, int Grade, DateTimeOffset RecordedAt, string Source);

/// <summary>
/// What Scheduling has heard about one adverse event, from whichever message came first. Messages may arrive in any
/// order (a resolution before its report): the ledger keeps every fact, and holds are derived from all of them, so
/// the order does not change the result. Stored in Scheduling's schema in the same transaction as the appends.
/// </summary>
public sealed class AdverseEventLedger
{
    /// <summary>The <see cref="LedgerGrading.Source"/> of the grading at onset, as reported or corrected.</summary>
    public const string ReportedSource = "reported";

    public Guid Id { get; set; }

    public Guid PathwayId { get; set; }

    /// <summary>False until the report arrives: relatedness and suspected drugs are unknown before it.</summary>
    public bool Reported { get; set; }

    public string CtcaeTerm { get; set; } = "";

    public bool TreatmentRelated { get; set; }

    public List<string> SuspectedDrugs { get; set; } = [];

    public List<LedgerGrading> Gradings { get; set; } = [];

    /// <summary>When Assessment last corrected the report; a report or older correction arriving later changes nothing.</summary>
    public DateTimeOffset? CorrectedAt { get; set; }

    /// <summary>The latest correction (or the entered-in-error marking); released holds name it.</summary>
    public Guid? CorrectionId { get; set; }

    /// <summary>The adverse event should never have been reported: no hold rests on it (SCHED-HOLD).</summary>
    public bool EnteredInError { get; set; }

    public void Add(LedgerGrading grading)
    {
        if (!Gradings.Contains(grading))
        {
            Gradings.Add(grading);
        }
    }

    /// <summary>
    /// RESP-AE: the report corrected. Its term, relatedness, suspected drugs and onset grading replace the reported
    /// ones; later gradings stand. Only the latest correction counts, whatever order corrections arrive in.
    /// </summary>
    public void Correct(AdverseEventCorrected correction)
    {
        if (CorrectedAt is { } last && last >= correction.CorrectedAt)
        {
            return;
        }

        Reported = true;
        CtcaeTerm = correction.CtcaeTerm;
        TreatmentRelated = correction.TreatmentRelated;
        SuspectedDrugs = [.. correction.SuspectedDrugs];
        Gradings.RemoveAll(g => g.Source == ReportedSource);

        // The onset grading precedes any grading recorded the same day.
        Add(new LedgerGrading(correction.OnsetOn, correction.Grade, DateTimeOffset.MinValue, ReportedSource));
        CorrectedAt = correction.CorrectedAt;
        CorrectionId = correction.CorrectionId;
    }

    public void MarkEnteredInError(Guid correctionId)
    {
        EnteredInError = true;
        CorrectionId = correctionId;
    }

    /// <summary>
    /// The adverse event for the clinical library: one grading per day (the latest recorded that day), in date order,
    /// and only the suspected drugs of the LEN-TAP regimen.
    /// </summary>
    public AdverseEvent ToClinical() => new(
        Id.ToString(),
        CtcaeTerm,
        TreatmentRelated,
        SuspectedDrugs.Select(PlanIds.ComponentOf).OfType<RegimenComponent>().Distinct().ToArray(),
        Gradings
            .GroupBy(g => g.On)
            .OrderBy(g => g.Key)
            .Select(g => g.MaxBy(x => x.RecordedAt)!)
            .Select(g => new AdverseEventGrading(g.On, g.Grade))
            .ToArray());
}
