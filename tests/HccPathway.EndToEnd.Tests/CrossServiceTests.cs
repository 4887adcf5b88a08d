using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.DemoData;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using JasperFx;
using Weasel.Core;
using Weasel.Postgresql;

namespace HccPathway.EndToEnd.Tests;

/// <summary>What the architecture promises across services: relays that all advance, idempotent planning, and a schema that a restart leaves alone.</summary>
public sealed class CrossServiceTests(PathwaySystem system) : IClassFixture<PathwaySystem>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<ConversionJourney> EnrolledWithBaselineImaging(string mrn)
    {
        var j = await ConversionJourney.Register(system.ClinicianApi(), Today.AddDays(-30), mrn, "Test Patient", new DateOnly(1970, 2, 2));
        await j.RecordBaseline();
        await j.DecideEligibility();
        await j.Enrol();
        await j.Planned();
        await j.BaselineImaging();
        return j;
    }

    [Fact]
    public async Task Every_services_relay_publishes_its_own_events_in_one_run_so_the_HotCold_leader_locks_do_not_starve_each_other()
    {
        var j = await EnrolledWithBaselineImaging("MRN-E2E-RELAY");

        foreach (var owner in new[] { Owners.Intake, Owners.Scheduling, Owners.Assessment, Owners.SurgeryPlanning })
        {
            var names = EventCatalog.OwnedBy(owner).Select(e => e.Name).ToHashSet();
            await Eventually.True(() => Task.FromResult(system.StreamOnWire(j.PathwayId).Any(e => names.Contains(e.Name))),
                TimeSpan.FromSeconds(30), $"an event of {owner} on RabbitMQ");
        }

        // Each message names its owner's stored event name and its place in the one shared stream.
        var stream = system.StreamOnWire(j.PathwayId);
        Assert.All(stream, e => Assert.NotNull(EventCatalog.All.SingleOrDefault(c => c.Name == e.Name)));
    }

    [Fact]
    public async Task A_duplicated_PatientEnrolled_delivery_plans_the_regimen_once()
    {
        var j = await EnrolledWithBaselineImaging("MRN-E2E-DUP");
        var original = await system.Wire.Next<PatientEnrolled>(j.PathwayId);
        await system.Wire.Next<RegimenPlanned>(j.PathwayId);
        var enrolled = original.Message.Deserialize<PatientEnrolled>(JsonSerializerOptions.Web)!;
        var queues = new RabbitMqQueues(system.Infrastructure.RabbitMq);
        var before = (await queues.Matching("patient-enrolled")).ToDictionary(q => q.Name, q => q.Acknowledged);
        Assert.Equal(3, before.Count); // Scheduling, Assessment and Surgery planning consume the enrolment.
        var versionBefore = await Version(j.PathwayId);

        // The same message again (a redelivery), and the same event under a new message id (a second relay's copy).
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(system.Infrastructure.RabbitMq));
        await bus.StartAsync();
        var secondCopy = Guid.NewGuid();
        try
        {
            await bus.Publish(enrolled, c => c.MessageId = original.MessageId);
            await bus.Publish(enrolled, c => c.MessageId = secondCopy);
        }
        finally
        {
            await bus.StopAsync();
        }

        await Eventually.True(async () => (await queues.Matching("patient-enrolled"))
                .All(q => q.Messages == 0 && q.Acknowledged >= before[q.Name] + 2),
            TimeSpan.FromSeconds(45), "every consumer to acknowledge both copies");
        await using (var scheduling = system.Scheduling.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            Assert.NotNull(await scheduling.LoadAsync<ProcessedMessage>($"scheduling-plan-regimen/{secondCopy}"));
        }

        var therapy = await j.Therapy();
        Assert.Single(therapy.GetProperty("items").EnumerateArray(), i => i.GetProperty("itemType").GetString() == "lenvatinib-start");
        Assert.Equal(versionBefore, await Version(j.PathwayId));
        Assert.Single(system.StreamOnWire(j.PathwayId), e => e.Name == "scheduling.regimen-planned.v1");
    }

    [Fact]
    public async Task Starting_every_service_again_on_the_same_schemas_changes_nothing_in_the_schema_and_keeps_the_data()
    {
        var j = await EnrolledWithBaselineImaging("MRN-E2E-RESTART");

        await system.StopServices();
        await system.StartServices();

        foreach (var (service, store) in system.Stores())
        {
            var migration = await store.Storage.Database.CreateMigrationAsync();
            var sql = new StringWriter();
            migration.WriteAllUpdates(sql, new PostgresqlMigrator(), AutoCreate.CreateOrUpdate);
            Assert.True(migration.Difference == SchemaPatchDifference.None, $"{service}: {migration.Difference}\n{sql}");
        }

        // The data is still there and the restarted services still cooperate: a new actual reaches RabbitMQ.
        var summary = await system.ClinicianApi().Summary(j.PathwayId);
        Assert.Equal("Enrolled", summary.Str("phase"));
        var restarted = new ConversionJourney(system.ClinicianApi(), j.PathwayId, j.EnrolledOn);
        var started = await restarted.StartLenvatinib();
        var message = (await system.Wire.Next<LenvatinibStarted>(j.PathwayId)).Message;
        Assert.Equal(started, message.Date("startedOn"));
    }

    private async Task<long> Version(Guid id)
    {
        await using var session = system.Intake.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))!.Version;
    }
}
