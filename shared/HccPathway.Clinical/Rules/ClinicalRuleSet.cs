using HccPathway.Clinical.Scores;

namespace HccPathway.Clinical.Rules;

/// <summary>
/// Every configurable threshold of the pathway, with the defaults of docs/clinical-rules.md.
/// Immutable; properties are <c>init</c> so Microsoft.Extensions.Configuration can bind a section onto it.
/// Each decision carries <see cref="Version"/>, so a result can always be traced to the rules that produced it.
/// Fixed published definitions (RECIST percentages, CNLC size limits, ALBI grade limits) are constants in their
/// rule classes, not settings: changing them would no longer be RECIST, CNLC or ALBI.
/// </summary>
public sealed record ClinicalRuleSet
{
    /// <summary>The rule set defined by the specification's defaults.</summary>
    public static ClinicalRuleSet Default { get; } = new();

    /// <summary>Recorded on every decision. Change it whenever any value below changes.</summary>
    public string Version { get; init; } = "2026.2";

    // ---- Scores -------------------------------------------------------------------------------------------------

    /// <summary>
    /// SCORE-CP: albumin below this scores 3 points. Published tables disagree (28 vs 30 g/L); default 28.
    /// </summary>
    public decimal ChildPughAlbuminLowerBoundaryGramsPerLitre { get; init; } = 28m;

    /// <summary>SCORE-TAA: TBS at or above this scores 2 points. UNVERIFIED (the paper's full text was not available).</summary>
    public decimal TaaTumourBurdenHighCutoff { get; init; } = 3.36m;

    /// <summary>SCORE-TAA: AFP at or above this (ng/mL) scores 1 point. UNVERIFIED.</summary>
    public decimal TaaAfpHighCutoffNanogramsPerMillilitre { get; init; } = 400m;

    /// <summary>SCORE-TAA: stays false until someone checks both cut-offs against Qiu et al. 2023; results repeat it.</summary>
    public bool TaaCutoffsVerified { get; init; }

    /// <summary>SCORE-SLV: Vauthey by default, Urata as the alternative.</summary>
    public StandardLiverVolumeFormula StandardLiverVolumeFormula { get; init; } = StandardLiverVolumeFormula.Vauthey;

    /// <summary>SCORE-AFPR: a decrease of at least this percentage from baseline is an AFP response (review [108]).</summary>
    public decimal AfpResponseMinimumDecreasePercent { get; init; } = 80m;

    /// <summary>SCORE-AFPR, RESP-CCR, SURG-RISK: AFP upper limit of normal (ng/mL). Laboratory-specific.</summary>
    public decimal AfpUpperLimitOfNormalNanogramsPerMillilitre { get; init; } = 20m;

    /// <summary>RESP-CCR, SURG-RISK: DCP / PIVKA-II upper limit of normal (mAU/mL). Laboratory-specific.</summary>
    public decimal DcpUpperLimitOfNormalMilliArbitraryUnitsPerMillilitre { get; init; } = 40m;

    // ---- Eligibility --------------------------------------------------------------------------------------------

    /// <summary>ELIG-1 (FLR route): age must be below this.</summary>
    public int Elig1AgeBelowYears { get; init; } = 65;

    /// <summary>ELIG-1 (FLR route): ICG-R15 must be below this percentage.</summary>
    public decimal Elig1IcgR15BelowPercent { get; init; } = 10m;

    /// <summary>ELIG-1 (FLR route): FLR/SLV below this percentage counts as insufficient (normal liver).</summary>
    public decimal Elig1InsufficientFlrBelowPercent { get; init; } = 40m;

    /// <summary>ELIG-1 (FLR route): "good general condition" is read as ECOG at or below this.</summary>
    public int Elig1GoodConditionMaximumEcog { get; init; } = 1;

    /// <summary>ELIG-3: at most this many pulmonary metastases count as oligometastasis.</summary>
    public int Elig3MaximumPulmonaryNodules { get; init; } = 5;

    /// <summary>ELIG-3: the largest pulmonary metastasis must be below this diameter (mm).</summary>
    public decimal Elig3PulmonaryNoduleDiameterBelowMillimetres { get; init; } = 30m;

    // ---- LEN-TAP schedule ---------------------------------------------------------------------------------------

    /// <summary>SCHED-LEN: body weight at or above this (kg) gets the higher dose.</summary>
    public decimal LenvatinibWeightThresholdKilograms { get; init; } = 60m;

    /// <summary>SCHED-LEN: daily dose when weight ≥ threshold.</summary>
    public decimal LenvatinibDoseAtOrAboveThresholdMilligrams { get; init; } = 12m;

    /// <summary>SCHED-LEN: daily dose when weight &lt; threshold.</summary>
    public decimal LenvatinibDoseBelowThresholdMilligrams { get; init; } = 8m;

    /// <summary>SCHED-TACE: TACE this many days after lenvatinib starts.</summary>
    public int TaceDaysAfterLenvatinibStart { get; init; } = 14;

    /// <summary>SCHED-CAM: camrelizumab dose (mg, IV).</summary>
    public decimal CamrelizumabDoseMilligrams { get; init; } = 200m;

    /// <summary>SCHED-CAM: first camrelizumab dose this many days after the actual TACE.</summary>
    public int CamrelizumabFirstDoseDaysAfterTace { get; init; } = 14;

    /// <summary>SCHED-CAM: days between camrelizumab doses (every 3 weeks).</summary>
    public int CamrelizumabIntervalDays { get; init; } = 21;

    /// <summary>
    /// SCHED-CYCLES: how many camrelizumab doses the plan keeps laid out ahead. Not a course length: camrelizumab
    /// continues until a decision stops it, and each dose given, skipped or cancelled plans one more (a rolling horizon).
    /// </summary>
    public int CamrelizumabPlannedDoses { get; init; } = 6;

    /// <summary>
    /// SCHED-TACE-REPEAT: least number of days between two TACE sessions. The review repeats TACE on demand ("the last
    /// round of TACE") but gives no interval: 28 days (4 weeks) is a conservative local-policy default.
    /// </summary>
    public int TaceRepeatMinimumIntervalDays { get; init; } = 28;

    /// <summary>SCHED-*: days after the planned date an item is still "due" before it becomes "overdue".</summary>
    public int ScheduleOverdueGraceDays { get; init; } = 3;

    /// <summary>SCHED-HOLD: a treatment-related AE of at least this CTCAE grade holds the suspected drug.</summary>
    public int HoldMinimumCtcaeGrade { get; init; } = 3;

    /// <summary>SCHED-HOLD: the hold ends when the AE is back to this grade or lower.</summary>
    public int HoldResolutionMaximumGrade { get; init; } = 1;

    /// <summary>SCHED-HOLD: lenvatinib dose levels, highest first (local policy; label steps 12 → 8 → 4 mg).</summary>
    public IReadOnlyList<decimal> LenvatinibDoseLevelsMilligrams { get; init; } = [12m, 8m, 4m];

    /// <summary>SCHED-FU: after conversion failure, imaging no sooner than this many weeks after the last study.</summary>
    public int FollowUpImagingMinimumWeeks { get; init; } = 4;

    /// <summary>SCHED-FU: and no later than this many weeks.</summary>
    public int FollowUpImagingMaximumWeeks { get; init; } = 6;

    /// <summary>
    /// SCHED-IMG: response imaging during conversion, every this many weeks from the regimen start. The review asks for
    /// close follow-up ("shorten to 4–6 weeks if possible"); 6 weeks by default, 4–8 accepted.
    /// </summary>
    public int ResponseImagingIntervalWeeks { get; init; } = 6;

    /// <summary>SCHED-SURV: surveillance (imaging and tumour markers) every this many months at first (local policy).</summary>
    public int SurveillanceEarlyIntervalMonths { get; init; } = 3;

    /// <summary>SCHED-SURV: the first phase lasts this many years from its start (local policy).</summary>
    public int SurveillanceEarlyPhaseYears { get; init; } = 2;

    /// <summary>SCHED-SURV: afterwards, surveillance every this many months (local policy).</summary>
    public int SurveillanceLateIntervalMonths { get; init; } = 6;

    /// <summary>
    /// SCHED-LAB: blood count, liver and thyroid function are drawn this many days before each camrelizumab dose and each
    /// TACE session, so the result is back when the dose is decided (local policy).
    /// </summary>
    public int PreDoseLabsDaysBefore { get; init; } = 2;

    /// <summary>SCHED-MDT: the MDT reviews each response assessment within this many days of the study (local policy).</summary>
    public int MdtReviewDaysAfterAssessment { get; init; } = 7;

    // ---- Response -----------------------------------------------------------------------------------------------

    /// <summary>RESP-AE: an AE at or below this grade counts as resolved ("grade ≤1 or normal").</summary>
    public int AdverseEventResolvedMaximumGrade { get; init; } = 1;

    /// <summary>RESP-CCR (4): criteria (1)–(3) must hold for this many months. The review leaves it open.</summary>
    public int CcrStabilityMonths { get; init; } = 3;

    // ---- Surgery ------------------------------------------------------------------------------------------------

    /// <summary>SURG-READY (1): mRECIST SD must be maintained this many months (review: 3–4).</summary>
    public int StableDiseaseMinimumMonths { get; init; } = 3;

    /// <summary>SURG-READY (3): FLR must be at least this percentage of SLV. Also FAIL-4.</summary>
    public decimal ReadinessMinimumFlrPercentOfSlv { get; init; } = 40m;

    /// <summary>SURG-READY (4): Child–Pugh score at most this.</summary>
    public int ReadinessMaximumChildPughScore { get; init; } = 7;

    /// <summary>SURG-READY (4): ICG-R15 at most this percentage.</summary>
    public decimal ReadinessMaximumIcgR15Percent { get; init; } = 20m;

    /// <summary>SURG-READY (4): ECOG at most this.</summary>
    public int ReadinessMaximumEcog { get; init; } = 1;

    /// <summary>SURG-READY: evidence older than this many days on the evaluation date makes its criterion Unknown.</summary>
    public int ReadinessMaximumEvidenceAgeDays { get; init; } = 30;

    /// <summary>SURG-WASH: days from the last anti-angiogenic antibody dose (e.g. bevacizumab) to surgery (review 4–6 weeks).</summary>
    public int AntiAngiogenicAntibodyWashoutDays { get; init; } = 42;

    /// <summary>SURG-WASH: days from the last TACE session to surgery (review 4–6 weeks).</summary>
    public int TaceWashoutDays { get; init; } = 28;

    /// <summary>SURG-WASH: days from the last small-molecule TKI dose to surgery. Product-label value, to be verified.</summary>
    public int TyrosineKinaseInhibitorWashoutDays { get; init; } = 7;

    /// <summary>SURG-WASH: days from the last ICI dose to surgery. The review sets none.</summary>
    public int ImmuneCheckpointInhibitorWashoutDays { get; init; }

    /// <summary>SURG-WASH: after an ICI, immune hepatitis must be excluded and recorded before surgery.</summary>
    public bool RequireImmuneHepatitisExclusionAfterIci { get; init; } = true;

    /// <summary>SURG-PATH: major pathological response means at most this percentage of viable tumour.</summary>
    public decimal MajorPathologicalResponseMaximumViablePercent { get; init; } = 10m;

    /// <summary>SURG-ADJ: adjuvant therapy starts this many months after surgery.</summary>
    public int AdjuvantStartMonthsAfterSurgery { get; init; } = 1;

    /// <summary>SURG-ADJ: shortest adjuvant course (months from its start).</summary>
    public int AdjuvantMinimumMonths { get; init; } = 6;

    /// <summary>SURG-ADJ: longest adjuvant course (months from its start).</summary>
    public int AdjuvantMaximumMonths { get; init; } = 12;

    /// <summary>Checks that a bound configuration is internally consistent before a service uses it.</summary>
    public Validated<ClinicalRuleSet> Validate() => ClinicalRuleSetValidator.Validate(this);
}
