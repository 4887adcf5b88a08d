using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;
using Marten;

namespace HccPathway.SurgeryPlanning.Tests.Messaging;

/// <summary>The HTTP API over real PostgreSQL: bad input appends nothing; the resection path reaches RabbitMQ.</summary>
[Collection(SurgeryPlanningCollection.Name)]
public class SurgeryApiTests(SurgeryPlanningService host)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<int> StreamLength(Guid id)
    {
        await using var session = host.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Count;
    }

    private static object Mdt(string outcome, string? rationale = "Reviewed.", DateOnly? intended = null) => new
    {
        outcome, rationale, attendees = new[] { "surgeon", "oncologist" }, decidedOn = Today, intendedSurgeryOn = intended,
    };

    [Fact]
    public async Task Given_bad_MDT_and_surgery_requests_when_posted_then_problem_details_and_nothing_appended()
    {
        var id = await host.NewEnrolledPathway(Today.AddMonths(-4));
        var clinician = host.Service.ClientAs(Roles.Clinician, "dr-mdt");
        var length = await StreamLength(id);

        var noRationale = await clinician.PostAsJsonAsync($"/pathways/{id}/mdt-decisions", Mdt(MdtOutcomes.ContinueConversion, rationale: ""));
        Assert.Equal(HttpStatusCode.BadRequest, noRationale.StatusCode);
        var problem = await noRationale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("rationale", out _));

        var watch = await clinician.PostAsJsonAsync($"/pathways/{id}/mdt-decisions", Mdt(MdtOutcomes.WatchAndWait));
        Assert.Equal(HttpStatusCode.Conflict, watch.StatusCode);

        var unscheduled = await clinician.PostAsJsonAsync($"/pathways/{id}/resection/outcome",
            new { performedOn = Today, margin = "R0", viableTumourPercent = 0 });
        Assert.Equal(HttpStatusCode.Conflict, unscheduled.StatusCode);

        var noMdt = await clinician.PostAsJsonAsync($"/pathways/{id}/resection", new { scheduledOn = Today.AddDays(7), procedure = "right hepatectomy" });
        Assert.Equal(HttpStatusCode.Conflict, noMdt.StatusCode);

        var unknown = await clinician.PostAsJsonAsync($"/pathways/{Guid.NewGuid()}/mdt-decisions", Mdt(MdtOutcomes.ContinueConversion));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var coordinator = host.Service.ClientAs(Roles.Coordinator);
        var notClinician = await coordinator.PostAsJsonAsync($"/pathways/{id}/mdt-decisions", Mdt(MdtOutcomes.ContinueConversion));
        Assert.Equal(HttpStatusCode.Forbidden, notClinician.StatusCode);

        Assert.Equal(length, await StreamLength(id));
    }

    [Fact]
    public async Task Given_a_blocked_patient_when_the_MDT_resects_with_override_then_resection_outcome_and_adjuvant_reach_subscribers()
    {
        var id = await host.NewEnrolledPathway(Today.AddMonths(-4));
        var clinician = host.Service.ClientAs(Roles.Clinician, "dr-grey");

        var decided = await clinician.PostAsJsonAsync($"/pathways/{id}/mdt-decisions", Mdt(MdtOutcomes.Resect, intended: Today.AddDays(14)));
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        var refused = await clinician.PostAsJsonAsync($"/pathways/{id}/resection", new { scheduledOn = Today, procedure = "right hepatectomy" });
        var refusal = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("SURG-READY", refusal.GetProperty("ruleId").GetString());

        var overridden = await clinician.PostAsJsonAsync($"/pathways/{id}/resection",
            new { scheduledOn = Today, procedure = "right hepatectomy", @override = new { reason = "Values recorded on paper; MDT reviewed." } });
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);

        var performed = await clinician.PostAsJsonAsync($"/pathways/{id}/resection/outcome", new
        {
            performedOn = Today, margin = "R0", marginWidthMm = 12, viableTumourPercent = 0, edmondsonGrade = "II",
            microvascularInvasion = false, macrovascularInvasion = false, tumourCount = 1, largestTumourMm = 35, lymphNodeMetastasis = false,
            complications = new[] { new { description = "pleural effusion", clavienDindoGrade = "II", occurredOn = Today } },
        });
        Assert.Equal(HttpStatusCode.OK, performed.StatusCode);

        var adjuvant = await clinician.PostAsJsonAsync($"/pathways/{id}/adjuvant", new { durationMonths = 6, rationale = "Continue LEN + camrelizumab." });
        Assert.Equal(HttpStatusCode.OK, adjuvant.StatusCode);

        var scheduled = await host.Subscriber.WaitFor<ResectionScheduled>(m => m.Header("hcc-pathway-id") == id.ToString());
        Assert.True(scheduled.Message.GetProperty("override").GetBoolean());
        var adj = await host.Subscriber.WaitFor<AdjuvantTherapyDecided>(m => m.Header("hcc-pathway-id") == id.ToString());
        Assert.Equal(Today.AddMonths(1), DateOnly.Parse(adj.Message.GetProperty("startOn").GetString()!));
        await host.Subscriber.WaitFor<MdtDecisionRecorded>(m => m.Header("hcc-pathway-id") == id.ToString());

        // The cohort is who was enrolled in the window: this patient, resected R0 with pCR.
        var window = $"enrolledFrom={Today.AddMonths(-4):yyyy-MM-dd}&enrolledTo={Today.AddMonths(-4):yyyy-MM-dd}";
        var benchmark = await Eventually.Get(async () =>
        {
            var b = await clinician.GetFromJsonAsync<JsonElement>($"/benchmark?{window}");
            return b.GetProperty("centre").GetProperty("cohortSize").GetInt32() > 0 ? (JsonElement?)b : null;
        }, what: "the enrolled patient in the cohort");
        var surgery = benchmark!.Value.GetProperty("centre").GetProperty("surgery");
        var cohort = benchmark.Value.GetProperty("centre").GetProperty("cohortSize").GetInt32();
        Assert.Equal(cohort, surgery.GetProperty("conversionResection").GetProperty("denominator").GetInt32());
        Assert.True(surgery.GetProperty("r0").GetProperty("numerator").GetInt32() >= 1);
        Assert.True(surgery.GetProperty("pathologicalCompleteResponse").GetProperty("numerator").GetInt32() >= 1);
        Assert.Equal(5, benchmark.Value.GetProperty("published").GetArrayLength());
    }
}
