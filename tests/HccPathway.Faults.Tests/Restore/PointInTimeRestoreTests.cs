using System.Diagnostics;
using System.Text.Json;
using HccPathway.DemoData;
using HccPathway.Testing;
using Xunit.Abstractions;

namespace HccPathway.Faults.Tests.Restore;

/// <summary>
/// Backup and point-in-time restore, end to end on real processes: a base backup of a private PostgreSQL that archives
/// its WAL, part of a pathway through the services' public APIs, a recorded point in time T in the middle of it, more
/// of the pathway, then a restore to T into a fresh data directory (the documented procedure: deploy/local/restore.sh
/// and deploy/local/after-restore.sql) and the services started again on the restored store.
/// </summary>
public sealed class PointInTimeRestoreTests(ITestOutputHelper output)
{
    private const string Enrolled = "intake.patient-enrolled.v1";
    private const string RegimenPlanned = "scheduling.regimen-planned.v1";
    private const string AssessmentStarted = "assessment.response-assessment-started.v1";
    private const string AdverseEventReported = "assessment.adverse-event-reported.v1";
    private const string TreatmentHeld = "scheduling.treatment-held.v1";
    private const string MarkersRecorded = "assessment.tumour-markers-recorded.v1";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Restoring_to_a_point_in_the_middle_of_a_pathway_keeps_exactly_what_was_committed_before_it_and_the_services_carry_on()
    {
        var clock = Stopwatch.StartNew();
        await using var system = await RestorableSystem.Start();
        var backup = await system.Postgres.BaseBackup();
        Log(clock, "services up, base backup taken");

        var api = system.Clinician();
        var enrolledOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);

        // Before T. Patient A enrolled: Scheduling plans the regimen and Assessment starts the response assessment
        // (both consumers of the enrolment); lenvatinib started.
        var a = await ConversionJourney.Register(api, enrolledOn, "PITR-A", "Restore Patient A", new DateOnly(1961, 3, 2));
        await a.RecordBaseline();
        await a.DecideEligibility();
        await a.Enrol();
        await a.Planned();
        await Eventually.True(async () => (await system.Events()).Any(e => e.Stream == a.PathwayId && e.Type == AssessmentStarted), Wait,
            "Assessment's reaction to the enrolment of A");
        await a.StartLenvatinib();

        // Patient B half-way through intake.
        var b = await ConversionJourney.Register(api, enrolledOn, "PITR-B", "Restore Patient B", new DateOnly(1958, 7, 19), "female");
        await b.RecordBaseline();

        // The adverse event on A is relayed before T but handled by Scheduling only after it: Scheduling is down, so at T
        // the message waits in its queue while the Assessment relay's checkpoint is already past the event. The restore
        // takes the hold away (it was committed after T); the relays' rewind must bring it back.
        await Eventually.True(async () => (await system.Events()).All(e => system.Wire.Saw(e.Id)), Wait, "Scheduling's events relayed");
        await system.Scheduling.Kill();
        var adverseEventId = Guid.NewGuid();
        await api.ReportAdverseEvent(a.PathwayId, adverseEventId, "Rash maculo-papular", 3, enrolledOn.AddDays(5), "camrelizumab");
        var reported = (await system.Events()).Single(e => e.Type == AdverseEventReported);
        await Eventually.True(async () => system.Wire.Saw(reported.Id) && await system.Progress("assessment-relay:All") >= reported.Sequence, Wait,
            "the adverse event relayed and the relay's checkpoint past it");

        // Every other effect settled and every event sealed by the audit chain, so that T is a quiet point.
        await Eventually.True(async () =>
        {
            var events = await system.Events();
            return events.All(e => system.Wire.Saw(e.Id)) && await system.Progress("audit-hash-chain:All") >= events[^1].Sequence;
        }, Wait, "every event before T relayed and sealed");
        using var auditor = system.Auditor();
        var pathwaysBeforeT = new[] { a.PathwayId, b.PathwayId };
        var sealedAtT = new Dictionary<Guid, JsonElement>();
        foreach (var id in pathwaysBeforeT)
        {
            sealedAtT[id] = await Verified(auditor, id, v => v.GetProperty("unsealedEvents").GetInt32() == 0);
        }

        var beforeT = await system.Events();
        var t = await system.Postgres.ServerNow();
        Assert.Equal(beforeT, await system.Events());
        await system.Postgres.ArchiveCurrentWal();
        var processedAtT = await system.ProcessedByConsumer();
        Log(clock, $"T = {t:O}: {beforeT.Count} events, WAL archived");

        // After T: Scheduling comes back and holds camrelizumab; B is enrolled (its regimen planned); C registered; a
        // tumour marker sample on A.
        await system.Scheduling.Start();
        await api.TherapyWhen(a.PathwayId, therapy => ConversionJourney.OpenHold(therapy, "camrelizumab") is not null, "the camrelizumab hold", Wait);
        await b.DecideEligibility();
        await b.Enrol();
        await api.PlannedTherapy(b.PathwayId, Wait);
        var c = await ConversionJourney.Register(api, enrolledOn, "PITR-C", "Restore Patient C", new DateOnly(1970, 1, 30));
        await api.RecordMarkers(a.PathwayId, ClinicalBodies.NormalMarkers(enrolledOn.AddDays(10)));
        await Eventually.True(async () =>
        {
            var events = await system.Events();
            return events.Count(e => e.Type == AssessmentStarted) == 2 && events.All(e => system.Wire.Saw(e.Id));
        }, Wait, "everything after T relayed and handled");
        var beforeRestore = await system.Events();
        var afterT = beforeRestore.Where(e => !beforeT.Contains(e)).ToList();
        Assert.Contains(afterT, e => e.Type == TreatmentHeld && e.Stream == a.PathwayId);
        Assert.Contains(afterT, e => e.Type == Enrolled && e.Stream == b.PathwayId);
        Assert.Contains(afterT, e => e.Stream == c.PathwayId);
        Assert.Contains(afterT, e => e.Type == MarkersRecorded);
        await system.Postgres.ArchiveCurrentWal();
        Log(clock, $"{afterT.Count} events after T, WAL archived");

        // Stop everything that writes, restore to T into a fresh data directory, and rewind the relays.
        foreach (var service in system.Services)
        {
            await service.Kill();
        }

        await system.Postgres.RestoreTo(backup, t);
        Log(clock, "restored to T");

        // (a) Exactly the events committed up to T: none lost, none of those after T, same sequence, ids and versions.
        var restored = await system.Events();
        Assert.Equal(beforeT, restored);
        Assert.DoesNotContain(restored, e => afterT.Any(x => x.Id == e.Id));
        Assert.Equal(Text(processedAtT), Text(await system.ProcessedByConsumer()));

        // What the rewind is for: the adverse event is there, its hold is not, and the relay would never send it again.
        Assert.DoesNotContain(restored, e => e.Type == TreatmentHeld);
        Assert.True(await system.Progress("assessment-relay:All") >= reported.Sequence);
        var rewound = await system.Postgres.Sql(await File.ReadAllTextAsync(AfterRestoreSql()));
        output.WriteLine("after-restore.sql: " + rewound.Trim().Replace('\n', ' '));
        Assert.Equal(0, await system.Progress("assessment-relay:All"));
        Assert.Equal(0, await system.Progress("intake-relay:All"));

        // (b) The audit chain verifies up to T: every pathway intact, sealed where it was at T, with the same chain hash;
        // the history holds exactly the events before T. Audit and the relays of Intake and Assessment run first, without
        // Scheduling, so nothing new is appended to the pathways while this is checked.
        var deliveriesBefore = system.Wire.Deliveries;
        await system.Intake.Start();
        await system.Assessment.Start();
        await system.Audit.Start();
        using var auditorAfter = system.Auditor();
        foreach (var id in pathwaysBeforeT)
        {
            var verification = await Verified(auditorAfter, id, _ => true);
            output.WriteLine($"{id}: {verification}");
            Assert.Equal(sealedAtT[id].GetProperty("sealedVersion").GetInt64(), verification.GetProperty("sealedVersion").GetInt64());
            Assert.Equal(sealedAtT[id].GetProperty("headChainHash").GetString(), verification.GetProperty("headChainHash").GetString());
            Assert.Equal(0, verification.GetProperty("unsealedEvents").GetInt32());
            var history = await PathwayClient.Get(auditorAfter, $"/pathways/{id}/history");
            Assert.Equal(
                beforeT.Where(e => e.Stream == id).Select(e => e.Type),
                history.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("name").GetString()!));
        }

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await auditorAfter.GetAsync($"/pathways/{c.PathwayId}/verification")).StatusCode);
        Log(clock, "audit verified up to T");

        // (c) The relays resume from the start: events before T go out again, and the consumers absorb what they had
        // handled (no second regimen, no second response assessment) and handle what the restore took away (the hold).
        await system.Scheduling.Start();
        await Eventually.True(async () =>
        {
            var events = await system.Events();
            return events.Any(e => e.Type == TreatmentHeld) && events.All(e => system.Wire.Saw(e.Id))
                   && (await system.ProcessedIds("scheduling", "scheduling-ae-reported")).Contains(reported.Id);
        }, Wait, "the relays caught up after the restore and the hold handled again");
        var resumed = await system.Events();
        Assert.True(system.Wire.Deliveries - deliveriesBefore >= beforeT.Count(e => e.Type.StartsWith("intake.", StringComparison.Ordinal)),
            "The relays did not publish the events before T again.");
        await AssertEveryEffectOnce(system, resumed);
        var hold = Assert.Single(await system.EffectsOf(TreatmentHeld));
        Assert.Equal(reported.Id.ToString(), hold.Causation);
        Log(clock, $"relays resumed: {system.Wire.Deliveries - deliveriesBefore} deliveries after the restore, {system.Wire.Duplicates} duplicates in all");

        // (d) The services accept new commands on the restored store: a tumour marker sample is recorded and relayed, a
        // new patient is enrolled and planned, and the audit chain seals the new events.
        var markers = await api.RecordMarkers(a.PathwayId, ClinicalBodies.NormalMarkers(enrolledOn.AddDays(12)));
        output.WriteLine("markers: " + markers);
        var d = await ConversionJourney.Register(api, enrolledOn, "PITR-D", "Restore Patient D", new DateOnly(1949, 12, 1));
        await d.RecordBaseline();
        await d.DecideEligibility();
        await d.Enrol();
        await api.PlannedTherapy(d.PathwayId, Wait);
        var marker = Assert.Single(await system.Events(), e => e.Type == MarkersRecorded);
        await Eventually.True(() => Task.FromResult(system.Wire.Saw(marker.Id)), Wait, "the new tumour marker sample on the wire");
        await Eventually.True(async () => (await system.Events()).Count(e => e.Type == AssessmentStarted) == 2, Wait,
            "Assessment's reaction to the enrolment of D");
        var final = await system.Events();
        await AssertEveryEffectOnce(system, final);
        var sealedA = await Verified(auditorAfter, a.PathwayId, v => v.GetProperty("unsealedEvents").GetInt32() == 0
            && v.GetProperty("sealedVersion").GetInt64() == final.Where(e => e.Stream == a.PathwayId).Max(e => e.Version));
        Assert.True(sealedA.GetProperty("sealedVersion").GetInt64() > sealedAtT[a.PathwayId].GetProperty("sealedVersion").GetInt64());
        await Verified(auditorAfter, d.PathwayId, v => v.GetProperty("unsealedEvents").GetInt32() == 0);
        Log(clock, "new commands accepted, relayed and sealed on the restored store");
    }

    /// <summary>
    /// Every enrolment has exactly one regimen plan and one response assessment caused by it, every grade 3 adverse
    /// event suspected of camrelizumab exactly one hold, and each consumer has one idempotency record per message.
    /// </summary>
    private static async Task AssertEveryEffectOnce(RestorableSystem system, IReadOnlyList<StoredEventRow> events)
    {
        foreach (var (cause, effect) in new[] { (Enrolled, RegimenPlanned), (Enrolled, AssessmentStarted), (AdverseEventReported, TreatmentHeld) })
        {
            var effects = await system.EffectsOf(effect);
            foreach (var e in events.Where(e => e.Type == cause))
            {
                var caused = effects.Where(x => x.Causation == e.Id.ToString()).ToList();
                Assert.True(caused.Count == 1, $"{effect} caused by {cause} {e.Id}: {caused.Count}, expected exactly 1");
                Assert.Equal(e.Stream, caused[0].Stream);
            }

            Assert.Equal(events.Count(e => e.Type == cause), effects.Count);
        }

        foreach (var (schema, consumer, reacts) in new[]
                 {
                     ("scheduling", "scheduling-plan-regimen", Enrolled), ("assessment", "assessment-patient-enrolled", Enrolled),
                     ("scheduling", "scheduling-ae-reported", AdverseEventReported),
                 })
        {
            Assert.Equal(events.Where(e => e.Type == reacts).Select(e => e.Id).Order(), (await system.ProcessedIds(schema, consumer)).Order());
        }
    }

    private static async Task<JsonElement> Verified(HttpClient auditor, Guid id, Func<JsonElement, bool> condition)
    {
        JsonElement last = default;
        await Eventually.True(async () =>
        {
            last = await PathwayClient.Get(auditor, $"/pathways/{id}/verification");
            return last.GetProperty("status").GetString() == "intact" && condition(last);
        }, Wait, $"the audit chain of {id} intact");
        return last;
    }

    private static string AfterRestoreSql()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HccPathway.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("No repository root above the test output."),
            "deploy", "local", "after-restore.sql");
    }

    private static string Text(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));

    private void Log(Stopwatch clock, string what) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0} s] {what}");
}
