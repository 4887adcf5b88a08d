namespace HccPathway.Clinical.Rules;

/// <summary>
/// Points to the recorded fact a criterion relied on. The event id is opaque to this library
/// (a stream event id, a Guid, an Observation id); the caller supplies it and gets it back in the decision.
/// </summary>
public sealed record EvidenceRef(string EventId, DateOnly Date);

/// <summary>A value together with the event that recorded it.</summary>
public sealed record Evidenced<T>(T Value, EvidenceRef Evidence)
{
    public DateOnly Date => Evidence.Date;
}
