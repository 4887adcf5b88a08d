using System.Collections.Frozen;
using HccPathway.Contracts;

namespace HccPathway.Audit.Events;

/// <summary>Stored event names to contracts, from the catalog every service shares.</summary>
public static class EventNames
{
    public const string UnknownOwner = "unknown";

    private static readonly FrozenDictionary<string, EventContract> ByName =
        EventCatalog.All.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);

    public static EventContract? Find(string storedName) => ByName.GetValueOrDefault(storedName);

    public static string NameOf<T>() => EventCatalog.Find(typeof(T))?.Name
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the event catalog.");
}
