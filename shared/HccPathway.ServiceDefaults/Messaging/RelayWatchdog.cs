using HccPathway.Contracts;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HccPathway.ServiceDefaults.Messaging;

public sealed class RelayWatchdogOptions
{
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
    private readonly string shard = $"{relayed.Service}-relay:All";
    private readonly string[] typeNames = EventCatalog.All.Where(c => relayed.Types.Contains(c.Type)).Select(c => c.Name).ToArray();
    private long restarts;

    /// <summary>Agents this watchdog has stopped so they would be started again.</summary>
    public long Restarts => Interlocked.Read(ref restarts);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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

                LogRestarting(shard, agent.Position, highWater, agent.Status.ToString());
                await daemon.StopAgentAsync(shard).WaitAsync(TimeSpan.FromSeconds(30), stoppingToken);
                Interlocked.Increment(ref restarts);
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
        Message = "Relay {Shard} has stood still at {Position} ({Status}) with its events waiting up to {HighWater}; stopping it so it starts again")]
    private partial void LogRestarting(string shard, long position, long highWater, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay watchdog check for {Shard} failed: {Error}")]
    private partial void LogCheckFailed(string shard, string error);
}
