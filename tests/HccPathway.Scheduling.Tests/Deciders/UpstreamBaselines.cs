using HccPathway.Contracts.Intake;

namespace HccPathway.Scheduling.Tests.Deciders;

/// <summary>Intake's baseline events as they reach the stream; only the weight matters to Scheduling (SCHED-LEN).</summary>
internal static class UpstreamBaselines
{
    public static BaselineAssessed Assessed(Guid pathwayId, decimal weightKg) => new(
        pathwayId, Given.Today, new BaselineMeasurements(60, weightKg, 170m, 0, 15m, 42m, 1m, 100m, null, null, null, "none", 0, null, null,
            false, false, false, 1, [80m], null, false, false, false, 0, null, false, false, new SurgeonResectability(true, false, false, false)),
        new BaselineScores(5, "A", -2.9, 1, 8, 0, "low", "IIIa", 1.8, 1200, null), "test", Given.Now);

    public static BaselineCorrected WeightCorrected(Guid pathwayId, decimal from, decimal to, bool isLatest = true) => new(
        pathwayId, Guid.NewGuid(), Guid.NewGuid(), Assessed(pathwayId, to), from, isLatest, "weighed in clothes", "coordinator-1", Given.Now);
}
