using System.Diagnostics.Metrics;
using HccPathway.Contracts;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HccPathway.ServiceDefaults.Messaging;

public sealed class RelayWatchdogOptions
{
    /// <summary>
    /// Off only to prove the relay needs no rescue: the soak runs with it off (deploy/local/soak.sh --no-watchdog), so a
    /// relay that stands still shows as a loss instead of being restarted.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the relay may stand still while events of its types wait below the high water mark.</summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// The daemon's coordinator restarts a relay agent that is missing or paused, not one that has stopped for good or
/// stands still without a word; the events behind it would then never be published. This watchdog sees the relay's
/// position stand still while events of its types wait below the high water mark and stops the agent, so the
/// coordinator starts it afresh from its checkpoint. Nothing is skipped: the agent resumes after the last page it
/// committed, and publishing again what was in flight is what at-least-once delivery allows. It only acts where the
/// agent runs, so among replicas only the one holding the daemon's lock does.
/// </summary>
public sealed partial class RelayWatchdog(
    Marten.Events.Daemon.Coordination.IProjectionCoordinator coordinator,
    IDocumentStore store,
    RelayedEvents relayed,
    IOptions<RelayWatchdogOptions> options,
    TimeProvider clock,
    ILogger<RelayWatchdog> logger) : BackgroundService
{
    /// <summary>The meter of <see cref="Interventions"/>, for OpenTelemetry (see Extensions.AddServiceDefaults).</summary>
    public const string MeterName = "HccPathway.Relay";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Each agent the watchdog stopped, by shard and by why the daemon had stopped or paused it (if it said).</summary>
    private static readonly Counter<long> Interventions = Meter.CreateCounter<long>(
        "hcc.relay.watchdog.interventions", description: "Relay agents stopped by the watchdog so the daemon starts them again");

    private readonly string shard = $"{relayed.Service}-relay:All";
    private readonly string[] typeNames = EventCatalog.All.Where(c => relayed.Types.Contains(c.Type)).Select(c => c.Name).ToArray();
    private long restarts;

    /// <summary>Agents this watchdog has stopped so they would be started again.</summary>
    public long Restarts => Interlocked.Read(ref restarts);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(shard);
            return;
        }

        long? position = null;
        var stillSince = clock.GetUtcNow();
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var daemon = coordinator.DaemonForMainDatabase();
                var agent = daemon.CurrentAgents().FirstOrDefault(a => a.Name.Identity == shard);
                var highWater = daemon.HighWaterMark();
                if (agent is null || agent.Position != position || agent.Position >= highWater
                    || !await EventsWaiting(agent.Position, highWater, stoppingToken))
                {
                    position = agent?.Position;
                    stillSince = clock.GetUtcNow();
                    continue;
                }

                if (clock.GetUtcNow() - stillSince < options.Value.StallAfter)
                {
                    continue;
                }

                // The category (never the detail, which may quote an event) says why the daemon gave up on the agent.
                var category = agent.Failure?.Category.ToString() ?? "none";
                LogRestarting(shard, agent.Position, highWater, agent.Status.ToString(), category);
                await daemon.StopAgentAsync(shard).WaitAsync(TimeSpan.FromSeconds(30), stoppingToken);
                Interlocked.Increment(ref restarts);
                Interventions.Add(1, new KeyValuePair<string, object?>("shard", shard), new KeyValuePair<string, object?>("failure", category));
                position = null;
                stillSince = clock.GetUtcNow();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogCheckFailed(shard, ex.GetType().Name);
            }
        }
    }

    private async Task<bool> EventsWaiting(long after, long upTo, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var schema = store.Options.Events.DatabaseSchemaName;
        var waiting = await session.AdvancedSql.QueryAsync<bool>(
            $"select exists (select 1 from {schema}.mt_events where seq_id > ? and seq_id <= ? and type = any(?))",
            cancellation, after, upTo, typeNames);
        return waiting.Single();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Relay {Shard} has stood still at {Position} ({Status}, failure {Failure}) with its events waiting up to {HighWater}; stopping it so it starts again")]
    private partial void LogRestarting(string shard, long position, long highWater, string status, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay watchdog for {Shard} is disabled (Pathway:RelayWatchdog:Enabled)")]
    private partial void LogDisabled(string shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay watchdog check for {Shard} failed: {Error}")]
    private partial void LogCheckFailed(string shard, string error);
}
