using System.Text.Json.Nodes;
using HccPathway.Audit.Anchor;
using HccPathway.Audit.Tamper;
using HccPathway.Audit.Tests.Support;

namespace HccPathway.Audit.Tests.Anchor;

/// <summary>The checkpoint log edited by hand: in a class of its own, since the service then refuses to extend it.</summary>
public sealed class CheckpointLogTamperTests(AnchoredAuditService service) : IClassFixture<AnchoredAuditService>
{
    private readonly HttpClient auditor = service.Auditor();

    [Fact]
    public async Task A_checkpoint_line_whose_signature_does_not_verify_is_reported_and_not_built_upon()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), steps: 3);
        await service.CheckpointAnchoring(id, 3);
        Assert.Equal(AnchorStatuses.Anchored, (await auditor.Verification(id)).GetProperty("anchor").GetProperty("status").GetString());

        // The chain hash in the first checkpoint changed, as it would be to match a rewritten database; the signature kept.
        var lines = service.Lines().ToList();
        var forged = JsonNode.Parse(lines[0])!.AsObject();
        forged["streams"]![0]!["chainHash"] = new string('a', 64);
        lines[0] = forged.ToJsonString();
        await File.WriteAllTextAsync(service.LogPath, string.Join('\n', lines) + "\n");

        var result = await auditor.Verification(id);
        Assert.Equal(VerificationStatuses.Tampered, result.GetProperty("status").GetString());
        var anchor = result.GetProperty("anchor");
        Assert.Equal(AnchorStatuses.Invalid, anchor.GetProperty("status").GetString());
        Assert.Contains("line 1", anchor.GetProperty("detail").GetString());
        Assert.Contains("signature does not verify", anchor.GetProperty("detail").GetString());

        // Nothing more is appended to a log that does not verify.
        await service.Append(id, "dr-house", false, new Story(id).Enrolled());
        await service.WaitUntilSealed(id, 4);
        await service.Rounds(4);
        Assert.Equal(lines.Count, service.Lines().Count);
    }
}
