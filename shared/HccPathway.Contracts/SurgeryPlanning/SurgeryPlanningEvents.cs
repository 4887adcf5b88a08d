namespace HccPathway.Contracts.SurgeryPlanning;

public static class SurgeryPlanningEvents
{
    public static IReadOnlyList<EventContract> All { get; } =
    [
        new(typeof(MdtDecisionRecorded), "surgery-planning.mdt-decision-recorded.v1", Owners.SurgeryPlanning),
        new(typeof(AdjuvantTherapyDecided), "surgery-planning.adjuvant-therapy-decided.v1", Owners.SurgeryPlanning),
    ];
}
