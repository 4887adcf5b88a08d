namespace HccPathway.ServiceDefaults.Http;

/// <summary>What a decider returns: the events to append, or the reason it refused.</summary>
public readonly record struct Decision
{
    private Decision(IReadOnlyList<object> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    public IReadOnlyList<object> Events { get; }

    public Rejection? Rejection { get; }

    public static Decision Append(params object[] events) => new(events, null);

    public static Decision Refuse(Rejection rejection) => new([], rejection);

    public static implicit operator Decision(Rejection rejection) => Refuse(rejection);
}
