using HccPathway.Assessment.Pathways.Imaging;
using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;

namespace HccPathway.Assessment.Pathways.CompleteResponse;

/// <summary>
/// RESP-CCR over the whole history, re-evaluated whenever a study or a marker is recorded: the first time all four
/// criteria hold, the cCR is confirmed; once confirmed, a later fact that fails one of (1)–(3) loses it.
/// </summary>
internal static class CcrTracker
{
    /// <param name="pathway">The state with the new facts already folded in.</param>
    /// <param name="causeId">The study or sample just recorded.</param>
    public static object? Track(AssessmentPathway pathway, Guid causeId, DateOnly causeOn, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (Evaluate(pathway, rules) is not { } evaluation)
        {
            return null;
        }

        if (pathway.Ccr is null && evaluation.IsClinicalCompleteResponse)
        {
            return new ClinicalCompleteResponseConfirmed(
                pathway.Id,
                evaluation.ConfirmedOn!.Value,
                evaluation.ConditionsMetSince!.Value,
                rules.CcrStabilityMonths,
                evaluation.Criteria.Select(ToContract).ToArray(),
                Evidence(pathway, rules),
                evaluation.RuleSetVersion,
                now);
        }

        var failed = evaluation.Criteria.Take(3).Where(c => c.Outcome == CriterionOutcome.Fail).ToArray();
        if (pathway.Ccr is { } held && failed.Length > 0)
        {
            return new ClinicalCompleteResponseLost(
                pathway.Id, causeOn, held.ConfirmedOn, causeId, failed.Select(ToContract).ToArray(), evaluation.RuleSetVersion, now);
        }

        return null;
    }

    /// <summary>RESP-CCR over everything recorded; null while there is no mRECIST assessment or AFP baseline to evaluate.</summary>
    public static CcrEvaluation? Evaluate(AssessmentPathway pathway, ClinicalRuleSet rules)
    {
        var mrecist = MrecistAssessments(pathway);
        if (mrecist.Count == 0 || pathway.AfpBaseline is not { } afpBaseline)
        {
            return null;
        }

        var inputs = new CcrInputs(
            mrecist,
            AfpNgPerMl.FromNanogramsPerMillilitre(afpBaseline.Value),
            pathway.DcpBaseline is { } dcp ? DcpMauPerMl.FromMilliArbitraryUnitsPerMillilitre(dcp.Value) : null,
            Values(pathway, TumourMarkers.Afp).Select(v => new Evidenced<AfpNgPerMl>(AfpNgPerMl.FromNanogramsPerMillilitre(v.Value), v.Evidence)).ToArray(),
            Values(pathway, TumourMarkers.Dcp).Select(v => new Evidenced<DcpMauPerMl>(DcpMauPerMl.FromMilliArbitraryUnitsPerMillilitre(v.Value), v.Evidence)).ToArray(),
            Scans(pathway));

        // Every value was range-checked when it was recorded; an invalid evaluation cannot decide anything.
        return ClinicalCompleteResponse.Evaluate(inputs, rules).TryGetValue(out var evaluation) ? evaluation : null;
    }

    // A study whose targets were not all read (NE, e.g. a PET-CT done for metastasis) says nothing about criterion (1).
    private static List<Evidenced<ResponseCategory>> MrecistAssessments(AssessmentPathway p) => p.Assessments
        .Where(a => !a.IsBaseline && a.Mrecist.Category is { } c && c != ResponseCategories.NotEvaluable)
        .Select(a => new Evidenced<ResponseCategory>(SeriesMapping.Parse(a.Mrecist.Category!), new EvidenceRef(a.StudyId.ToString(), a.StudyOn)))
        .ToList();

    private static IEnumerable<(decimal Value, EvidenceRef Evidence, Guid SampleId)> Values(AssessmentPathway p, string marker) =>
        p.Samples.SelectMany(s => s.Markers.Where(m => m.Marker == marker)
            .Select(m => (m.Value, new EvidenceRef(s.SampleId.ToString(), s.SampledOn), s.SampleId)));

    // RESP-CCR (3): CT and PET-CT studies are the scans for distant metastasis; any extrahepatic disease counts.
    private static Evidenced<MetastasisScan>[] Scans(AssessmentPathway p) => p.Series
        .Where(s => s.Modality is ImagingModalities.Ct or ImagingModalities.PetCt)
        .Select(s => new Evidenced<MetastasisScan>(
            new MetastasisScan(s.Modality == ImagingModalities.Ct ? MetastasisScanModality.Ct : MetastasisScanModality.PetCt, HasExtrahepaticDisease(s)),
            new EvidenceRef(s.StudyId.ToString(), s.StudyOn)))
        .ToArray();

    private static bool HasExtrahepaticDisease(ImagingStudyRecorded s) =>
        s.ExtrahepaticStatus != ExtrahepaticStatuses.None || s.NewLesions.Any(l => l.Site == LesionSites.Extrahepatic);

    /// <summary>The events a cCR, or its stability period, rests on.</summary>
    public static CcrEvidence Evidence(AssessmentPathway p, ClinicalRuleSet rules)
    {
        var ordered = p.Assessments.Where(a => !a.IsBaseline && a.Mrecist.Category is not (null or ResponseCategories.NotEvaluable)).ToArray();
        var lastNonCr = Array.FindLastIndex(ordered, a => a.Mrecist.Category != ResponseCategories.CompleteResponse);
        var markers = new List<MarkerEvidence>();
        if (p.AfpBaseline is { } afp && afp.Value > rules.AfpUpperLimitOfNormalNanogramsPerMillilitre)
        {
            markers.AddRange(Latest(p, TumourMarkers.Afp, TumourMarkers.AfpUnit));
        }

        if (p.DcpBaseline is { } dcp && dcp.Value > rules.DcpUpperLimitOfNormalMilliArbitraryUnitsPerMillilitre)
        {
            markers.AddRange(Latest(p, TumourMarkers.Dcp, TumourMarkers.DcpUnit));
        }

        return new CcrEvidence(
            ordered.Skip(lastNonCr + 1).Select(a => a.StudyId).ToArray(),
            p.Series.LastOrDefault(s => s.Modality == ImagingModalities.Ct)?.StudyId,
            p.Series.LastOrDefault(s => s.Modality == ImagingModalities.PetCt)?.StudyId,
            markers);
    }

    private static IEnumerable<MarkerEvidence> Latest(AssessmentPathway p, string marker, string unit) => Values(p, marker)
        .OrderBy(v => v.Evidence.Date)
        .TakeLast(1)
        .Select(v => new MarkerEvidence(marker, v.Value, unit, v.Evidence.Date, v.SampleId));

    public static CriterionResult ToContract(Criterion c) => new(c.RuleId, c.Name, c.Observed, c.Threshold, c.Outcome.ToString().ToLowerInvariant());
}
