using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.SurgeryPlanning.Facts;

namespace HccPathway.SurgeryPlanning.Readiness;

/// <summary>
/// Re-evaluates a checklist and decides whether the pathway learns about it: SurgicalReadinessEvaluated is appended
/// only when the verdict or a criterion (status, value, evidence or what is missing) changed.
/// </summary>
public static class ReadinessChanges
{
    public static SurgicalReadinessEvaluated? Reevaluate(
        PatientChecklist c, ReadinessSnapshot snapshot, Guid? triggeredBy, DateTimeOffset now)
    {
        var changed = ChangedKeys(c.Criteria, snapshot.Criteria);
        if (changed.Count == 0 && c.Verdict == snapshot.Verdict)
        {
            return null;
        }

        var previousVerdict = c.Verdict;
        foreach (var criterion in snapshot.Criteria)
        {
            var before = c.Criteria.FirstOrDefault(x => x.Key == criterion.Key);
            if (before is null || before.Status != criterion.Status)
            {
                c.CriterionSince[criterion.Key] = snapshot.EvaluatedOn;
            }
        }

        if (previousVerdict != snapshot.Verdict)
        {
            c.VerdictSince = snapshot.EvaluatedOn;
        }

        c.Verdict = snapshot.Verdict;
        c.Criteria = [.. snapshot.Criteria];
        c.LastEvaluatedOn = snapshot.EvaluatedOn;
        c.ReadinessChangedAt = now;
        return new SurgicalReadinessEvaluated(
            c.Id, snapshot.Verdict, snapshot.EvaluatedOn, snapshot.Criteria, changed, previousVerdict, triggeredBy, snapshot.RuleSetVersion, now);
    }

    public static IReadOnlyList<string> ChangedKeys(IReadOnlyList<ReadinessCriterionResult> before, IReadOnlyList<ReadinessCriterionResult> after) =>
        after.Where(a => before.FirstOrDefault(b => b.Key == a.Key) is not { } b || !Same(a, b)).Select(a => a.Key).ToArray();

    // A new value always comes with new evidence, so the wording of the observation (which also changes when, say, an
    // AE's term arrives after its resolution) is not compared.
    private static bool Same(ReadinessCriterionResult a, ReadinessCriterionResult b) =>
        a.Status == b.Status && a.Missing == b.Missing && a.Evidence.SequenceEqual(b.Evidence);
}
