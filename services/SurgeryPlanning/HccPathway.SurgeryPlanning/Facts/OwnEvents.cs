using HccPathway.Contracts.SurgeryPlanning;

namespace HccPathway.SurgeryPlanning.Facts;

/// <summary>Surgery planning's own events as the checklist keeps them, applied in the transaction that appends them.</summary>
public static class OwnEvents
{
    public static void Apply(PatientChecklist c, object e)
    {
        switch (e)
        {
            case SurgicalFeasibilityAssessed a:
                c.R0ResectionFeasible = Facts.Newest(c.R0ResectionFeasible, new Fact<bool>(a.R0ResectionFeasible, a.AssessedOn, a.AssessmentId, a.RecordedAt));
                c.OtherContraindication = Facts.Newest(c.OtherContraindication, new Fact<bool>(a.OtherContraindication, a.AssessedOn, a.AssessmentId, a.RecordedAt));
                break;
            case MdtDecisionRecorded d:
                c.MdtDecisions.Add(new MdtFact(d.DecisionId, d.Outcome, d.DecidedOn, d.IntendedSurgeryOn, d.RecordedAt));
                break;
            case ResectionScheduled s:
                c.Resection = new ResectionFact(s, null, null, []);
                break;
            case ResectionRescheduled m when c.Resection is { } r:
                c.Resection = r with { Scheduled = r.Scheduled with { ScheduledOn = m.ScheduledOn } };
                break;
            case ResectionCancelled:
                c.Resection = null;
                break;
            case ResectionPerformed p when c.Resection is { } r:
                c.Resection = r with { Performed = p };
                break;
            case RecurrenceRiskEvaluated risk when c.Resection is { } r:
                c.Resection = r with { RecurrenceRiskLevel = risk.Level, RecurrenceRiskFactors = risk.Factors };
                break;
            case AdjuvantTherapyDecided:
                c.AdjuvantDecided = true;
                break;
            case ReadinessEvidenceWentStale stale when !c.StaleEvidenceIds.Contains(stale.EvidenceEventId):
                c.StaleEvidenceIds.Add(stale.EvidenceEventId);
                break;
        }
    }
}
