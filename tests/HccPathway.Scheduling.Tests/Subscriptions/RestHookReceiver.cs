using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HccPathway.Scheduling.Tests.Subscriptions;

/// <summary>
/// A real rest-hook endpoint on Kestrel. Before <see cref="Start"/> its port is closed, so connections are refused;
/// afterwards it hangs (longer than the sender's timeout), answers 500, or accepts, as <see cref="Answer"/> says.
/// Every request that reaches it is recorded with what it answered.
/// </summary>
public sealed class RestHookReceiver : IAsyncDisposable
{
    private WebApplication? app;

    public RestHookReceiver()
    {
        // Reserve a free port, then close it: until Start, the subscriber's endpoint refuses connections.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public enum Behaviour
    {
        Hang,
        Fail,
        Accept,
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/notifications");

    public Behaviour Answer { get; set; } = Behaviour.Hang;

    public TimeSpan HangFor { get; init; } = TimeSpan.FromSeconds(3);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public IEnumerable<Received> Accepted => Requests.Where(r => r.Answered == Behaviour.Accept);

    public async Task Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/notifications", async (HttpRequest request) =>
        {
            var at = DateTimeOffset.UtcNow;
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            var answer = Answer;
            Requests.Enqueue(new Received(at, answer, request.Headers.Authorization.ToString(), request.ContentType?.Split(";")[0], body));
            switch (answer)
            {
                case Behaviour.Hang:
                    await Task.Delay(HangFor);
                    return Results.Ok();
                case Behaviour.Fail:
                    return Results.StatusCode(StatusCodes.Status500InternalServerError);
                default:
                    return Results.Ok();
            }
        });
        await app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>One POST as it arrived: the notification Bundle and what the receiver answered.</summary>
    public sealed record Received(DateTimeOffset At, Behaviour Answered, string Authorization, string? ContentType, JsonElement Bundle)
    {
        private JsonElement Status => Bundle.GetProperty("entry")[0].GetProperty("resource");

        public string Type => Parameter("type").GetProperty("valueCode").GetString()!;

        public long EventNumber => long.Parse(
            Parameter("notification-event").GetProperty("part").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == "event-number").GetProperty("valueString").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);

        public long EventsSinceStart => long.Parse(
            Parameter("events-since-subscription-start").GetProperty("valueString").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The plan item of a full-resource notification, from its Appointment's identifier "{pathwayId}/{itemId}".</summary>
        public (Guid PathwayId, string ItemId) Item
        {
            get
            {
                var value = Bundle.GetProperty("entry")[1].GetProperty("resource").GetProperty("identifier")[0].GetProperty("value").GetString()!;
                var parts = value.Split('/', 2);
                return (Guid.Parse(parts[0]), parts[1]);
            }
        }

        private JsonElement Parameter(string name) =>
            Status.GetProperty("parameter").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
    }
}
