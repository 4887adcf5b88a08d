using System.Collections.Immutable;
using HccPathway.Audit.Events;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;

namespace HccPathway.Audit.Replay;

/// <summary>
/// Folds a pathway's events, of every owner, into what was known after them. Pure: the caller chooses which events
/// (those recorded up to an instant, or up to a version). Event types that carry nothing the auditor's view needs are
/// passed over; types this build does not know are listed in <see cref="PathwayAsOf.NotFolded"/>.
/// </summary>
public static class PathwayFold
{
    public static PathwayAsOf Fold(Guid pathwayId, IEnumerable<FoldedEvent> events) =>
        events.OrderBy(e => e.Version).Aggregate(PathwayAsOf.Empty(pathwayId), Apply);

    public static PathwayAsOf Apply(PathwayAsOf state, FoldedEvent e)
    {
        var next = state with { Version = e.Version, KnownUpTo = e.Timestamp };
        return e.Data switch
        {
            null => next with { NotFolded = next.NotFolded.Add(new NotFoldedEvent(e.Version, e.Name)) },
            PatientRegistered => next with { Phase = PathwayPhases.Registered },

            // A new baseline makes the earlier eligibility decision stale, as intake treats it.
            BaselineAssessed => next with { Phase = PathwayPhases.BaselineRecorded, Eligibility = null },
            // Derived again after a baseline correction, it leaves an enrolled or declined pathway where it is.
            EligibilityDecided d => next with
            {
                Phase = !PathwayPhases.IsIntake(next.Phase) ? next.Phase : d.Eligible ? PathwayPhases.Eligible : PathwayPhases.Ineligible,
                Eligibility = new EligibilityAsOf(d.Eligible, d.MatchedRules, d.RuleSetVersion, e.Version),
            },
            PatientEnrolled => next with { Phase = PathwayPhases.Enrolled },
            EnrolmentDeclined => next with { Phase = PathwayPhases.Declined },
            PathwayExited x => next with
            {
                Phase = PathwayPhases.Exited,
                Exit = new ExitAsOf(x.Reason.ToString(), x.ExitedOn, x.Detail, x.RecordedBy, e.Version),
            },

            RegimenPlanned p => next with
            {
                Phase = PathwayPhases.ConversionTherapy,
                Regimen = new RegimenAsOf(
                    p.StartOn, p.LenvatinibDailyDoseMg, p.CamrelizumabDoseMg, p.RuleSetVersion,
                    null, null, null, 0, null, 0, null, [], ImmutableSortedDictionary<string, TherapyItemAsOf>.Empty),
            },
            TherapyItemPlanned or TherapyItemRescheduled or TherapyItemCancelled or TherapyItemMissed or TherapyItemSkipped or TherapyItemOverdue or SurveillanceFellDue
                or LenvatinibStarted
                or LenvatinibStopped or LenvatinibDoseChanged or TacePerformed or CamrelizumabAdministered or ResponseImagingPerformed or MdtReviewHeld or TreatmentHeld
                or TreatmentResumable or TreatmentResumed or TherapyItemRedosed or TreatmentHoldReleased => next with { Regimen = RegimenFold.Apply(next.Regimen, e.Data) },
            WashoutPlanned w => next with
            {
                Phase = PathwayPhases.Washout,
                Washout = new WashoutAsOf(w.IntendedSurgeryOn, w.EarliestSafeSurgeryOn, w.IntendedDateIsSafe, w.OutstandingPrerequisites, e.Version),
            },
            AdjuvantTherapyDecided a => next with
            {
                Phase = PathwayPhases.AdjuvantTherapy,
                Adjuvant = new AdjuvantAsOf(a.StartOn, a.DurationMonths, a.Drugs, false, e.Version),
            },
            AdjuvantTherapyPlanned a => next with
            {
                Phase = PathwayPhases.AdjuvantTherapy,
                Adjuvant = new AdjuvantAsOf(a.StartOn, a.DurationMonths, a.Drugs, true, e.Version),
            },

            AdverseEventReported r => next with
            {
                OpenAdverseEvents = next.OpenAdverseEvents.RemoveAll(a => a.AdverseEventId == r.AdverseEventId)
                    .Add(new OpenAdverseEvent(r.AdverseEventId, r.CtcaeTerm, r.Grade, r.TreatmentRelated, r.OnsetOn)),
            },
            AdverseEventGradeChanged g => next with
            {
                OpenAdverseEvents = next.OpenAdverseEvents
                    .Select(a => a.AdverseEventId == g.AdverseEventId ? a with { Grade = g.Grade } : a).ToImmutableList(),
            },
            AdverseEventResolved r => next with
            {
                OpenAdverseEvents = next.OpenAdverseEvents.RemoveAll(a => a.AdverseEventId == r.AdverseEventId),
            },
            ResponseAssessed { IsBaseline: false } r when CorrectionFold.IsLatest(next.LatestResponse, r) => next with
            {
                LatestResponse = new ResponseAsOf(
                    r.StudyId, r.StudyOn, r.Recist.Category, r.Mrecist.Category,
                    r.Recist.BestOverallResponse, r.Mrecist.BestOverallResponse, r.RuleSetVersion, e.Version),
            },
            ProgressionDetected p => next with
            {
                Phase = next.Phase is PathwayPhases.ConversionTherapy or PathwayPhases.WatchAndWait
                    ? PathwayPhases.ConversionFailure
                    : next.Phase,
                LatestProgression = new ProgressionAsOf(p.StudyId, p.StudyOn, p.Pattern, p.FailureRuleId, e.Version),
            },
            ClinicalCompleteResponseConfirmed c => next with
            {
                ClinicalCompleteResponse = new CompleteResponseAsOf(c.ConfirmedOn, null, e.Version),
            },
            ClinicalCompleteResponseLost l => next with
            {
                ClinicalCompleteResponse = new CompleteResponseAsOf(l.PreviouslyConfirmedOn, l.LostOn, e.Version),
            },
            CcrStabilityPeriodReached r => next with
            {
                CcrStabilityReached = new CcrStabilityAsOf(r.ConditionsMetSince, r.StabilityMonths, r.ReachedOn, e.Version),
            },
            SurgicalReadinessEvaluated r => next with
            {
                Readiness = new ReadinessAsOf(
                    r.Verdict, r.EvaluatedOn, r.Criteria.Select(c => new ReadinessCriterionAsOf(c.Key, c.RuleId, c.Status, c.Observed)).ToList(),
                    r.RuleSetVersion, e.Version),
            },
            ReadinessEvidenceWentStale s => next with
            {
                StaleEvidence = next.StaleEvidence.Add(new StaleEvidenceAsOf(s.EvidenceEventId, s.RecordedOn, s.StaleOn, s.CriteriaKeys, e.Version)),
            },
            ResectionScheduled r => next with
            {
                Phase = PathwayPhases.ResectionScheduled,
                Resection = new ResectionAsOf(
                    r.ResectionId, r.ScheduledOn, r.ReadinessVerdict, r.Override, null, null, null, null, null, e.Version),
            },
            // The resection moved: the verdict and override recorded are those for the new date.
            ResectionRescheduled r when next.Resection?.ResectionId == r.ResectionId => next with
            {
                Resection = next.Resection with
                {
                    ScheduledOn = r.ScheduledOn, ReadinessVerdictWhenScheduled = r.ReadinessVerdict, Override = r.Override, Version = e.Version,
                },
            },

            // A cancelled resection leaves the pathway where it stood before the booking: a new one may be scheduled.
            ResectionCancelled c when next.Resection?.ResectionId == c.ResectionId => next with
            {
                Phase = next.Washout is null ? PathwayPhases.SurgeryPlanned : PathwayPhases.Washout,
                Resection = next.Resection with { CancelledBecause = c.Reason, Version = e.Version },
            },
            ResectionPerformed r => next with
            {
                Phase = PathwayPhases.Resected,
                Resection = (next.Resection is { } scheduled && scheduled.ResectionId == r.ResectionId
                        ? scheduled
                        : new ResectionAsOf(r.ResectionId, null, null, false, null, null, null, null, null, e.Version)) with
                {
                    PerformedOn = r.PerformedOn,
                    Margin = r.Margin,
                    PathologicalCompleteResponse = r.Pathology.PathologicalCompleteResponse,
                    MajorPathologicalResponse = r.Pathology.MajorPathologicalResponse,
                    Version = e.Version,
                },
            },
            RecurrenceRiskEvaluated r when next.Resection?.ResectionId == r.ResectionId => next with
            {
                Resection = next.Resection with { RecurrenceRisk = r.Level, Version = e.Version },
            },
            MdtDecisionRecorded m => next with
            {
                Phase = PhaseAfter(m.Outcome) ?? next.Phase,
                LatestMdtDecision = new MdtDecisionAsOf(
                    m.DecisionId, m.Outcome, m.DecidedOn, m.IntendedSurgeryOn, m.SuggestedRuleId, m.DecidedBy, e.Version),
            },

            ResponseWithdrawn or ProgressionWithdrawn or AdverseEventCorrected or AdverseEventEnteredInError or BaselineCorrected
                or BaselineEnteredInError => CorrectionFold.Apply(next, e.Data),

            // Known, and recorded in the history, but nothing in this view depends on them.
            _ => next,
        };
    }

    private static string? PhaseAfter(string outcome) => outcome switch
    {
        MdtOutcomes.Resect => PathwayPhases.SurgeryPlanned,
        MdtOutcomes.WatchAndWait => PathwayPhases.WatchAndWait,
        MdtOutcomes.ContinueConversion => PathwayPhases.ConversionTherapy,
        MdtOutcomes.SecondLine => PathwayPhases.SecondLine,
        _ => null,
    };
}
