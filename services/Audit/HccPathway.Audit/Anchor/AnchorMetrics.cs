using System.Diagnostics.Metrics;

namespace HccPathway.Audit.Anchor;

/// <summary>Counters of the chain anchor (meter <see cref="MeterName"/>): tagged by hospital only, never by pathway.</summary>
public sealed class AnchorMetrics
{
    public const string MeterName = "HccPathway.Audit.Anchor";

    private readonly Counter<long> checkpoints;
    private readonly Counter<long> refused;
    private readonly Counter<long> failures;

    public AnchorMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        checkpoints = meter.CreateCounter<long>("hcc.audit.anchor.checkpoints", description: "Signed checkpoints appended to the log");
        refused = meter.CreateCounter<long>("hcc.audit.anchor.refused", description: "Pathways whose chain no longer extends their anchored head");
        failures = meter.CreateCounter<long>("hcc.audit.anchor.failures", description: "Anchor rounds that failed or found the log not verifying");
    }

    public void Checkpoint(string hospital) => checkpoints.Add(1, new KeyValuePair<string, object?>("hospital", hospital));

    public void Refused(string hospital) => refused.Add(1, new KeyValuePair<string, object?>("hospital", hospital));

    public void Failure(string reason) => failures.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
