using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HccPathway.Audit.Anchor;
using HccPathway.Audit.CommandLine;
using HccPathway.Audit.Tamper;
using HccPathway.Audit.Tests.Support;
using HccPathway.Contracts.Audit;
using HccPathway.ServiceDefaults.Tenancy;
using HccPathway.Testing;
using Marten;

namespace HccPathway.Audit.Tests.Anchor;

/// <summary>
/// The chain anchor on real PostgreSQL and RabbitMQ: signed checkpoints in the log and on the broker, and what they
/// catch that the seals in the database cannot, a rewrite of the events together with their seals.
/// </summary>
public sealed class ChainAnchorTests(AnchoredAuditService service) : IClassFixture<AnchoredAuditService>, IAsyncLifetime
{
    private readonly HttpClient auditor = service.Auditor();
    private RabbitMqProbe probe = null!;

    public async Task InitializeAsync() =>
        probe = await RabbitMqProbe.Subscribe(service.Factory.Infrastructure.RabbitMq, typeof(ChainCheckpointedV1));

    public async Task DisposeAsync() => await probe.DisposeAsync();

    [Fact]
    public async Task Sealed_events_are_checkpointed_to_the_log_and_published_with_a_signature_that_verifies()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), steps: 4);

        var line = await service.LineAnchoring(id, 4);

        // Checked as an outsider would, from the line and the public key alone: the signed bytes are the line without
        // its signature, and the key id is the hash of the public key.
        var node = JsonNode.Parse(line)!.AsObject();
        var signature = Convert.FromBase64String(node["signature"]!.GetValue<string>());
        node.Remove("signature");
        var signed = Encoding.UTF8.GetBytes(node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        using var publicKey = service.PublicKey;
        Assert.True(publicKey.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(publicKey.ExportSubjectPublicKeyInfo())), node["keyId"]!.GetValue<string>());

        var checkpoint = CheckpointFormat.Parse(line);
        var verification = await auditor.Verification(id);
        Assert.Equal(Hospitals.MartenDefault, checkpoint.Hospital);
        Assert.Equal(verification.GetProperty("headChainHash").GetString(), checkpoint.Streams.Single(s => s.StreamId == id).ChainHash);
        Assert.True(checkpoint.Sequence >= (await service.StoredEvents(id)).Max(e => e.Sequence));
        Assert.Equal(AnchorStatuses.Anchored, verification.GetProperty("anchor").GetProperty("status").GetString());

        var message = await probe.WaitFor<ChainCheckpointedV1>(m => m.Message.GetProperty("headHash").GetString() == checkpoint.HeadHash);
        var published = message.Message.Deserialize<ChainCheckpointedV1>(JsonSerializerOptions.Web)!;
        Assert.True(CheckpointFormat.SignatureValid(published, publicKey));
        Assert.Equal(line, CheckpointFormat.Line(published));
    }

    [Fact]
    public async Task Rewriting_an_event_and_recomputing_its_seals_in_PostgreSQL_passes_the_seals_but_not_the_anchor()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), steps: 7);
        var version = (await service.StoredEvents(id)).Count;
        var anchored = await service.CheckpointAnchoring(id, version);

        // An attacker with write access to the database changes the eligibility decision, then recomputes the seal of
        // that event and of every later one, and the chain head, so that the chain in the database is consistent again.
        Assert.Equal(1, await service.Sql(
            "update {events}.mt_events set data = jsonb_set(data, '{Eligible}', 'false') where stream_id = $1 and version = 3", id));
        await service.ResealFrom(id, 3);

        var inDatabaseAlone = ChainVerifier.Verify(id, await service.StoredEvents(id), await service.Seals(id));
        Assert.Equal(VerificationStatuses.Intact, inDatabaseAlone.Status);

        var result = await auditor.Verification(id);
        Assert.Equal(VerificationStatuses.Tampered, result.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("firstFinding").ValueKind);
        var anchor = result.GetProperty("anchor");
        Assert.Equal(AnchorStatuses.Mismatch, anchor.GetProperty("status").GetString());
        Assert.Equal(anchored.Sequence, anchor.GetProperty("checkpointSequence").GetInt64());
        Assert.Equal(version, anchor.GetProperty("anchoredVersion").GetInt64());
        Assert.Contains($"sequence {anchored.Sequence}", anchor.GetProperty("detail").GetString());

        var (exit, output) = await service.CommandLine("verify", id.ToString());
        Assert.Equal(AuditCommandLine.Tampered, exit);
        Assert.Contains($"anchor: {AnchorStatuses.Mismatch}", output);
        Assert.Contains($"sequence {anchored.Sequence}", output);
    }

    [Fact]
    public async Task A_rewritten_pathway_that_grows_is_not_anchored_again_on_its_rewritten_chain()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), steps: 5);
        var version = (await service.StoredEvents(id)).Count;
        var anchored = await service.CheckpointAnchoring(id, version);
        Assert.Equal(1, await service.Sql(
            "update {events}.mt_events set user_name = 'someone-else' where stream_id = $1 and version = 2", id));
        await service.ResealFrom(id, 2);

        // The pathway grows on the rewritten chain; a later pathway shows the anchor has run past it.
        await service.Append(id, "coordinator-1", false, new Story(id).LenvatinibStarted());
        await service.WaitUntilSealed(id, version + 1);
        var later = await service.Record(new Story(Guid.NewGuid()), steps: 1);
        await service.CheckpointAnchoring(later, 1);

        Assert.DoesNotContain(service.Checkpoints(), c => c.Streams.Any(s => s.StreamId == id && s.Version > version));
        var anchor = (await auditor.Verification(id)).GetProperty("anchor");
        Assert.Equal(AnchorStatuses.Mismatch, anchor.GetProperty("status").GetString());
        Assert.Equal(anchored.Sequence, anchor.GetProperty("checkpointSequence").GetInt64());
    }

    [Fact]
    public async Task Erasing_the_patients_identity_after_it_was_anchored_still_matches_the_anchor()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), steps: 2);
        await service.CheckpointAnchoring(id, 2);

        await service.Store.Advanced.ApplyEventDataMasking(x => x.IncludeStream(id));

        var result = await auditor.Verification(id);
        Assert.Equal(VerificationStatuses.Intact, result.GetProperty("status").GetString());
        Assert.Equal(AnchorStatuses.Anchored, result.GetProperty("anchor").GetProperty("status").GetString());
        Assert.Contains("erased", Assert.Single(result.GetProperty("notes").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task No_checkpoint_is_written_or_published_while_nothing_new_is_sealed()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), steps: 3);
        var first = await service.CheckpointAnchoring(id, 3);
        await probe.WaitFor<ChainCheckpointedV1>(m => m.Message.GetProperty("headHash").GetString() == first.HeadHash);
        var lines = service.Lines().Count;
        var messages = probe.Received.Count;

        await service.Rounds(4);

        Assert.Equal(lines, service.Lines().Count);
        Assert.Equal(messages, probe.Received.Count);

        // And one as soon as something is.
        await service.Append(id, "dr-house", false, new Story(id).Enrolled());
        var next = await service.CheckpointAnchoring(id, 4);
        Assert.Equal(lines + 1, service.Lines().Count);
        Assert.Equal(first.HeadHash, next.PreviousHeadHash);
        Assert.Equal(id, Assert.Single(next.Streams).StreamId);
        Assert.Equal(first.StreamCount, next.StreamCount);
    }
}
