namespace HccPathway.SurgeryPlanning.Facts;

/// <summary>
/// A value as of a clinical date, with the event (message) that recorded it. Messages may arrive out of order, so a
/// fact replaces another only when it is newer: a later clinical date, or the same date recorded later.
/// </summary>
public sealed record Fact<T>(T Value, DateOnly On, Guid EventId, DateTimeOffset RecordedAt)
{
    public bool IsNewerThan(Fact<T>? other) =>
        other is null || On > other.On || (On == other.On && RecordedAt > other.RecordedAt);
}

public static class Facts
{
    /// <summary>The newer of the two facts (see <see cref="Fact{T}.IsNewerThan"/>).</summary>
    public static Fact<T>? Newest<T>(Fact<T>? current, Fact<T>? candidate) =>
        candidate is not null && candidate.IsNewerThan(current) ? candidate : current;
}
