using HccPathway.ServiceDefaults.EventStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace HccPathway.ServiceDefaults.Deadlines;

/// <summary>
/// Runs a service's deadline sweep on Quartz.NET's clustered ADO job store in the pathway database: every replica
/// joins one cluster per service (the scheduler name), a firing is taken by one of them, and a replica that dies
/// has its firing recovered by another. No in-memory timer: the trigger lives in the store, and after downtime its
/// missed firings become one firing at once. The sweep also runs at every start of every replica (Quartz's
/// <c>RunAtStartup</c>, besides the interval trigger, which is stored starting now), so a restart catches up at once
/// instead of one interval later; the job is not concurrent, so the two wait for each other. The tables are Quartz's own (prefix <c>qrtz_</c>), created from its PostgreSQL DDL at
/// start when absent.
/// </summary>
public static class DeadlineScheduling
{
    /// <summary>The job and trigger group, and the prefix of the scheduler name.</summary>
    public const string Group = "deadlines";

    public static IHostApplicationBuilder AddDeadlineSweep<TSweep>(this IHostApplicationBuilder builder, string service, TimeSpan interval)
        where TSweep : class, IDeadlineSweep
    {
        var connectionString = builder.Configuration.RequireConnectionString("pathway");
        var job = new JobKey($"{service}-sweep", Group);
        builder.Services.AddSingleton<IDeadlineSweep, TSweep>();
        builder.Services.AddSingleton<DeadlineSweepRuns>();
        builder.Services.AddQuartz(quartz =>
        {
            // One cluster per service and documents schema: the replicas of a service elect each other, and neither
            // another service nor a deployment (or test run) on other schemas of the same database joins them.
            // The instance id is generated per replica, as clustering requires.
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = $"{Group}-{PathwayEventStore.DocumentsSchema(builder.Configuration, service)}");
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseClustering();
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
            quartz.AddJob<DeadlineSweepJob>(j => j.WithIdentity(job).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(job)
                .WithIdentity($"{service}-every-interval", Group)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
            quartz.RunAtStartup(job);
        });
        builder.Services.AddHostedService(services => new DeadlineSchedulerHost(services.GetRequiredService<ISchedulerFactory>(), connectionString));
        return builder;
    }
}
