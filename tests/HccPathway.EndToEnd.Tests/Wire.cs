using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.Testing;

namespace HccPathway.EndToEnd.Tests;

/// <summary>Reading one pathway's messages off the wire.</summary>
public static class Wire
{
    public static Task<ReceivedMessage> Next<T>(this RabbitMqProbe probe, Guid pathwayId, Func<JsonElement, bool>? match = null) =>
        probe.WaitFor<T>(m => m.Header(RelayHeaders.PathwayId) == pathwayId.ToString() && (match?.Invoke(m.Message) ?? true),
            TimeSpan.FromSeconds(30));

    public static DateOnly Date(this JsonElement e, string property) => DateOnly.Parse(e.GetProperty(property).GetString()!);

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;

    /// <summary>The names in order with each run of one name shortened to a single entry (a plan's items come in runs).</summary>
    public static IReadOnlyList<string> Runs(IEnumerable<string> names)
    {
        var runs = new List<string>();
        foreach (var name in names)
        {
            if (runs.Count == 0 || runs[^1] != name)
            {
                runs.Add(name);
            }
        }

        return runs;
    }
}
