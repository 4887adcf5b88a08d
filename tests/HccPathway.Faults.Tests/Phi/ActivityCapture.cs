using System.Diagnostics;

namespace HccPathway.Faults.Tests.Phi;

/// <summary>Listens to every ActivitySource in the process and keeps each finished activity's name, tags, events, links and baggage.</summary>
public sealed class ActivityCapture : IDisposable
{
    private readonly ActivityListener listener;

    public ActivityCapture(CapturedText captured)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            SampleUsingParentId = (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var parts = new List<string> { $"{activity.Source.Name} {activity.OperationName} {activity.DisplayName} {activity.StatusDescription}" };
                parts.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
                parts.AddRange(activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}.{t.Key}={t.Value}").Prepend(e.Name)));
                parts.AddRange(activity.Links.SelectMany(l => (l.Tags ?? []).Select(t => $"link.{t.Key}={t.Value}")));
                parts.AddRange(activity.Baggage.Select(b => $"baggage.{b.Key}={b.Value}"));
                captured.Add("trace", string.Join(" | ", parts));
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void Dispose() => listener.Dispose();
}
