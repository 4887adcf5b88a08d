using System.Net;
using HccPathway.Audit.Reads;
using HccPathway.Audit.Tests.Support;

namespace HccPathway.Audit.Tests.Api;

public sealed class AuditedReadsTests(AuditService service) : IClassFixture<AuditService>
{
    [Fact]
    public async Task Every_read_is_recorded_with_who_what_and_which_pathway_and_never_changes_the_pathway()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), steps: 5);
        var versionBefore = await service.Scalar<long>("select version from {events}.mt_streams where id = $1", id);
        var eventsBefore = await service.Scalar<long>("select count(*) from {events}.mt_events where stream_id = $1", id);
        var auditor = service.Auditor("auditor-42");

        await auditor.History(id);
        await auditor.History(id, "pageSize=200");
        await auditor.State(id, "version=2");
        await auditor.Verification(id);
        await auditor.GetStringAsync($"/pathways/{id}/fhir");
        await service.AuditorWithIdentityPermission("auditor-phi").GetStringAsync($"/pathways/{id}/fhir?identity=true");

        var reads = (await service.Auditor("supervisor").Json($"/reads?pathwayId={id}")).Items();
        Assert.Equal(
            [AuditReadKinds.FhirExport, AuditReadKinds.FhirExport, AuditReadKinds.History, AuditReadKinds.History, AuditReadKinds.Replay, AuditReadKinds.Verify],
            reads.Where(r => r.GetProperty("what").GetString() != AuditReadKinds.ReadLog).Select(r => r.GetProperty("what").GetString()).Order());
        Assert.Contains(reads, r => r.GetProperty("what").GetString() == AuditReadKinds.Replay && r.GetProperty("query").GetString() == "version=2");
        Assert.Contains(reads, r => r.GetProperty("what").GetString() == AuditReadKinds.History && r.GetProperty("query").GetString() == "page=1&pageSize=200");
        Assert.Contains(reads, r => r.GetProperty("actor").GetString() == "auditor-phi" && r.GetProperty("identityDisclosed").GetBoolean());
        Assert.Equal(5, reads.Count(r => r.GetProperty("actor").GetString() == "auditor-42" && !r.GetProperty("identityDisclosed").GetBoolean()));
        Assert.Equal(versionBefore, await service.Scalar<long>("select version from {events}.mt_streams where id = $1", id));
        Assert.Equal(eventsBefore, await service.Scalar<long>("select count(*) from {events}.mt_events where stream_id = $1", id));
    }

    [Fact]
    public async Task A_read_of_an_unknown_pathway_is_recorded_as_not_found()
    {
        var unknown = Guid.NewGuid();

        var response = await service.Auditor("curious").GetAsync($"/pathways/{unknown}/state");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var read = Assert.Single((await service.Auditor().Json($"/reads?pathwayId={unknown}&actor=curious")).Items());
        Assert.False(read.GetProperty("found").GetBoolean());
    }
}
