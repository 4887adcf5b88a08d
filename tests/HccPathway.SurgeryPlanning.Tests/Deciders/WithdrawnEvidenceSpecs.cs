using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Readiness;
using static HccPathway.SurgeryPlanning.Tests.Deciders.Patients;

namespace HccPathway.SurgeryPlanning.Tests.Deciders;

/// <summary>PATH-CORRECT: an imaging study corrected or entered in error no longer carries readiness or failure.</summary>
public sealed class WithdrawnEvidenceSpecs
{
    private static string Verdict(PatientChecklist c) => ReadinessEvaluator.Evaluate(c, Today, ClinicalRuleSet.Default).Verdict;

    [Fact]
    public void A_withdrawn_partial_response_takes_readiness_back_and_a_late_redelivery_of_it_does_not_restore_it()
    {
        var checklist = Ready();
        var response = checklist.Responses.Single();
        Assert.Equal(ReadinessVerdicts.Ready, Verdict(checklist));

        var withdrawn = new ResponseWithdrawn(checklist.Id, response.StudyId, response.StudyOn, Guid.NewGuid(), Now);
        Assert.True(FactRecording.RecordUpstream(checklist, withdrawn, Guid.NewGuid()));
        var afterWithdrawal = Verdict(checklist);
        FactRecording.Record(checklist, Response(response.StudyOn, ResponseCategories.PartialResponse) with
        {
            StudyId = response.StudyId,
            AssessedAt = response.AssessedAt,
        }, response.EventId);

        Assert.NotEqual(ReadinessVerdicts.Ready, afterWithdrawal);
        Assert.Empty(checklist.Responses);
        Assert.Equal(afterWithdrawal, Verdict(checklist));
    }

    [Fact]
    public void A_correction_assessed_after_the_withdrawal_counts_again()
    {
        var checklist = Ready();
        var response = checklist.Responses.Single();
        FactRecording.Record(checklist, new ResponseWithdrawn(checklist.Id, response.StudyId, response.StudyOn, Guid.NewGuid(), Now), Guid.NewGuid());

        FactRecording.Record(checklist, Response(response.StudyOn, ResponseCategories.PartialResponse) with
        {
            StudyId = response.StudyId,
            AssessedAt = Now.AddMinutes(1),
        }, Guid.NewGuid());

        Assert.Single(checklist.Responses);
        Assert.Equal(ReadinessVerdicts.Ready, Verdict(checklist));
    }

    [Fact]
    public void A_withdrawn_progression_is_no_longer_a_progression_even_when_its_detection_arrives_after_the_withdrawal()
    {
        var checklist = Ready();
        var studyId = Guid.NewGuid();
        var detected = new ProgressionDetected(checklist.Id, studyId, Today.AddDays(-2), ProgressionPatternNames.IntrahepaticGrowthWithStableExtrahepatic, "FAIL-1",
            new ProgressionSites(true, [], false, []), "PD", "PD", [], "2025.1", Now.AddMinutes(-5));

        FactRecording.Record(checklist, detected, Guid.NewGuid());
        Assert.Single(checklist.Progressions);
        FactRecording.Record(checklist, new ProgressionWithdrawn(checklist.Id, studyId, Today.AddDays(-2), Guid.NewGuid(), Now), Guid.NewGuid());
        FactRecording.Record(checklist, detected, Guid.NewGuid());

        Assert.Empty(checklist.Progressions);
    }
}
