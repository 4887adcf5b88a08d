using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.DemoData;
using HccPathway.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.EndToEnd.Tests;

/// <summary>Scenarios 2 and 3 of issue 8: cCR with watch-and-wait, conversion failure with second-line, an ineligible patient.</summary>
public sealed class AlternativePathwayTests(PathwaySystem system) : IClassFixture<PathwaySystem>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<ConversionJourney> OnTherapy(string mrn, DateOnly enrolledOn)
    {
        var j = await ConversionJourney.Register(system.ClinicianApi(), enrolledOn, mrn, "Test Patient", new DateOnly(1958, 9, 30));
        await j.RecordBaseline();
        await j.DecideEligibility();
        await j.Enrol();
        await j.Planned();
        await j.StartLenvatinib();
        await j.BaselineImaging();
        await j.PerformTace();
        return j;
    }

    [Fact]
    public async Task A_clinical_complete_response_held_three_months_allows_watch_and_wait()
    {
        var j = await OnTherapy("MRN-E2E-CCR", Today.AddDays(-200));
        var dose1 = await j.GiveCamrelizumab(1);

        var lastStudy = await j.CompleteResponseImaging(dose1.AddDays(20));
        var confirmed = (await system.Wire.Next<ClinicalCompleteResponseConfirmed>(j.PathwayId)).Message;
        Assert.Equal(lastStudy, confirmed.Date("confirmedOn"));
        Assert.Equal(dose1.AddDays(22), confirmed.Date("conditionsMetSince")); // the PET-CT completes (3)

        // SURG-CCR: refused before a cCR elsewhere; here the MDT may choose surveillance.
        await j.WatchAndWait(lastStudy.AddDays(3));
        var decision = (await system.Wire.Next<MdtDecisionRecorded>(j.PathwayId)).Message;
        Assert.Equal(MdtOutcomes.WatchAndWait, decision.Str("outcome"));
        Assert.DoesNotContain(system.StreamOnWire(j.PathwayId), e => e.Name == "surgery-planning.resection-scheduled.v1");
    }

    [Fact]
    public async Task A_new_extrahepatic_lesion_with_intrahepatic_growth_is_FAIL_1c_and_the_MDT_chooses_second_line()
    {
        var j = await OnTherapy("MRN-E2E-FAIL", Today.AddDays(-120));
        var dose1 = await j.GiveCamrelizumab(1);

        await j.ProgressionImaging(dose1.AddDays(25));
        var progression = (await system.Wire.Next<ProgressionDetected>(j.PathwayId)).Message;
        Assert.Equal(ProgressionPatternNames.IntraAndExtrahepaticProgression, progression.Str("pattern"));

        var suggestions = await j.SuggestionsIncluding("FAIL-1c");
        var fail1c = suggestions.GetProperty("suggestions").EnumerateArray().First(s => s.Str("ruleId") == "FAIL-1c");
        Assert.Equal(MdtOutcomes.SecondLine, fail1c.Str("outcome"));
        Assert.DoesNotContain(suggestions.GetProperty("suggestions").EnumerateArray(), s => s.Str("outcome") == MdtOutcomes.Resect);

        await j.SecondLine(dose1.AddDays(30));
        var decision = (await system.Wire.Next<MdtDecisionRecorded>(j.PathwayId)).Message;
        Assert.Equal(MdtOutcomes.SecondLine, decision.Str("outcome"));
        Assert.Equal("FAIL-1c", decision.Str("suggestedRuleId"));
    }

    [Fact]
    public async Task An_ineligible_patient_cannot_be_enrolled_and_the_refusal_appends_nothing_anywhere()
    {
        var api = system.ClinicianApi();
        var j = await ConversionJourney.Register(api, Today.AddDays(-5), "MRN-E2E-X", "Test Patient", new DateOnly(1950, 1, 1));
        await j.RecordBaseline(ecog: 3);
        await j.DecideEligibility();
        var decided = (await system.Wire.Next<EligibilityDecided>(j.PathwayId)).Message;
        Assert.False(decided.GetProperty("eligible").GetBoolean());
        Assert.Empty(decided.GetProperty("matchedRules").EnumerateArray());

        // Surgery planning evaluates readiness on the baseline message even for a patient never enrolled (see report);
        // wait for it so that "nothing appended" below is about the refusals alone.
        var readiness = (await system.Wire.Next<SurgicalReadinessEvaluated>(j.PathwayId)).Message;
        Assert.NotEqual(ReadinessVerdicts.Ready, readiness.Str("verdict"));
        var before = await Version(j.PathwayId);
        Assert.Equal(4, before);
        var refused = await Assert.ThrowsAsync<PathwayApiException>(() => j.Enrol());
        Assert.Equal(409, refused.Status);
        Assert.Equal("ELIG-X", JsonDocument.Parse(refused.Body).RootElement.Str("ruleId"));

        // Nothing appended: the stream's version, Intake's summary and the other services' read APIs are unchanged.
        Assert.Equal(before, await Version(j.PathwayId));
        var summary = await api.Summary(j.PathwayId);
        Assert.Equal("EligibilityDecided", summary.Str("phase"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Scheduling.GetAsync($"/pathways/{j.PathwayId}/therapy")).StatusCode);
        var study = await api.Assessment.PostAsJsonAsync($"/pathways/{j.PathwayId}/imaging", ClinicalBodies.BaselineStudy(Today));
        Assert.Equal(HttpStatusCode.Conflict, study.StatusCode);
        Assert.True(before == await Version(j.PathwayId), string.Join(", ", await Names(j.PathwayId)));
        Assert.DoesNotContain(await Names(j.PathwayId), n => n.StartsWith("intake.patient-enrolled", StringComparison.Ordinal));
        Assert.Equal(
            ["intake.patient-registered.v1", "intake.baseline-assessed.v1", "intake.eligibility-decided.v1",
             "surgery-planning.surgical-readiness-evaluated.v1"],
            (await Eventually.Get(async () => await Task.FromResult(system.StreamOnWire(j.PathwayId) is { Count: 4 } s ? s : null)))
                .Select(s => s.Name));
    }

    private async Task<IEnumerable<string>> Names(Guid id)
    {
        await using var session = system.Intake.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Select(e => e.EventTypeName + "/" + e.Version);
    }

    private async Task<long> Version(Guid id)
    {
        await using var session = system.Intake.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))!.Version;
    }
}
