using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using Hl7.Fhir.Model;

namespace HccPathway.Audit.Export;

/// <summary>
/// The disease the whole record is about: one Condition (hepatocellular carcinoma) per pathway. Its stage is the CNLC
/// stage of the latest baseline, as an Observation of its own that the Condition's stage points to; the drugs given,
/// the regimen and each tumour-response judgement refer back to it (mCODE: a medication has a reason).
/// </summary>
public static partial class FhirExport
{
    private static Condition Condition(Guid pathwayId, IReadOnlyList<ExportedEvent> events, ResourceReference subject)
    {
        var registration = events.Select(e => e.Data).OfType<PatientRegistered>().FirstOrDefault();
        var latestStage = events.LastOrDefault(e => e.Data is BaselineAssessed);
        var condition = new Condition
        {
            Id = DerivedId(pathwayId, "condition"),
            ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
            VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")],
            Code = FhirCodes.HepatocellularCarcinoma,
            Subject = subject,
            RecordedDate = registration is null ? null : Day(registration.ReferralDate).Value,
        };
        if (latestStage?.Data is BaselineAssessed b)
        {
            condition.Stage =
            [
                new Condition.StageComponent
                {
                    Summary = FhirCodes.CnlcStage(b.Scores.CnlcStage),
                    Assessment = [new ResourceReference(FullUrl(StageObservation(latestStage, b, subject, null)))],
                    Type = FhirCodes.CnlcStaging,
                },
            ];
        }

        return condition;
    }

    /// <summary>The CNLC stage computed from one baseline (STAGE-CNLC), about the condition.</summary>
    private static Observation StageObservation(ExportedEvent e, BaselineAssessed b, ResourceReference subject, ResourceReference? condition)
    {
        var observation = Observation(e, "cnlc-stage", "exam", FhirCodes.CnlcStaging, b.AssessedOn, subject, FhirCodes.CnlcStage(b.Scores.CnlcStage));
        observation.Method = new CodeableConcept { Text = $"STAGE-CNLC, rule set {b.RuleSetVersion}" };
        observation.Focus = condition is null ? [] : [condition];
        return observation;
    }

    /// <summary>
    /// mCODE's cancer disease status: whether the disease improved, held or worsened, judged from each mRECIST
    /// response (the response criteria of conversion therapy, RESP-MRECIST), about the condition.
    /// </summary>
    private static Observation DiseaseStatus(ExportedEvent e, ResponseAssessed r, ResourceReference subject, ResourceReference condition)
    {
        var observation = Observation(e, "disease-status", "imaging", FhirCodes.CancerDiseaseStatus, r.StudyOn, subject,
            FhirCodes.DiseaseStatus(r.Mrecist.Category));
        observation.Focus = [condition];
        observation.DerivedFrom = [new ResourceReference(FullUrl(Response(e, FhirCodes.MrecistResponse, r.Mrecist, r.StudyOn, subject)))];
        observation.Method = new CodeableConcept { Text = $"{r.Mrecist.RuleId}, rule set {r.RuleSetVersion}" };
        return observation;
    }
}
