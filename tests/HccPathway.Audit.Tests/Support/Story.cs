using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;

namespace HccPathway.Audit.Tests.Support;

/// <summary>
/// The events of one conversion pathway, as the four services would record them: register, baseline, ELIG-2,
/// enrol, LEN-TAP planned, lenvatinib started, TACE late (camrelizumab cascades), a grade 3 AE holds camrelizumab,
/// resolves, resumes, PR under mRECIST and SD under RECIST, readiness all pass, MDT resect, washout, resection R0 with
/// pCR, adjuvant therapy.
/// </summary>
public sealed class Story(Guid pathwayId)
{
    public static readonly DateOnly Day0 = new(2026, 1, 5);
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    public const string RuleSet = "2026.1";

    public Guid PathwayId => pathwayId;

    public Guid AdverseEventId { get; } = Guid.NewGuid();

    public Guid HoldId { get; } = Guid.NewGuid();

    public Guid BaselineStudyId { get; } = Guid.NewGuid();

    public Guid FollowUpStudyId { get; } = Guid.NewGuid();

    public Guid MdtDecisionId { get; } = Guid.NewGuid();

    public PatientRegistered Registered() => new(
        pathwayId, new PatientIdentity("MRN-4242", "Grace Example", new DateOnly(1961, 7, 2)), "female", Day0.AddDays(-20), "City Hospital", At);

    public BaselineAssessed Baseline() => new(
        pathwayId, Day0.AddDays(-14),
        new BaselineMeasurements(
            64, 72m, 170m, 0, 15m, 42m, 1.0m, 1200m, 900m, 40m, 35m, "none", 0, 6m, 650m, false, false, false, 1, [80m], "III",
            false, false, false, 0, null, false, false, new SurgeonResectability(true, false, false, false)),
        new BaselineScores(5, "A", -3.1, 1, 8.06, 3, "medium", "IIIa", 1.84, 1537.3, 0.42),
        RuleSet, At);

    public EligibilityDecided Eligible() => new(
        pathwayId, true, ["ELIG-2"], [new CriterionResult("ELIG-2", "PVTT Cheng type", "III", "III-IV", "pass")], 2, RuleSet, At);

    public PatientEnrolled Enrolled() => new(pathwayId, ["ELIG-2"], 72m, Day0.AddDays(-1), "dr-house", "MDT: convert first.", At);

    public IEnumerable<object> RegimenPlanned()
    {
        yield return new RegimenPlanned(pathwayId, Guid.NewGuid(), Day0.AddDays(-1), 72m, Day0, 12m, 200m,
            ["LEN-1", "TACE-1", "CAM-1", "CAM-2"], RuleSet, At);
        yield return Item("LEN-1", TherapyItemTypes.LenvatinibStart, Drugs.Lenvatinib, 1, Day0, 12m, null, null, "SCHED-LEN");
        yield return Item("TACE-1", TherapyItemTypes.Tace, Drugs.Tace, 1, Day0.AddDays(14), null, "LEN-1", 14, "SCHED-TACE");
        yield return Item("CAM-1", TherapyItemTypes.Camrelizumab, Drugs.Camrelizumab, 1, Day0.AddDays(28), 200m, "TACE-1", 14, "SCHED-CAM");
        yield return Item("CAM-2", TherapyItemTypes.Camrelizumab, Drugs.Camrelizumab, 2, Day0.AddDays(49), 200m, "CAM-1", 21, "SCHED-CAM");
    }

    public LenvatinibStarted LenvatinibStarted() =>
        new(pathwayId, "LEN-1", Day0, Day0, 12m, 12m, null, "coordinator-1", At);

    /// <summary>TACE three days late; both camrelizumab doses cascade (SCHED-CAM).</summary>
    public IEnumerable<object> TaceLate()
    {
        yield return new TacePerformed(pathwayId, "TACE-1", 1, Day0.AddDays(17), Day0.AddDays(14), "coordinator-1", At);
        yield return new TherapyItemRescheduled(pathwayId, "CAM-1", TherapyItemTypes.Camrelizumab, Drugs.Camrelizumab,
            Day0.AddDays(28), Day0.AddDays(31), RescheduleCauses.Cascade, "TACE-1", null, "SCHED-CAM", RuleSet, "scheduling-cascade", At);
        yield return new TherapyItemRescheduled(pathwayId, "CAM-2", TherapyItemTypes.Camrelizumab, Drugs.Camrelizumab,
            Day0.AddDays(49), Day0.AddDays(52), RescheduleCauses.Cascade, "TACE-1", null, "SCHED-CAM", RuleSet, "scheduling-cascade", At);
    }

    public CamrelizumabAdministered FirstCamrelizumab() =>
        new(pathwayId, "CAM-1", 1, Day0.AddDays(31), Day0.AddDays(31), 200m, 200m, null, "coordinator-1", At);

    public AdverseEventReported Grade3Hepatitis() =>
        new(pathwayId, AdverseEventId, "Hepatitis", 3, Day0.AddDays(40), true, [Drugs.Camrelizumab], At);

    public TreatmentHeld CamrelizumabHeld() =>
        new(pathwayId, HoldId, Drugs.Camrelizumab, Day0.AddDays(40), AdverseEventId, "Hepatitis", 3, "SCHED-HOLD", RuleSet, At);

    public IEnumerable<object> Resolved()
    {
        yield return new AdverseEventResolved(pathwayId, AdverseEventId, 1, Day0.AddDays(50), At);
        yield return new TreatmentResumable(pathwayId, HoldId, Drugs.Camrelizumab, AdverseEventId, 1, Day0.AddDays(50), "SCHED-HOLD", RuleSet, At);
    }

    public TreatmentResumed Resumed() => new(pathwayId, Drugs.Camrelizumab, Day0.AddDays(52), [HoldId], "AE grade 1", "dr-house", At);

    public ResponseAssessed BaselineResponse() => new(
        pathwayId, BaselineStudyId, Day0.AddDays(-7), ImagingModalities.Mri, true, BaselineStudyId, Day0.AddDays(-7),
        Criteria(ResponseCriteriaNames.Recist11, "RESP-RECIST", null, 80m), Criteria(ResponseCriteriaNames.Mrecist, "RESP-MRECIST", null, 80m),
        [], ExtrahepaticStatuses.None, RuleSet, At);

    /// <summary>PR under mRECIST (viable 80 → 40 mm) and SD under RECIST (80 → 70 mm).</summary>
    public ResponseAssessed FollowUpResponse() => new(
        pathwayId, FollowUpStudyId, Day0.AddDays(60), ImagingModalities.Mri, false, BaselineStudyId, Day0.AddDays(-7),
        Criteria(ResponseCriteriaNames.Recist11, "RESP-RECIST", "SD", 70m), Criteria(ResponseCriteriaNames.Mrecist, "RESP-MRECIST", "PR", 40m),
        [], ExtrahepaticStatuses.None, RuleSet, At);

    public TumourMarkersRecorded Markers() => new(
        pathwayId, Guid.NewGuid(), Day0.AddDays(60),
        [new TumourMarkerValue(TumourMarkers.Afp, 35m, TumourMarkers.AfpUnit, 35m, "ng/mL", 20m, 1200m, Day0.AddDays(-14), true, MarkerNormalisation.StillAbnormal)],
        new AfpResponseSummary(AfpResponseStatuses.Responder, 97.08m, 80m, 1200m, Day0.AddDays(-14)), RuleSet, "coordinator-1", At);

    public MdtDecisionRecorded Resect() => new(
        pathwayId, MdtDecisionId, MdtOutcomes.Resect, "PR under mRECIST; readiness met.", ["dr-house", "dr-grey"], Day0.AddDays(150),
        Day0.AddDays(180), "SURG-READY", true, "dr-house", At);

    public WashoutPlanned Washout() => new(
        pathwayId, MdtDecisionId, Day0.AddDays(180), Day0.AddDays(150),
        [new WashoutStop(DrugClasses.SmallMoleculeTki, Drugs.Lenvatinib, Day0.AddDays(150), Day0.AddDays(173), 7, Day0.AddDays(180), "label")],
        Day0.AddDays(180), true, true, ["exclude immune hepatitis"], RuleSet, At);

    public Guid ResectionId { get; } = Guid.NewGuid();

    /// <summary>SURG-READY: all six criteria pass (PR under mRECIST is criterion 1).</summary>
    public SurgicalReadinessEvaluated Ready() => new(
        pathwayId, ReadinessVerdicts.Ready, Day0.AddDays(140),
        ReadinessCriteria.All.Select(key => new ReadinessCriterionResult(
            key, "SURG-READY", key, CriterionStatuses.Pass, key == ReadinessCriteria.Response ? "mRECIST PR" : "met", null, null, "", [], null)).ToList(),
        [.. ReadinessCriteria.All], ReadinessVerdicts.Blocked, FollowUpStudyId, RuleSet, At);

    public ResectionScheduled ResectionScheduled() => new(
        pathwayId, ResectionId, MdtDecisionId, Day0.AddDays(180), "right hepatectomy", ReadinessVerdicts.Ready, [],
        new WashoutEvaluation(Day0.AddDays(150), [], Day0.AddDays(180), true, Guid.NewGuid(), []), false, null, RuleSet, "dr-house", At);

    /// <summary>R0 with pathological complete response (SURG-PATH).</summary>
    public ResectionPerformed ResectionPerformed() => new(
        pathwayId, ResectionId, Day0.AddDays(180), "right hepatectomy", ResectionMargins.R0, 15m,
        new ResectionPathology(0m, true, true, null, false, false, 1, 0m, false), [], RuleSet, "dr-house", At);

    public AdjuvantTherapyDecided AdjuvantDecided() => new(
        pathwayId, Day0.AddDays(180), Day0.AddDays(210), 6, [Drugs.Lenvatinib, Drugs.Camrelizumab], "SURG-ADJ default", RuleSet, "dr-house", At);

    /// <summary>Every step of the story in the order the services record them, one append each.</summary>
    public IEnumerable<(string User, object[] Events)> Steps()
    {
        yield return ("coordinator-1", [Registered()]);
        yield return ("coordinator-1", [Baseline()]);
        yield return ("coordinator-1", [Eligible()]);
        yield return ("dr-house", [Enrolled()]);
        yield return ("scheduling-enrolment-consumer", [.. RegimenPlanned()]);
        yield return ("assessment-enrolment-consumer", [new ResponseAssessmentStarted(pathwayId, Day0.AddDays(-1), Guid.NewGuid(), null, At)]);
        yield return ("radiologist-1", [BaselineResponse()]);
        yield return ("coordinator-1", [LenvatinibStarted()]);
        yield return ("coordinator-1", [.. TaceLate()]);
        yield return ("coordinator-1", [FirstCamrelizumab()]);
        yield return ("dr-house", [Grade3Hepatitis()]);
        yield return ("scheduling-adverse-event-consumer", [CamrelizumabHeld()]);
        yield return ("dr-house", [.. Resolved()]);
        yield return ("dr-house", [Resumed()]);
        yield return ("radiologist-1", [FollowUpResponse()]);
        yield return ("coordinator-1", [Markers()]);
        yield return ("surgery-planning-readiness-consumer", [Ready()]);
        yield return ("dr-house", [Resect()]);
        yield return ("scheduling-mdt-consumer", [Washout()]);
        yield return ("dr-house", [ResectionScheduled()]);
        yield return ("dr-house", [ResectionPerformed()]);
        yield return ("dr-house", [AdjuvantDecided()]);
    }

    private TherapyItemPlanned Item(
        string id, string type, string drug, int sequence, DateOnly due, decimal? dose, string? follows, int? daysAfter, string rule) =>
        new(pathwayId, id, type, drug, TherapyPhases.Conversion, sequence, due, dose, drug == Drugs.Lenvatinib ? "oral" : drug == Drugs.Tace ? "intra-arterial" : "intravenous",
            follows, daysAfter, rule, RuleSet, At);

    private static CriteriaResponse Criteria(string criteria, string rule, string? category, decimal sum) => new(
        criteria, rule, category, sum, 80m, category is null ? null : 80m,
        category is null ? null : Math.Round((sum - 80m) / 80m * 100m, 2), category is null ? null : Math.Round((sum - 80m) / 80m * 100m, 2),
        category is null ? "baseline" : $"{category}: sum {sum} mm from 80 mm", category);
}
