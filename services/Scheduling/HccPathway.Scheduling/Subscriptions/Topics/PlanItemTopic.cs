using HccPathway.Contracts.Scheduling;

namespace HccPathway.Scheduling.Subscriptions.Topics;

/// <summary>
/// A SubscriptionTopic a scheduler can subscribe to: one kind of change to a plan item, raised by Scheduling's plan
/// events. The focus of each notification is the item as an R4 Appointment request (<see cref="AppointmentStatus"/>).
/// </summary>
public sealed record PlanItemTopic(string Code, string Title, string Description, IReadOnlyList<Type> Events, string AppointmentStatus)
{
    public string Url(SubscriptionOptions options) => $"{options.FhirBase}/SubscriptionTopic/{Code}";
}

public static class PlanItemTopics
{
    public static PlanItemTopic Planned { get; } = new(
        "plan-item-planned", "Plan item planned",
        "A therapy item (dose, TACE session, imaging, lab, review) was added to a patient's plan.",
        [typeof(TherapyItemPlanned)], "proposed");

    public static PlanItemTopic Changed { get; } = new(
        "plan-item-changed", "Plan item changed",
        "A planned therapy item moved to another due date (rescheduled, delayed or cascaded), or its dose changed (re-dosed after a corrected weight).",
        [typeof(TherapyItemRescheduled), typeof(TherapyItemRedosed)], "proposed");

    public static PlanItemTopic Cancelled { get; } = new(
        "plan-item-cancelled", "Plan item cancelled or skipped",
        "A planned therapy item will not happen: it was cancelled or skipped.",
        [typeof(TherapyItemCancelled), typeof(TherapyItemSkipped)], "cancelled");

    public static PlanItemTopic Overdue { get; } = new(
        "plan-item-overdue", "Plan item overdue",
        "An outstanding therapy item passed its due window without being given (SCHED-DUE).",
        [typeof(TherapyItemOverdue)], "proposed");

    public static IReadOnlyList<PlanItemTopic> All { get; } = [Planned, Changed, Cancelled, Overdue];

    public static PlanItemTopic? OfUrl(string? url, SubscriptionOptions options) =>
        All.FirstOrDefault(t => string.Equals(t.Url(options), url, StringComparison.Ordinal));

    public static PlanItemTopic? OfCode(string code) => All.FirstOrDefault(t => t.Code == code);

    public static PlanItemTopic OfEvent(Type type) => All.Single(t => t.Events.Contains(type));
}
