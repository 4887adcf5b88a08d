using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Tests.Deciders;
using HccPathway.Testing;
using Marten;

namespace HccPathway.SurgeryPlanning.Tests.Messaging;

/// <summary>Upstream messages on real RabbitMQ build the checklist; readiness is appended (and relayed) only on change.</summary>
[Collection(SurgeryPlanningCollection.Name)]
public class ChecklistMessagingTests(SurgeryPlanningService host)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static T With<T>(T message, Guid pathwayId) => message switch
    {
        ResponseAssessed r => (T)(object)(r with { PathwayId = pathwayId }),
        LiverFunctionAssessed l => (T)(object)(l with { PathwayId = pathwayId }),
        AdverseEventReported a => (T)(object)(a with { PathwayId = pathwayId }),
        AdverseEventResolved a => (T)(object)(a with { PathwayId = pathwayId }),
        _ => message,
    };

    private async Task<IReadOnlyList<SurgicalReadinessEvaluated>> Evaluations(Guid pathwayId)
    {
        await using var session = host.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(pathwayId);
        return events.Select(e => e.Data).OfType<SurgicalReadinessEvaluated>().ToArray();
    }

    private async Task<PatientChecklist?> Checklist(Guid pathwayId)
    {
        await using var session = host.Store.QuerySession();
        return await session.LoadAsync<PatientChecklist>(pathwayId);
    }

    private async Task<bool> Processed(int count)
    {
        await using var session = host.Store.QuerySession();
        return await session.Query<HccPathway.ServiceDefaults.Messaging.ProcessedMessage>().CountAsync() >= count;
    }

    [Fact]
    public async Task Given_upstream_events_on_RabbitMQ_when_consumed_then_the_checklist_and_appended_evaluations_follow_them()
    {
        var id = await host.NewEnrolledPathway(Today.AddMonths(-4));
        var enrolledEvent = Guid.NewGuid();
        var start = Today.AddMonths(-4);
        await host.Publish(new PatientEnrolled(id, ["ELIG-2"], 70, start, "dr", "convert", DateTimeOffset.UtcNow), enrolledEvent);
        var response = Guid.NewGuid();
        await host.Publish(With(Patients.Response(Today.AddDays(-3), ResponseCategories.PartialResponse), id), response);
        var liver = Guid.NewGuid();
        await host.Publish(With(Patients.LiverFunction(Today.AddDays(-2), childPugh: 6, icg: 11m, ecog: 0, flr: 0.46), id), liver);

        var last = await Eventually.Get(async () =>
        {
            var evaluations = await Evaluations(id);
            return evaluations.LastOrDefault(e => e.Criteria.Single(c => c.Key == ReadinessCriteria.LiverFunctionAndPerformance).Status == CriterionStatuses.Pass
                                                  && e.Criteria.Single(c => c.Key == ReadinessCriteria.Response).Status == CriterionStatuses.Pass);
        }, what: "an evaluation with response and liver function passing");

        // Only the surgeon's assessment is missing (R0 feasibility, other contraindication): blocked on those two, and the
        // evidence names the upstream event ids.
        Assert.Equal(ReadinessVerdicts.Blocked, last.Verdict);
        Assert.Equal([ReadinessCriteria.R0Feasible, ReadinessCriteria.NoExtrahepaticDisease],
            last.Criteria.Where(c => c.Status != CriterionStatuses.Pass).Select(c => c.Key));
        Assert.Equal([response], last.Criteria.Single(c => c.Key == ReadinessCriteria.Response).Evidence.Select(e => e.EventId));
        Assert.Contains(liver, last.Criteria.Single(c => c.Key == ReadinessCriteria.FutureLiverRemnant).Evidence.Select(e => e.EventId));
        Assert.Equal("missing", last.Criteria.Single(c => c.Key == ReadinessCriteria.R0Feasible).Missing);

        // What external subscribers see: the relayed evaluation with message id = event id and the pathway header.
        var published = await host.Subscriber.WaitFor<SurgicalReadinessEvaluated>(m => m.Header(RelayHeaders.PathwayId) == id.ToString()
            && m.Message.GetProperty("criteria").EnumerateArray().Count(c => c.GetProperty("status").GetString() == CriterionStatuses.Pass) == 4);
        Assert.NotNull(published.MessageId);

        // The surgeon's assessment over HTTP completes the checklist.
        var clinician = host.Service.ClientAs(Roles.Clinician, "dr-surgeon");
        var assessed = await clinician.PostAsJsonAsync($"/pathways/{id}/surgical-feasibility",
            new { assessedOn = Today, r0ResectionFeasible = true, otherContraindication = false });
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        var checklist = await clinician.GetFromJsonAsync<JsonElement>($"/pathways/{id}/readiness");
        Assert.Equal(ReadinessVerdicts.Ready, checklist.GetProperty("verdict").GetString());
        Assert.Equal(ReadinessVerdicts.Ready, (await Evaluations(id))[^1].Verdict);
        var ready = await clinician.GetFromJsonAsync<JsonElement>("/readiness?verdict=ready");
        Assert.Contains(ready.EnumerateArray(), e => e.GetProperty("pathwayId").GetGuid() == id);
    }

    [Fact]
    public async Task Given_duplicates_and_an_AE_resolution_before_its_report_when_consumed_then_the_checklist_is_not_corrupted()
    {
        var id = await host.NewEnrolledPathway(Today.AddMonths(-4));
        var ae = Guid.NewGuid();
        var resolution = Guid.NewGuid();
        var report = Guid.NewGuid();
        var before = await ProcessedCount();

        await host.Publish(With(Patients.AeResolved(ae, Today.AddDays(-1)), id), resolution);
        await Eventually.True(async () => (await Checklist(id))?.AdverseEvents.Count == 1, what: "the resolution recorded");
        var afterResolution = (await Evaluations(id)).Count;

        // The report arrives late, twice: the AE stays resolved and no further evaluation is appended.
        await host.Publish(With(Patients.Ae(ae, Today.AddDays(-9), 3), id), report);
        await host.Publish(With(Patients.Ae(ae, Today.AddDays(-9), 3), id), report);
        await host.Publish(With(Patients.AeResolved(ae, Today.AddDays(-1)), id), resolution);
        await Eventually.True(async () => (await Checklist(id))?.AdverseEvents.Single().Reported == true, what: "the report recorded");
        await Eventually.True(() => Processed(before + 2), what: "both distinct messages processed");

        var checklist = (await Checklist(id))!;
        var recorded = checklist.AdverseEvents.Single();
        Assert.Equal([3, 1], recorded.Gradings.Select(g => g.Grade));
        Assert.Equal(CriterionStatuses.Pass, checklist.Criteria.Single(c => c.Key == ReadinessCriteria.AdverseEventsResolved).Status);
        Assert.Equal(afterResolution, (await Evaluations(id)).Count);
    }

    [Fact]
    public async Task Given_an_open_grade_3_AE_when_consumed_then_the_blocking_criterion_is_appended_and_listed()
    {
        var id = await host.NewEnrolledPathway(Today.AddMonths(-4));
        await host.Publish(With(Patients.Ae(Guid.NewGuid(), Today.AddDays(-2), 3), id), Guid.NewGuid());
        var evaluation = await Eventually.Get(async () => (await Evaluations(id)).SingleOrDefault(e => e.ChangedCriteria.Contains(ReadinessCriteria.AdverseEventsResolved)
            && e.PreviousVerdict is not null), what: "an evaluation after the AE");
        Assert.Equal(CriterionStatuses.Fail, evaluation.Criteria.Single(c => c.Key == ReadinessCriteria.AdverseEventsResolved).Status);
        Assert.Equal([ReadinessCriteria.AdverseEventsResolved], evaluation.ChangedCriteria);
        Assert.Equal(ReadinessVerdicts.Blocked, evaluation.Verdict);

        var coordinator = host.Service.ClientAs(Roles.Coordinator);
        var blocked = await coordinator.GetFromJsonAsync<JsonElement>("/readiness?verdict=blocked");
        var entry = blocked.EnumerateArray().Single(e => e.GetProperty("pathwayId").GetGuid() == id);
        Assert.Contains(entry.GetProperty("blocking").EnumerateArray(), b => b.GetString()!.StartsWith("adverse-events-resolved: fail"));
        var agenda = await coordinator.GetFromJsonAsync<JsonElement>("/mdt/agenda");
        Assert.Contains(agenda.EnumerateArray(), e => e.GetProperty("pathwayId").GetGuid() == id);
    }

    private async Task<int> ProcessedCount()
    {
        await using var session = host.Store.QuerySession();
        return await session.Query<HccPathway.ServiceDefaults.Messaging.ProcessedMessage>().CountAsync();
    }
}
