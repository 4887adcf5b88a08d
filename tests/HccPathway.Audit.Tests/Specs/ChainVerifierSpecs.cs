using HccPathway.Audit.Events;
using HccPathway.Audit.Tamper;

namespace HccPathway.Audit.Tests.Specs;

public sealed class ChainVerifierSpecs
{
    private static readonly Guid Stream = Guid.NewGuid();
    private const string Registered = "intake.patient-registered.v1";

    private static readonly IReadOnlyList<StoredEvent> Original =
    [
        Row(1, Registered, """{"Sex": "female", "Identity": {"FullName": "Grace Example", "DateOfBirth": "1961-07-02", "MedicalRecordNumber": "MRN-1"}, "PathwayId": "x"}"""),
        Row(2, "intake.baseline-assessed.v1", """{"AssessedOn": "2026-01-01", "Ecog": 0}"""),
        Row(3, "intake.eligibility-decided.v1", """{"Eligible": true}"""),
        Row(4, "intake.patient-enrolled.v1", """{"WeightKg": 72}"""),
    ];

    private static readonly IReadOnlyList<EventSeal> Seals = SealAll(Original);

    private static StoredEvent Row(long version, string name, string data) => new(
        1000 + version, Guid.NewGuid(), Stream, version, name, null, data, DateTimeOffset.UnixEpoch.AddMinutes(version),
        "*DEFAULT*", "corr-" + version, null, null, "coordinator-1");

    private static List<EventSeal> SealAll(IEnumerable<StoredEvent> rows)
    {
        var previous = EventHashing.Genesis;
        var seals = new List<EventSeal>();
        foreach (var row in rows)
        {
            var seal = HashChainSubscription.Seal(previous, row, DateTimeOffset.UnixEpoch);
            seals.Add(seal);
            previous = seal.ChainHash;
        }

        return seals;
    }

    private static Verification Verify(IReadOnlyList<StoredEvent> stored) => ChainVerifier.Verify(Stream, stored, Seals);

    [Fact]
    public void Given_the_record_as_sealed_then_it_is_intact_with_the_head_hash()
    {
        var result = Verify(Original);

        Assert.Equal(VerificationStatuses.Intact, result.Status);
        Assert.Equal((4, 4L, 0), (result.EventsChecked, result.SealedVersion, result.UnsealedEvents));
        Assert.Equal(Seals[^1].ChainHash, result.HeadChainHash);
        Assert.Null(result.FirstFinding);
    }

    [Fact]
    public void Given_changed_data_then_the_first_finding_is_that_event_modified()
    {
        var result = Verify([Original[0], Original[1] with { Data = """{"AssessedOn": "2026-01-01", "Ecog": 1}""" }, Original[2], Original[3]]);

        Assert.Equal(VerificationStatuses.Tampered, result.Status);
        Assert.Equal((FindingKinds.Modified, 2L), (result.FirstFinding!.Kind, result.FirstFinding.Version));
        Assert.Contains("data", result.FirstFinding.Detail);
    }

    [Fact]
    public void Given_a_changed_user_then_the_metadata_is_reported_modified()
    {
        var result = Verify([Original[0], Original[1], Original[2] with { UserName = "someone-else" }, Original[3]]);

        Assert.Equal((FindingKinds.Modified, 3L), (result.FirstFinding!.Kind, result.FirstFinding.Version));
        Assert.Contains("metadata", result.FirstFinding.Detail);
        Assert.DoesNotContain("data,", result.FirstFinding.Detail);
    }

    [Fact]
    public void Given_a_changed_type_then_the_type_is_reported_modified()
    {
        var result = Verify([Original[0], Original[1], Original[2], Original[3] with { Name = "intake.enrolment-declined.v1" }]);

        Assert.Equal((FindingKinds.Modified, 4L), (result.FirstFinding!.Kind, result.FirstFinding.Version));
        Assert.Contains("type", result.FirstFinding.Detail);
    }

    [Fact]
    public void Given_a_missing_event_in_the_middle_then_it_is_reported_deleted_at_its_version()
    {
        var result = Verify([Original[0], Original[2], Original[3]]);

        Assert.Equal((FindingKinds.Deleted, 2L, Original[1].Id), (result.FirstFinding!.Kind, result.FirstFinding.Version, result.FirstFinding.EventId));
    }

    [Fact]
    public void Given_a_missing_last_event_then_it_is_reported_deleted()
    {
        var result = Verify([Original[0], Original[1], Original[2]]);

        Assert.Equal((FindingKinds.Deleted, 4L), (result.FirstFinding!.Kind, result.FirstFinding.Version));
    }

    [Fact]
    public void Given_two_events_swapped_then_the_first_moved_position_is_reported_reordered()
    {
        var result = Verify([Original[0], Original[2] with { Version = 2 }, Original[1] with { Version = 3 }, Original[3]]);

        Assert.Equal((FindingKinds.Reordered, 2L), (result.FirstFinding!.Kind, result.FirstFinding.Version));
    }

    [Fact]
    public void Given_an_unsealed_event_among_sealed_ones_then_it_is_reported_inserted()
    {
        var forged = Row(2, "intake.baseline-assessed.v1", """{"AssessedOn": "2025-12-01", "Ecog": 0}""");

        var result = Verify([Original[0], forged, .. Original.Skip(1).Select(e => e with { Version = e.Version + 1 })]);

        Assert.Equal((FindingKinds.Inserted, 2L, forged.Id), (result.FirstFinding!.Kind, result.FirstFinding.Version, result.FirstFinding.EventId));
    }

    [Fact]
    public void Given_the_identity_erased_then_the_chain_is_intact_and_the_erasure_is_noted()
    {
        var erased = Original[0] with
        {
            Data = """{"Sex": "female", "Identity": {"FullName": "masked", "DateOfBirth": "0001-01-01", "MedicalRecordNumber": "masked"}, "PathwayId": "x"}""",
        };

        var result = Verify([erased, .. Original.Skip(1)]);

        Assert.Equal(VerificationStatuses.Intact, result.Status);
        Assert.Contains("erased", Assert.Single(result.Notes));
    }

    [Fact]
    public void Given_the_identity_changed_but_not_erased_then_it_is_reported_modified()
    {
        var forged = Original[0] with { Data = Original[0].Data.Replace("MRN-1", "MRN-2", StringComparison.Ordinal) };

        var result = Verify([forged, .. Original.Skip(1)]);

        Assert.Equal((FindingKinds.Modified, 1L), (result.FirstFinding!.Kind, result.FirstFinding.Version));
        Assert.Contains("identity", result.FirstFinding.Detail);
    }

    [Fact]
    public void Given_events_appended_after_the_last_seal_then_they_are_counted_as_not_yet_sealed_not_as_tampering()
    {
        var result = Verify([.. Original, Row(5, "scheduling.regimen-planned.v1", "{}")]);

        Assert.Equal(VerificationStatuses.Intact, result.Status);
        Assert.Equal(1, result.UnsealedEvents);
    }
}
