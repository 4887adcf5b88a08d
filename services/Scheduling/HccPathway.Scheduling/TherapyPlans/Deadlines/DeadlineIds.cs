using HccPathway.ServiceDefaults.Deadlines;

namespace HccPathway.Scheduling.TherapyPlans.Deadlines;

/// <summary>
/// The event id of a deadline is derived from what passed (pathway, item, the item's revision), so every replica and
/// every retry names the same event, and the relay publishes it under that message id: a subscriber that dedupes by
/// message id sees one overdue event per due window however the sweep ran.
/// </summary>
public static class DeadlineIds
{
    public static Guid Overdue(Guid pathwayId, string itemId, int revision) =>
        DeadlineEventIds.NameBased($"overdue/{pathwayId:N}/{itemId}/{revision}");

    public static Guid SurveillanceDue(Guid pathwayId, string itemId, int revision) =>
        DeadlineEventIds.NameBased($"surveillance-due/{pathwayId:N}/{itemId}/{revision}");
}
