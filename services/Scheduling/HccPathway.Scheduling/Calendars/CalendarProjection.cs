using HccPathway.Contracts;
using HccPathway.Scheduling.TherapyPlans;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using HccPathway.ServiceDefaults.EventStore;

namespace HccPathway.Scheduling.Calendars;

/// <summary>
/// Inline: in the transaction that appends scheduling events, folds them into the patient's <see cref="TherapyCalendar"/>
/// (the same fold the deciders use) and rewrites the patient's <see cref="WorklistEntry"/> rows, so a coordinator sees
/// a write at once and the worklist never disagrees with the calendar.
/// </summary>
public sealed class CalendarProjection : IProjection
{
    public const string Name = "scheduling-calendar";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var stream in events.Where(e => EventCatalog.Find(e.EventType)?.Owner == Owners.Scheduling).GroupBy(e => e.StreamId))
        {
            var calendar = await operations.LoadAsync<TherapyCalendar>(stream.Key, cancellation)
                ?? new TherapyCalendar { Id = stream.Key, Plan = new TherapyPlan { Id = stream.Key } };
            var plan = AggregateFold<TherapyPlan>.Apply(calendar.Plan, stream);
            var lastVersion = stream.Max(e => e.Version);
            calendar.Plan = plan;
            calendar.Version = lastVersion > 0 ? lastVersion : calendar.Version + stream.Count();
            operations.Store(calendar);
            foreach (var item in plan.Items)
            {
                operations.Store(WorklistEntry.From(plan, item));
            }
        }
    }
}
