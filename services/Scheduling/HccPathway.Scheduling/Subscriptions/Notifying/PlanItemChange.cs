using HccPathway.Contracts.Scheduling;

namespace HccPathway.Scheduling.Subscriptions.Notifying;

/// <summary>What a notification says about a plan item, read from the plan event that changed it.</summary>
public sealed record PlanItemChange(Guid PathwayId, string ItemId, string ItemType, string Drug, DateOnly DueOn, DateTimeOffset OccurredAt)
{
    public static PlanItemChange Of(object message) => message switch
    {
        TherapyItemPlanned e => new(e.PathwayId, e.ItemId, e.ItemType, e.Drug, e.DueOn, e.PlannedAt),
        TherapyItemRescheduled e => new(e.PathwayId, e.ItemId, e.ItemType, e.Drug, e.DueOn, e.RescheduledAt),
        TherapyItemRedosed e => new(e.PathwayId, e.ItemId, e.ItemType, e.Drug, e.DueOn, e.RedosedAt),
        TherapyItemCancelled e => new(e.PathwayId, e.ItemId, e.ItemType, e.Drug, e.DueOn, e.CancelledAt),
        TherapyItemSkipped e => new(e.PathwayId, e.ItemId, e.ItemType, e.Drug, e.DueOn, e.SkippedAt),
        TherapyItemOverdue e => new(e.PathwayId, e.ItemId, e.ItemType, e.Drug, e.DueOn, e.DetectedAt),
        _ => throw new ArgumentException($"{message.GetType().Name} is not a plan item change."),
    };
}
