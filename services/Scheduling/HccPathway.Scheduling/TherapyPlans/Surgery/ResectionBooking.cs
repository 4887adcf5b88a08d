using HccPathway.Contracts.SurgeryPlanning;

namespace HccPathway.Scheduling.TherapyPlans.Surgery;

/// <summary>
/// The resection SurgeryPlanning booked, as the pathway stream says now: its date, the reason it last moved, and the
/// cancellation when it was cancelled. Folded from the stream, so the resection item follows the latest booking however
/// the messages about it arrive.
/// </summary>
public sealed record ResectionBooking(Guid ResectionId, DateOnly ScheduledOn, string Procedure, string? MovedBecause = null, ResectionCancelled? Cancelled = null)
{
    public static ResectionBooking From(ResectionScheduled e) => new(e.ResectionId, e.ScheduledOn, e.Procedure);

    public ResectionBooking Apply(ResectionRescheduled e) =>
        e.ResectionId == ResectionId ? this with { ScheduledOn = e.ScheduledOn, MovedBecause = e.Reason } : this;

    public ResectionBooking Apply(ResectionCancelled e) => e.ResectionId == ResectionId ? this with { Cancelled = e } : this;
}
