using System.Collections.Concurrent;
using System.Diagnostics;
using Marten;
using Marten.Services;

namespace HccPathway.Testing;

/// <summary>
/// Counts the database round trips one HTTP request makes, told apart from everything else the process does (daemons,
/// relays, other tests) by the request's trace id. Npgsql reports each command or batch it sends as one activity, and
/// each is one round trip (a batch is written whole and answered after one Sync; a BEGIN is sent with the command after
/// it). A COMMIT is the one round trip Npgsql does not report, so Marten's commits are counted by a session listener
/// (add <see cref="Commits"/> to the service's Marten options).
/// </summary>
public sealed class DatabaseRoundTrips : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> sent = new();

    public DatabaseRoundTrips()
    {
        Commits = new CommitCounter(this);
        listener = new ActivityListener
        {
            // ASP.NET Core's request activity must exist for the trace id of an incoming traceparent to flow to Npgsql's.
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql")
                {
                    Record(activity.TraceId, activity.GetTagItem("db.query.text") as string ?? activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The session listener that counts commits; add it to the Marten options of the service under test.</summary>
    public IDocumentSessionListener Commits { get; }

    /// <summary>A new trace id to send as the request's traceparent.</summary>
    public static ActivityTraceId NewTrace() => ActivityTraceId.CreateRandom();

    /// <summary>The W3C traceparent header value that makes a request part of <paramref name="trace"/>.</summary>
    public static string TraceParent(ActivityTraceId trace) => $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

    /// <summary>What the request of <paramref name="trace"/> sent, one entry per round trip, in order.</summary>
    public IReadOnlyList<string> Of(ActivityTraceId trace) => sent.TryGetValue(trace, out var texts) ? texts.ToArray() : [];

    private void Record(ActivityTraceId trace, string text) => sent.GetOrAdd(trace, _ => new ConcurrentQueue<string>()).Enqueue(text);

    public void Dispose() => listener.Dispose();

    private sealed class CommitCounter(DatabaseRoundTrips trips) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            if (Activity.Current is { } current)
            {
                trips.Record(current.TraceId, "COMMIT");
            }

            return Task.CompletedTask;
        }
    }
}
