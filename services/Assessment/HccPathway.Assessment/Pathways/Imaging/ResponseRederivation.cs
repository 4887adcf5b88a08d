using HccPathway.Assessment.Pathways.CompleteResponse;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.EventStore;

namespace HccPathway.Assessment.Pathways.Imaging;

/// <summary>
/// After a study is corrected or entered in error, derives again what rested on it, with the same evaluations a new
/// study gets: the response (RESP-RECIST, RESP-MRECIST, with best overall response) of every study of its series from
/// it on, their progression (RESP-PROG) and the cCR (RESP-CCR). Each derived event names the correction.
/// </summary>
internal static class ResponseRederivation
{
    public sealed record Outcome(IReadOnlyList<object> Events, Dictionary<string, string[]> Errors);

    /// <param name="before">The state the correction was decided on.</param>
    /// <param name="correction">The <see cref="ImagingStudyCorrected"/> or <see cref="ImagingStudyEnteredInError"/>.</param>
    /// <param name="position">Where the study stood in <see cref="AssessmentPathway.Studies"/> of <paramref name="before"/>.</param>
    public static Outcome Rederive(
        AssessmentPathway before, object correction, Guid studyId, int position, Guid correctionId, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        var state = AggregateFold<AssessmentPathway>.Apply(before, [correction]);
        var events = new List<object> { correction };
        var enteredInError = correction is ImagingStudyEnteredInError;
        if (enteredInError)
        {
            var withdrawn = before.Studies[position];
            if (before.Responses.ContainsKey(studyId))
            {
                events.Add(new ResponseWithdrawn(before.Id, studyId, withdrawn.StudyOn, correctionId, now));
            }

            if (before.Progressions.ContainsKey(studyId))
            {
                events.Add(new ProgressionWithdrawn(before.Id, studyId, withdrawn.StudyOn, correctionId, now));
            }
        }

        // The studies whose response depends on this one: the rest of its series. Once a study is gone, the one before
        // it is assessed again too, so that the series' latest response is again the last one derived.
        var studies = state.Studies;
        var seriesStart = LastBaselineAtOrBefore(studies, enteredInError ? position - 1 : position);
        var from = enteredInError ? Math.Max(position - 1, 0) : position;
        var to = NextBaselineAfter(studies, from);
        for (var i = from; seriesStart >= 0 && i < to; i++)
        {
            var series = studies.Skip(seriesStart).Take(i - seriesStart + 1).ToArray();
            var outcome = ResponseEvaluation.Assess(series, rules, now);
            if (outcome.Assessed is not { } assessed)
            {
                return new Outcome([], outcome.Errors);
            }

            var reassessed = assessed with { CausedBy = correctionId };
            events.Add(reassessed);
            var progression = ProgressionAnalysis.Detect(series, reassessed, rules, now);
            var held = state.Progressions.GetValueOrDefault(series[^1].StudyId);
            if (progression is not null && !SameProgression(progression, held))
            {
                events.Add(progression with { CausedBy = correctionId });
            }
            else if (progression is null && held is not null)
            {
                events.Add(new ProgressionWithdrawn(before.Id, held.StudyId, held.StudyOn, correctionId, now));
            }
        }

        state = AggregateFold<AssessmentPathway>.Apply(before, events);
        if (CcrTracker.Track(state, studyId, today, rules, now) is { } ccr)
        {
            events.Add(ccr);
        }

        return new Outcome(events, []);
    }

    // A progression unchanged by the correction is not announced again: FAIL-1 has already acted on it.
    private static bool SameProgression(ProgressionDetected now, ProgressionDetected? held) =>
        held is not null
        && held.Pattern == now.Pattern
        && held.FailureRuleId == now.FailureRuleId
        && held.Findings.IntrahepaticGrowth == now.Findings.IntrahepaticGrowth
        && held.Findings.ExtrahepaticGrowth == now.Findings.ExtrahepaticGrowth
        && held.Findings.NewIntrahepaticLesionIds.SequenceEqual(now.Findings.NewIntrahepaticLesionIds)
        && held.Findings.NewExtrahepaticLesionIds.SequenceEqual(now.Findings.NewExtrahepaticLesionIds);

    private static int LastBaselineAtOrBefore(IReadOnlyList<ImagingStudyRecorded> studies, int index)
    {
        for (var i = Math.Min(index, studies.Count - 1); i >= 0; i--)
        {
            if (studies[i].IsBaseline)
            {
                return i;
            }
        }

        return -1;
    }

    private static int NextBaselineAfter(IReadOnlyList<ImagingStudyRecorded> studies, int index)
    {
        for (var i = index + 1; i < studies.Count; i++)
        {
            if (studies[i].IsBaseline)
            {
                return i;
            }
        }

        return studies.Count;
    }
}
