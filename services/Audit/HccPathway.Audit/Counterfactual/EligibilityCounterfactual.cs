using HccPathway.Clinical.Eligibility;
using HccPathway.Clinical.Mapping;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using JasperFx.Events;
using Marten;

namespace HccPathway.Audit.Counterfactual;

/// <summary>A criterion whose outcome another rule set would change.</summary>
public sealed record CriterionFlip(
    string RuleId, string Criterion, string RecordedOutcome, string ReplayedOutcome, string ReplayedObserved, string ReplayedThreshold);

/// <summary>A pathway whose eligibility another rule set would change: the recorded decision, the replayed one, and why.</summary>
public sealed record EligibilityChange(
    Guid PathwayId,
    string RecordedRuleSetVersion,
    bool RecordedEligible,
    IReadOnlyList<string> RecordedRules,
    bool ReplayedEligible,
    IReadOnlyList<string> ReplayedRules,
    IReadOnlyList<CriterionFlip> FlippedCriteria);

/// <param name="PathwaysReplayed">Pathways with an eligibility decision that were decided again.</param>
/// <param name="NotReplayed">Pathways the other rule set refuses to evaluate (their baseline fails its input checks), with the reason.</param>
public sealed record EligibilityCounterfactualReport(
    int PathwaysReplayed, IReadOnlyList<EligibilityChange> Changes, IReadOnlyDictionary<Guid, string> NotReplayed);

/// <summary>
/// Decides again, under another rule set, the latest eligibility decision of every pathway of the session's hospital,
/// from the baseline that decision was made on (ELIG-1/2/3/X), with the same clinical library the intake service uses.
/// Pure reading: nothing is appended.
/// </summary>
public static class EligibilityCounterfactual
{
    private static readonly string[] Names =
        [.. EventCatalog.All.Where(c => c.Type == typeof(BaselineAssessed) || c.Type == typeof(EligibilityDecided)).Select(c => c.Name)];

    public static async Task<EligibilityCounterfactualReport> Run(IQuerySession session, ClinicalRuleSet rules, CancellationToken ct)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypeName.IsOneOf(Names))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);

        var changes = new List<EligibilityChange>();
        var notReplayed = new Dictionary<Guid, string>();
        var replayed = 0;
        foreach (var pathway in events.GroupBy(e => e.StreamId))
        {
            if (pathway.LastOrDefault(e => e.Data is EligibilityDecided) is not { Data: EligibilityDecided recorded }
                || pathway.FirstOrDefault(e => e.Version == recorded.BaselineStreamVersion) is not { Data: BaselineAssessed baseline })
            {
                continue;
            }

            var evaluation = BaselineEvaluator.Evaluate(
                BaselineMapping.ToClinical(baseline.AssessedOn, baseline.Measurements, $"v{recorded.BaselineStreamVersion}"), rules);
            if (!evaluation.TryGetValue(out var result))
            {
                notReplayed[pathway.Key] = string.Join("; ", evaluation.Errors.Select(e => $"{e.Field}: {e.Message}"));
                continue;
            }

            replayed++;
            if (Compare(pathway.Key, recorded, result.Eligibility) is { } change)
            {
                changes.Add(change);
            }
        }

        return new EligibilityCounterfactualReport(replayed, changes, notReplayed);
    }

    private static EligibilityChange? Compare(Guid pathwayId, EligibilityDecided recorded, EligibilityDecision replayed)
    {
        var replayedRules = replayed.MatchedGroups.Select(g => g.RuleId()).ToArray();
        var recordedOutcomes = recorded.Criteria.ToDictionary(c => (c.RuleId, c.Criterion), c => c.Outcome);
        var flips = replayed.Criteria.Select(BaselineMapping.ToContract)
            .Where(c => recordedOutcomes.TryGetValue((c.RuleId, c.Criterion), out var was) && was != c.Outcome)
            .Select(c => new CriterionFlip(c.RuleId, c.Criterion, recordedOutcomes[(c.RuleId, c.Criterion)], c.Outcome, c.Observed, c.Threshold))
            .ToArray();
        var same = recorded.Eligible == replayed.Eligible && recorded.MatchedRules.Order().SequenceEqual(replayedRules.Order());
        return same
            ? null
            : new EligibilityChange(pathwayId, recorded.RuleSetVersion, recorded.Eligible, recorded.MatchedRules, replayed.Eligible, replayedRules, flips);
    }
}
