using System.Net;
using HccPathway.Coordinator.Account;
using HccPathway.Coordinator.Components.Pages.Patient;
using PatientPage = HccPathway.Coordinator.Components.Pages.Patient.PatientPage;

namespace HccPathway.Coordinator.Tests;

/// <summary>
/// The audit history for auditors: the audit service answers JSON (pseudonymised), the Coordinator lays it out with
/// everything the record says of each event.
/// </summary>
public sealed class TimelineTests : BunitContext
{
    private static readonly Guid PathwayId = Guid.NewGuid();
    private static readonly Guid RegisteredId = Guid.Parse("0193aa11-2222-7333-8444-000000000001");
    private static readonly Guid EnrolledId = Guid.Parse("0193aa11-2222-7333-8444-000000000002");

    private static readonly string Summary = $$"""
        {"id":"{{PathwayId}}","version":2,"medicalRecordNumber":"MRN-3","fullName":"Ada Example","dateOfBirth":"1960-01-02","sex":"female",
         "referralDate":"2026-01-01","referringCentre":"City","phase":"Enrolled","eligibilityRules":[],"eligibilityCriteria":[]}
        """;

    private static string History(long total, int page) => $$"""
        {"pathwayId":"{{PathwayId}}","streamVersion":{{total}},"total":{{total}},"page":{{page}},"pageSize":200,"items":[
          {"version":1,"sequence":101,"eventId":"{{RegisteredId}}","name":"intake.patient-registered.v1","type":"PatientRegistered","owner":"intake",
           "recordedAt":"2026-03-12T09:30:15.123+00:00","user":"cora","correlationId":"corr-1","causationId":null,
           "data":{"PathwayId":"{{PathwayId}}","Identity":"[pseudonymised]","Sex":"female"},"headers":null},
          {"version":2,"sequence":140,"eventId":"{{EnrolledId}}","name":"intake.patient-enrolled.v1","type":"PatientEnrolled","owner":"intake",
           "recordedAt":"2026-03-13T10:00:00+00:00","user":"dr-who","correlationId":"corr-2","causationId":"cause-2",
           "data":{"PathwayId":"{{PathwayId}}","EnrolledOn":"2026-03-13"},"headers":null}]}
        """;

    private StubServices Stub(long total = 2) => new(request => request.RequestUri!.AbsolutePath switch
    {
        var p when request.RequestUri.Host == "intake" && p == $"/pathways/{PathwayId}" => StubServices.Json(HttpStatusCode.OK, Summary),
        var p when request.RequestUri.Host == "audit" && p == $"/pathways/{PathwayId}/history" =>
            StubServices.Json(HttpStatusCode.OK, History(total, request.RequestUri.Query.Contains("page=2", StringComparison.Ordinal) ? 2 : 1)),
        _ => new HttpResponseMessage(HttpStatusCode.NotFound),
    });

    [Fact]
    public void Each_event_shows_its_name_owner_version_time_user_sequence_ids_and_data()
    {
        var stub = Stub();
        StubServices.Register(this, stub, "aud", UserRoles.Auditor);

        var timeline = Render<Timeline>(p => p.Add(c => c.PathwayId, PathwayId));

        timeline.WaitForAssertion(() => Assert.Equal(2, timeline.FindAll("[data-testid=timeline-entry]").Count));
        Assert.Equal("Version 2; 2 event(s); page 1 of 1.", timeline.Find("[data-testid=timeline-summary]").TextContent);
        var entries = timeline.FindAll("[data-testid=timeline-entry]");
        Assert.Equal(["1", "2"], entries.Select(e => e.GetAttribute("value")));
        Assert.Equal(["intake.patient-registered.v1", "intake.patient-enrolled.v1"], entries.Select(e => e.QuerySelector("strong")!.TextContent));
        Assert.Equal("2026-03-12T09:30:15.1230000Z", entries[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("by cora", entries[0].TextContent);
        Assert.Contains("(intake, v1)", entries[0].TextContent);
        Assert.Contains($"sequence 101; event {RegisteredId}; correlation corr-1; causation —", entries[0].QuerySelector(".meta")!.TextContent);
        Assert.Contains("causation cause-2", entries[1].QuerySelector(".meta")!.TextContent);
        Assert.Equal("Data", entries[0].QuerySelector("details summary")!.TextContent);
        Assert.Contains("\"Identity\": \"[pseudonymised]\"", entries[0].QuerySelector("details pre")!.TextContent);
        Assert.Contains("\n", entries[1].QuerySelector("details pre")!.TextContent);

        // The identity is never asked for: what the auditor sees is pseudonymised by the service.
        var read = Assert.Single(stub.Requests, r => r.Path.StartsWith($"/pathways/{PathwayId}/history", StringComparison.Ordinal));
        Assert.DoesNotContain("identity", read.Path, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(timeline.FindAll("button"));
    }

    [Fact]
    public void A_long_history_is_read_page_by_page()
    {
        var stub = Stub(total: 450);
        StubServices.Register(this, stub, "aud", UserRoles.Auditor);

        var timeline = Render<Timeline>(p => p.Add(c => c.PathwayId, PathwayId));
        timeline.WaitForAssertion(() => Assert.Equal("Version 450; 450 event(s); page 1 of 3.", timeline.Find("[data-testid=timeline-summary]").TextContent));
        Assert.True(timeline.Find("button:first-of-type").HasAttribute("disabled"));

        timeline.FindAll("button").Single(b => b.TextContent == "Later events").Click();

        timeline.WaitForAssertion(() => Assert.Equal("Version 450; 450 event(s); page 2 of 3.", timeline.Find("[data-testid=timeline-summary]").TextContent));
        Assert.Contains(stub.Requests, r => r.Path == $"/pathways/{PathwayId}/history?page=2&pageSize=200");
    }

    [Theory]
    [InlineData(UserRoles.Auditor, true)]
    [InlineData(UserRoles.Coordinator, false)]
    [InlineData(UserRoles.Clinician, false)]
    public void Only_auditors_see_the_timeline_on_the_patient_page(string role, bool shown)
    {
        var stub = Stub();
        StubServices.Register(this, stub, "someone", role);

        var page = Render<PatientPage>(p => p.Add(c => c.PathwayId, PathwayId));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("h2")));
        if (shown)
        {
            page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=timeline-entry]").Count));
        }
        else
        {
            Assert.Empty(page.FindAll("#timeline-heading"));
            Assert.DoesNotContain(stub.Requests, r => r.Path.Contains("/history", StringComparison.Ordinal));
        }
    }
}
