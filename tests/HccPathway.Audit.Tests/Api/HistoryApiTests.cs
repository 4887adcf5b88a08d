using System.Net;
using HccPathway.Audit.Tests.Support;
using HccPathway.Contracts;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;

namespace HccPathway.Audit.Tests.Api;

public sealed class HistoryApiTests(AuditService service) : IClassFixture<AuditService>
{
    /// <summary>How a newer build of a service would store an event type this build does not have.</summary>
    private const string NewerServiceType = "HccPathway.Contracts.SurgeryPlanning.FutureThing, HccPathway.Contracts";

    private readonly HttpClient auditor = service.Auditor();

    [Fact]
    public async Task The_history_lists_every_event_in_order_with_its_position_time_user_correlation_and_owner()
    {
        var story = new Story(Guid.NewGuid());
        await service.Record(story);
        var expected = story.Steps().SelectMany(s => s.Events.Select(e => (s.User, Contract: EventCatalog.Find(e.GetType())!))).ToList();

        var page = await auditor.History(story.PathwayId);

        var items = page.Items();
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt64());
        Assert.Equal(expected.Count, page.GetProperty("streamVersion").GetInt64());
        Assert.Equal(Enumerable.Range(1, expected.Count), items.Select(i => i.GetProperty("version").GetInt32()));
        Assert.Equal(expected.Select(e => e.Contract.Name), items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(expected.Select(e => e.Contract.Owner), items.Select(i => i.GetProperty("owner").GetString()));
        Assert.Equal(expected.Select(e => e.Contract.Type.Name), items.Select(i => i.GetProperty("type").GetString()));
        Assert.Equal(expected.Select(e => e.User), items.Select(i => i.GetProperty("user").GetString()));
        var sequences = items.Select(i => i.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("correlationId").GetString())));
        Assert.Equal(story.PathwayId, items[^1].GetProperty("data").GetProperty("PathwayId").GetGuid());
    }

    [Fact]
    public async Task The_history_pseudonymises_the_patient_unless_identity_is_asked_for_with_the_permission()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), steps: 2);

        var plain = await auditor.GetStringAsync($"/pathways/{id}/history");
        var refused = await auditor.GetAsync($"/pathways/{id}/history?identity=true");
        var disclosed = await service.AuditorWithIdentityPermission().GetStringAsync($"/pathways/{id}/history?identity=true");

        Assert.DoesNotContain("Grace Example", plain);
        Assert.DoesNotContain("MRN-4242", plain);
        Assert.Contains("[pseudonymised]", plain);
        await refused.Problem(HttpStatusCode.Forbidden);
        Assert.Contains("Grace Example", disclosed);
    }

    [Fact]
    public async Task The_history_is_paged_and_filtered_by_type_and_recording_time()
    {
        var id = await service.Record(new Story(Guid.NewGuid()));
        var all = (await auditor.History(id)).Items();

        var second = (await auditor.History(id, "page=2&pageSize=5")).Items();
        var rescheduled = await auditor.History(id, "type=TherapyItemRescheduled&type=scheduling.tace-performed.v1");
        var from = all[5];
        var to = all[12];
        var window = (await auditor.History(id, $"from={from.Instant()}&to={to.Instant()}&pageSize=500")).Items();

        Assert.Equal([6, 7, 8, 9, 10], second.Select(i => i.GetProperty("version").GetInt32()));
        Assert.Equal(3, rescheduled.GetProperty("total").GetInt64());
        Assert.Equal(
            ["scheduling.tace-performed.v1", "scheduling.therapy-item-rescheduled.v1", "scheduling.therapy-item-rescheduled.v1"],
            rescheduled.Items().Select(i => i.GetProperty("name").GetString()));
        var expected = all.Where(i => i.GetProperty("recordedAt").GetDateTimeOffset() >= from.GetProperty("recordedAt").GetDateTimeOffset()
                && i.GetProperty("recordedAt").GetDateTimeOffset() <= to.GetProperty("recordedAt").GetDateTimeOffset())
            .Select(i => i.GetProperty("version").GetInt32()).ToList();
        Assert.InRange(expected.Count, 2, all.Count - 2);
        Assert.Equal(expected, window.Select(i => i.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task An_event_of_a_type_this_build_does_not_know_is_shown_as_unknown_and_left_out_of_the_replay()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), steps: 4);
        await service.Sql(
            """
            insert into {events}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, user_name)
            values (nextval('{events}.mt_events_sequence'), gen_random_uuid(), $1, 5, '{"Note": "from a newer service"}', 'surgery-planning.future-thing.v1', now(), '*DEFAULT*', $2, 'newer-service')
            """, id, NewerServiceType);
        await service.Sql("update {events}.mt_streams set version = 5 where id = $1", id);

        var last = (await auditor.History(id)).Items()[^1];
        var state = await auditor.State(id);

        Assert.Equal(("surgery-planning.future-thing.v1", "unknown"), (last.GetProperty("name").GetString(), last.GetProperty("owner").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last.GetProperty("type").ValueKind);
        Assert.Equal("from a newer service", last.GetProperty("data").GetProperty("Note").GetString());
        Assert.Equal("enrolled", state.GetProperty("phase").GetString());
        Assert.Equal("surgery-planning.future-thing.v1", Assert.Single(state.GetProperty("notFolded").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_event_of_an_unknown_type_is_sealed_in_its_place_in_the_chain()
    {
        var story = new Story(Guid.NewGuid());
        var id = await service.Record(story, steps: 4);
        await service.Sql(
            """
            insert into {events}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, user_name)
            values (nextval('{events}.mt_events_sequence'), gen_random_uuid(), $1, 5, '{}', 'surgery-planning.future-thing.v1', now(), '*DEFAULT*', $2, 'newer-service')
            """, id, NewerServiceType);
        await service.Sql("update {events}.mt_streams set version = 5 where id = $1", id);

        // The daemon passes over types it does not know; the chain picks the event up with the stream's next one.
        await service.Append(id, "coordinator-1", false, story.Eligible());

        await Eventually.True(async () => (await auditor.Verification(id)).GetProperty("sealedVersion").GetInt64() == 6,
            TimeSpan.FromSeconds(30), "the events after the unknown one to be sealed");
        Assert.Equal("intact", (await auditor.Verification(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_auditors_may_read_the_audit_api()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), steps: 1);

        var coordinator = await service.Factory.ClientAs(Roles.Coordinator).GetAsync($"/pathways/{id}/history");
        var anonymous = await service.Factory.CreateClient().GetAsync($"/pathways/{id}/history");

        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_unknown_pathway_is_404_and_bad_parameters_are_400_naming_each_field()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), steps: 1);

        var missing = await auditor.GetAsync($"/pathways/{Guid.NewGuid()}/history");
        var bad = await auditor.GetAsync($"/pathways/{id}/history?from=yesterday&pageSize=0");
        var both = await auditor.GetAsync($"/pathways/{id}/state?asOf=2026-01-01T00:00:00Z&version=2");

        await missing.Problem(HttpStatusCode.NotFound);
        var problem = await bad.Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["from", "pageSize"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["version"], (await both.Problem(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }
}
