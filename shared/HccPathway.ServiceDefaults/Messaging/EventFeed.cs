using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using JasperFx.Events;
using Marten;
using MassTransit.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.ServiceDefaults.Messaging;

/// <summary>
/// The catch-up feed: the events a service publishes, read again from the event store in global sequence order, for
/// the caller's hospital. A subscriber that joined late or lost its queue replays from the last sequence it handled,
/// then takes the bus again; deduplicating by <c>messageId</c> (the event id, also the bus message id) makes the
/// overlap harmless. Each entry carries what the bus carries: the message body (identity masked, as published) and
/// the relay's headers. The feed never reads past the event store's high water mark, below which every sequence is
/// either committed or known to be a gap: an event whose transaction is still open there would otherwise appear later
/// with a lower sequence than one already handed out, and a subscriber's cursor would have passed it.
/// </summary>
public static class EventFeed
{
    public const string Route = "/events";
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Maps the feed when the service publishes events (it has a relay); the audit service has none.</summary>
    public static WebApplication MapEventFeed(this WebApplication app)
    {
        if (app.Services.GetService<RelayedEvents>() is not { } relayed)
        {
            return app;
        }

        var published = EventCatalog.All.Where(c => relayed.Types.Contains(c.Type)).Select(c => c.Name).ToArray();

        // Scheduling systems read schedules and nothing else: Scheduling's plan events, not the clinical events
        // (baselines, imaging, adverse events) that the other services publish.
        var policy = relayed.Service == Owners.Scheduling ? Policies.ReadSchedule : Policies.ReadPathway;
        app.MapGet(Route, (long? after, int? limit, string[]? type, IQuerySession session, CancellationToken ct) =>
                Read(session, published, after ?? 0, limit ?? DefaultLimit, type ?? [], ct))
            .RequireAuthorization(policy)
            .WithTags("Event feed")
            .WithName("GetEventFeed")
            .WithSummary("The events this service publishes, after a global sequence number, for the caller's hospital.");
        return app;
    }

    private static async Task<IResult> Read(
        IQuerySession session, string[] published, long after, int limit, string[] types, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (after < 0)
        {
            errors["after"] = ["Must be 0 or a sequence number the feed returned."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"Must be between 1 and {MaxLimit}."];
        }

        var unknown = types.Except(published, StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            errors["type"] = [$"This service does not publish {string.Join(", ", unknown)}; it publishes {string.Join(", ", published)}."];
        }

        if (errors.Count > 0)
        {
            return ProblemResults.From(Rejection.Invalid("The event feed query has invalid parameters.", errors));
        }

        var names = types.Length > 0 ? types : published;
        var highWater = await HighWaterMark(session, ct);
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > after && e.Sequence <= highWater && e.EventTypeName.IsOneOf(names))
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(ct);

        var entries = events.Select(Entry).ToList();
        var last = entries.Count > 0 ? entries[^1].Sequence : Math.Max(after, 0);
        return TypedResults.Ok(new EventFeedPage(entries, last, CaughtUp: entries.Count < limit));
    }

    private static EventFeedEntry Entry(IEvent e) => new(
        e.Sequence,
        e.Id,
        e.EventTypeName,
        e.StreamId,
        e.Version,
        e.TenantId,
        e.Timestamp,
        JsonSerializer.SerializeToElement(ProtectedIdentity.WithoutIdentity(e.Data), e.EventType, SystemTextJsonMessageSerializer.Options));

    private static async Task<long> HighWaterMark(IQuerySession session, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var marks = await session.AdvancedSql.QueryAsync<long>(
            $"select last_seq_id from {schema}.mt_event_progression where name = 'HighWaterMark'", ct);
        return marks.Count > 0 ? marks[0] : 0;
    }
}

/// <summary>One page of the feed. Ask again with <c>after=</c><see cref="LastSequence"/> until <see cref="CaughtUp"/>.</summary>
public sealed record EventFeedPage(IReadOnlyList<EventFeedEntry> Events, long LastSequence, bool CaughtUp);

/// <summary>An event as the bus carries it: <see cref="MessageId"/> is the bus message id, the rest are the relay's headers.</summary>
public sealed record EventFeedEntry(
    long Sequence,
    Guid MessageId,
    string EventName,
    Guid PathwayId,
    long StreamVersion,
    string Hospital,
    DateTimeOffset RecordedAt,
    JsonElement Message);
