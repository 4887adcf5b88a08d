using System.Text.Json;
using HccPathway.Audit.Tamper;
using HccPathway.Audit.Tests.Support;
using HccPathway.Testing;
using Marten;

namespace HccPathway.Audit.Tests.Api;

/// <summary>Tampering with the stored rows directly in SQL, in this test class's own events schema.</summary>
public sealed class TamperEvidenceTests(AuditService service) : IClassFixture<AuditService>
{
    private const int Steps = 7;
    private readonly HttpClient auditor = service.Auditor();

    private async Task<Guid> SealedPathway()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), Steps);
        var version = await service.Scalar<long>("select max(version) from {events}.mt_events where stream_id = $1", id);
        await Eventually.True(async () => (await auditor.Verification(id)).GetProperty("sealedVersion").GetInt64() == version,
            TimeSpan.FromSeconds(60), "the hash chain to seal the pathway");
        return id;
    }

    private async Task<JsonElement> Finding(Guid id)
    {
        var result = await auditor.Verification(id);
        Assert.Equal(VerificationStatuses.Tampered, result.GetProperty("status").GetString());
        return result.GetProperty("firstFinding");
    }

    [Fact]
    public async Task An_untouched_pathway_verifies_intact_up_to_its_last_version()
    {
        var id = await SealedPathway();

        var result = await auditor.Verification(id);

        Assert.Equal(VerificationStatuses.Intact, result.GetProperty("status").GetString());
        Assert.Equal(0, result.GetProperty("unsealedEvents").GetInt32());
        Assert.Equal(64, result.GetProperty("headChainHash").GetString()!.Length);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("firstFinding").ValueKind);
    }

    [Fact]
    public async Task Updating_an_events_data_is_reported_as_that_event_modified()
    {
        var id = await SealedPathway();

        await service.Sql("update {events}.mt_events set data = jsonb_set(data, '{Eligible}', 'false') where stream_id = $1 and version = 3", id);

        var finding = await Finding(id);
        Assert.Equal((FindingKinds.Modified, 3), (finding.GetProperty("kind").GetString(), finding.GetProperty("version").GetInt32()));
        Assert.Contains("data", finding.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Updating_who_recorded_an_event_is_reported_as_its_metadata_modified()
    {
        var id = await SealedPathway();

        await service.Sql("update {events}.mt_events set user_name = 'someone-else' where stream_id = $1 and version = 4", id);

        var finding = await Finding(id);
        Assert.Equal((FindingKinds.Modified, 4), (finding.GetProperty("kind").GetString(), finding.GetProperty("version").GetInt32()));
        Assert.Contains("metadata", finding.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Deleting_an_event_row_is_reported_as_that_event_deleted()
    {
        var id = await SealedPathway();
        var deleted = await service.Scalar<Guid>("select id from {events}.mt_events where stream_id = $1 and version = 2", id);

        await service.Sql("delete from {events}.mt_events where stream_id = $1 and version = 2", id);

        var finding = await Finding(id);
        Assert.Equal((FindingKinds.Deleted, 2), (finding.GetProperty("kind").GetString(), finding.GetProperty("version").GetInt32()));
        Assert.Equal(deleted, finding.GetProperty("eventId").GetGuid());
    }

    [Fact]
    public async Task Swapping_two_events_versions_is_reported_as_reordered()
    {
        var id = await SealedPathway();

        await service.Sql("update {events}.mt_events set version = -1 where stream_id = $1 and version = 2", id);
        await service.Sql("update {events}.mt_events set version = 2 where stream_id = $1 and version = 3", id);
        await service.Sql("update {events}.mt_events set version = 3 where stream_id = $1 and version = -1", id);

        var finding = await Finding(id);
        Assert.Equal((FindingKinds.Reordered, 2), (finding.GetProperty("kind").GetString(), finding.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Inserting_a_row_among_sealed_events_is_reported_as_inserted()
    {
        var id = await SealedPathway();

        // Make room at version 3, then forge a copy of version 2 there.
        await service.Sql("update {events}.mt_events set version = -version where stream_id = $1 and version >= 3", id);
        await service.Sql("update {events}.mt_events set version = 1 - version where stream_id = $1 and version < 0", id);
        await service.Sql(
            """
            insert into {events}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, user_name)
            select nextval('{events}.mt_events_sequence'), gen_random_uuid(), stream_id, 3, data, type, timestamp, tenant_id, mt_dotnet_type, 'forger'
            from {events}.mt_events where stream_id = $1 and version = 2
            """, id);
        var forged = await service.Scalar<Guid>("select id from {events}.mt_events where stream_id = $1 and version = 3", id);

        var finding = await Finding(id);
        Assert.Equal((FindingKinds.Inserted, 3), (finding.GetProperty("kind").GetString(), finding.GetProperty("version").GetInt32()));
        Assert.Equal(forged, finding.GetProperty("eventId").GetGuid());
    }

    [Fact]
    public async Task Erasing_the_patients_identity_keeps_the_chain_intact_and_is_noted()
    {
        var id = await SealedPathway();

        await service.Store.Advanced.ApplyEventDataMasking(x => x.IncludeStream(id));

        var result = await auditor.Verification(id);
        Assert.Equal(VerificationStatuses.Intact, result.GetProperty("status").GetString());
        Assert.Contains("erased", Assert.Single(result.GetProperty("notes").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Events_appended_later_are_sealed_too_and_extend_the_chain()
    {
        var id = await SealedPathway();
        var before = (await auditor.Verification(id)).GetProperty("headChainHash").GetString();
        var story = new Story(id);

        await service.Append(id, "coordinator-1", false, story.LenvatinibStarted());
        var version = await service.Scalar<long>("select max(version) from {events}.mt_events where stream_id = $1", id);

        await Eventually.True(async () => (await auditor.Verification(id)).GetProperty("sealedVersion").GetInt64() == version,
            TimeSpan.FromSeconds(30), "the new event to be sealed");
        var after = await auditor.Verification(id);
        Assert.Equal(VerificationStatuses.Intact, after.GetProperty("status").GetString());
        Assert.NotEqual(before, after.GetProperty("headChainHash").GetString());
    }

    [Fact]
    public async Task Pathways_appended_together_are_sealed_together_and_each_verifies_intact()
    {
        // Appended at once, their events fall into the same daemon pages: one read of all heads, one of all events
        // after them and one multi-row write of the seals per page must still give every stream its own intact chain.
        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => service.Record(new Story(Guid.NewGuid()), Steps)));

        var heads = new HashSet<string>();
        foreach (var id in ids)
        {
            var version = await service.Scalar<long>("select max(version) from {events}.mt_events where stream_id = $1", id);
            await Eventually.True(async () => (await auditor.Verification(id)).GetProperty("sealedVersion").GetInt64() == version,
                TimeSpan.FromSeconds(60), "the hash chain to seal every pathway");
            var result = await auditor.Verification(id);
            Assert.Equal(VerificationStatuses.Intact, result.GetProperty("status").GetString());
            Assert.Equal(0, result.GetProperty("unsealedEvents").GetInt32());
            heads.Add(await service.Scalar<string>("select data ->> 'ChainHash' from {docs}.mt_doc_chainhead where id = $1", id));
        }

        Assert.Equal(ids.Length, heads.Count);
    }
}
