namespace HccPathway.Contracts;

/// <summary>Transport headers that the event relay puts on every published pathway event.</summary>
public static class RelayHeaders
{
    /// <summary>The pathway (stream) id, so subscribers can partition without opening the body.</summary>
    public const string PathwayId = "hcc-pathway-id";

    /// <summary>The event's version within its pathway stream (1-based).</summary>
    public const string StreamVersion = "hcc-stream-version";

    /// <summary>The event's position in the global event log.</summary>
    public const string GlobalSequence = "hcc-global-sequence";

    /// <summary>The stable stored event name, e.g. intake.patient-enrolled.v1.</summary>
    public const string EventName = "hcc-event-name";

    /// <summary>The hospital (event store tenant) the event belongs to; consumers write their effects in it.</summary>
    public const string Hospital = "hcc-hospital";
}
