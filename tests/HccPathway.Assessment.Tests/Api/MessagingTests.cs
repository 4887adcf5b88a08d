using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;
using Marten;
using MassTransit;

namespace HccPathway.Assessment.Tests.Api;

/// <summary>What Assessment takes from RabbitMQ (PatientEnrolled) and what it gives to it (adverse events for SCHED-HOLD).</summary>
[Collection(AssessmentServiceCollection.Name)]
public sealed class MessagingTests(AssessmentService service)
{
    private static readonly DateOnly EnrolledOn = AssessmentClient.Today.AddDays(-60);
    private readonly AssessmentClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-onc"));

    [Fact]
    public async Task PatientEnrolled_opens_assessment_once_however_often_and_under_whichever_id_it_is_delivered()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);
        await using var query = service.Store.QuerySession();
        var enrolment = (await query.Events.FetchStreamAsync(id)).Single(e => e.EventType == typeof(PatientEnrolled));
        var message = (PatientEnrolled)enrolment.Data;
        var otherId = Guid.NewGuid();

        await service.Bus.Publish(message, c => c.MessageId = enrolment.Id);
        await service.Bus.Publish(message, c => c.MessageId = enrolment.Id);
        await service.Bus.Publish(message, c => c.MessageId = otherId);

        await Eventually.True(() => Processed(enrolment.Id), what: "the enrolment to be consumed");
        await Eventually.True(() => Processed(otherId), what: "the second enrolment message to be consumed");
        await using var session = service.Store.QuerySession();
        var started = (await session.Events.FetchStreamAsync(id)).Where(e => e.EventType == typeof(ResponseAssessmentStarted)).ToArray();
        var only = Assert.Single(started);
        Assert.Equal(enrolment.Id, ((ResponseAssessmentStarted)only.Data).EnrolmentEventId);
        Assert.Equal(EnrolledOn, (await clinician.Get($"/pathways/{id}/response")).GetProperty("enrolledOn").GetString() is { } d ? DateOnly.Parse(d) : default);
        await service.Subscriber.WaitFor<ResponseAssessmentStarted>(m => m.MessageId == only.Id);
    }

    [Fact]
    public async Task Adverse_events_reach_RabbitMQ_with_grade_attribution_and_their_event_ids_for_scheduling_to_hold_drugs()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);

        var reported = await clinician.Post($"/pathways/{id}/adverse-events", new
        {
            ctcaeTerm = "Hypertension",
            grade = 3,
            onsetOn = EnrolledOn.AddDays(20),
            treatmentRelated = true,
            suspectedDrugs = new[] { Drugs.Lenvatinib },
        }).Ok();
        var aeId = Guid.Parse(reported.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal("Hypertension", (await clinician.Get(reported.Headers.Location!.OriginalString)).GetProperty("ctcaeTerm").GetString());
        var open = await clinician.Get($"/pathways/{id}/adverse-events");
        Assert.Equal(3, open.GetProperty("maxOpenGrade").GetInt32());

        await clinician.Post($"/pathways/{id}/adverse-events/{aeId}/grade", new { grade = 2, changedOn = EnrolledOn.AddDays(27) }).Ok();
        await clinician.Post($"/pathways/{id}/adverse-events/{aeId}/resolution", new { residualGrade = 1, resolvedOn = EnrolledOn.AddDays(34) }).Ok();

        await using var session = service.Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(id);
        var report = await service.Subscriber.WaitFor<AdverseEventReported>(m => m.MessageId == stream.Single(e => e.EventType == typeof(AdverseEventReported)).Id);
        Assert.Equal(aeId, report.Message.GetProperty("adverseEventId").GetGuid());
        Assert.Equal(3, report.Message.GetProperty("grade").GetInt32());
        Assert.True(report.Message.GetProperty("treatmentRelated").GetBoolean());
        Assert.Equal([Drugs.Lenvatinib], report.Message.GetProperty("suspectedDrugs").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("assessment.adverse-event-reported.v1", report.Header(RelayHeaders.EventName));
        var change = await service.Subscriber.WaitFor<AdverseEventGradeChanged>(m => m.Header(RelayHeaders.PathwayId) == id.ToString());
        Assert.Equal((3, 2), (change.Message.GetProperty("previousGrade").GetInt32(), change.Message.GetProperty("grade").GetInt32()));
        var resolved = await service.Subscriber.WaitFor<AdverseEventResolved>(m => m.Header(RelayHeaders.PathwayId) == id.ToString());
        Assert.Equal(EnrolledOn.AddDays(34).ToString("yyyy-MM-dd"), resolved.Message.GetProperty("resolvedOn").GetString());

        var afterwards = await clinician.Get($"/pathways/{id}/adverse-events?includeResolved=true");
        Assert.Equal(0, afterwards.GetProperty("maxOpenGrade").GetInt32());
        var item = Assert.Single(afterwards.GetProperty("items").EnumerateArray());
        Assert.Equal((3, false), (item.GetProperty("maxGrade").GetInt32(), item.GetProperty("open").GetBoolean()));
        Assert.Empty((await clinician.Get($"/pathways/{id}/adverse-events")).GetProperty("items").EnumerateArray());
    }

    private async Task<bool> Processed(Guid messageId)
    {
        await using var session = service.Store.QuerySession();
        return await session.LoadAsync<ProcessedMessage>($"assessment-patient-enrolled/{messageId}") is not null;
    }
}
