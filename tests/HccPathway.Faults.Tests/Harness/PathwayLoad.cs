using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.DemoData;

namespace HccPathway.Faults.Tests.Harness;

/// <summary>How the commands of a load ended, attempt by attempt.</summary>
public sealed class CommandOutcomes
{
    private readonly ConcurrentDictionary<string, int> counts = new();

    public const string Accepted = "accepted";
    public const string Unavailable = "503 with Retry-After";
    public const string UnavailableWithoutRetryAfter = "503 without Retry-After";
    public const string StaleAfterRetry = "409 on retry (already applied or raced)";
    public const string ConnectionFailed = "no answer (service down)";
    public const string ServerError = "500";
    public const string Other = "other";

    public void Add(string outcome) => counts.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    public int this[string outcome] => counts.GetValueOrDefault(outcome);

    public int Attempts => counts.Values.Sum();

    public override string ToString() => string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}"));
}

/// <summary>
/// Drives patients through intake (register, baseline, eligibility, enrolment) the way a careful client does during
/// faults: each write carries If-Match; a 503 is retried after its Retry-After; no answer at all is retried shortly;
/// a 409 on a retry is checked against the summary (the earlier attempt may have been applied) before trying again.
/// Enrolment makes Scheduling and Assessment react through RabbitMQ.
/// </summary>
public sealed class PathwayLoad(Func<HttpClient> intake, CommandOutcomes outcomes)
{
    private static readonly string[] Phases = ["Registered", "BaselineRecorded", "EligibilityDecided", "Enrolled"];
    private int registered;

    public int PatientsCompleted { get; private set; }

    /// <summary>Runs <paramref name="patients"/> patients, <paramref name="concurrency"/> at a time; <paramref name="afterEachCommand"/> may inject a fault.</summary>
    public async Task<IReadOnlyList<Guid>> Run(int patients, int concurrency, Func<Task>? afterEachCommand = null, CancellationToken ct = default)
    {
        var ids = new ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(0, patients), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (_, token) =>
            {
                ids.Add(await OnePatient(afterEachCommand, token));
                lock (ids)
                {
                    PatientsCompleted++;
                }
            });
        return ids.ToArray();
    }

    private async Task<Guid> OnePatient(Func<Task>? afterEachCommand, CancellationToken ct)
    {
        using var http = intake();
        var n = Interlocked.Increment(ref registered);
        var enrolledOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        var id = await Register(http, n, enrolledOn, ct);
        await (afterEachCommand?.Invoke() ?? Task.CompletedTask);
        await Step(http, id, $"/pathways/{id}/baseline", ClinicalBodies.Baseline(enrolledOn.AddDays(-14)), 1, ct);
        await (afterEachCommand?.Invoke() ?? Task.CompletedTask);
        await Step(http, id, $"/pathways/{id}/eligibility", null, 2, ct);
        await (afterEachCommand?.Invoke() ?? Task.CompletedTask);
        await Step(http, id, $"/pathways/{id}/enrolment", new { enrolledOn, rationale = "MDT: convert first (LEN-TAP)." }, 3, ct);
        await (afterEachCommand?.Invoke() ?? Task.CompletedTask);
        return id;
    }

    private async Task<Guid> Register(HttpClient http, int n, DateOnly enrolledOn, CancellationToken ct)
    {
        var body = new
        {
            medicalRecordNumber = $"LOAD-{n:D6}",
            fullName = $"Load Patient {n}",
            dateOfBirth = new DateOnly(1950, 1, 1).AddDays(n % 9000),
            sex = n % 2 == 0 ? "female" : "male",
            referralDate = enrolledOn.AddDays(-21),
            referringCentre = "City Hospital",
        };
        for (var attempt = 1; ; attempt++)
        {
            var (status, text, _) = await Send(http, HttpMethod.Post, "/pathways", body, null, ct);
            if (status == HttpStatusCode.Created)
            {
                return JsonDocument.Parse(text).RootElement.GetProperty("pathwayId").GetGuid();
            }

            GiveUpAfter(attempt, "register", status, text);
        }
    }

    /// <summary>One write that moves the pathway to <see cref="Phases"/>[<paramref name="phase"/>], applied once.</summary>
    private async Task Step(HttpClient http, Guid id, string path, object? body, int phase, CancellationToken ct)
    {
        long version = phase;
        for (var attempt = 1; ; attempt++)
        {
            var (status, text, _) = await Send(http, HttpMethod.Post, path, body, version, ct);
            if (status == HttpStatusCode.OK)
            {
                return;
            }

            if (status == HttpStatusCode.Conflict || attempt > 1)
            {
                // An earlier attempt may have been applied before its answer was lost: the summary tells.
                if (await Summary(http, id, ct) is { } summary)
                {
                    if (Array.IndexOf(Phases, summary.Phase) >= phase)
                    {
                        return;
                    }

                    version = summary.Version;
                }
            }

            GiveUpAfter(attempt, path, status, text);
        }
    }

    private async Task<(string Phase, long Version)?> Summary(HttpClient http, Guid id, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 60; attempt++)
        {
            try
            {
                using var response = await http.GetAsync($"/pathways/{id}", ct);
                if (response.IsSuccessStatusCode)
                {
                    var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                    var version = long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
                    return (json.GetProperty("phase").GetString()!, version);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // The service is restarting.
            }

            await Task.Delay(500, ct);
        }

        return null;
    }

    private async Task<(HttpStatusCode Status, string Body, TimeSpan Wait)> Send(
        HttpClient http, HttpMethod method, string path, object? body, long? ifMatch, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            switch ((int)response.StatusCode)
            {
                case >= 200 and < 300:
                    outcomes.Add(CommandOutcomes.Accepted);
                    return (response.StatusCode, text, TimeSpan.Zero);
                case 503 when response.Headers.RetryAfter?.Delta is { } wait:
                    outcomes.Add(CommandOutcomes.Unavailable);
                    await Task.Delay(wait, ct);
                    return (response.StatusCode, text, wait);
                case 503:
                    outcomes.Add(CommandOutcomes.UnavailableWithoutRetryAfter);
                    await Task.Delay(1000, ct);
                    return (response.StatusCode, text, TimeSpan.FromSeconds(1));
                case 409:
                    outcomes.Add(CommandOutcomes.StaleAfterRetry);
                    return (response.StatusCode, text, TimeSpan.Zero);
                case >= 500:
                    outcomes.Add(CommandOutcomes.ServerError);
                    Console.Error.WriteLine($"{(int)response.StatusCode} {path}: {text}");
                    await Task.Delay(1000, ct);
                    return (response.StatusCode, text, TimeSpan.FromSeconds(1));
                default:
                    outcomes.Add(CommandOutcomes.Other);
                    return (response.StatusCode, text, TimeSpan.Zero);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            outcomes.Add(CommandOutcomes.ConnectionFailed);
            await Task.Delay(500, ct);
            return (0, ex.GetType().Name, TimeSpan.FromMilliseconds(500));
        }
    }

    private static void GiveUpAfter(int attempt, string what, HttpStatusCode status, string text)
    {
        if (attempt >= 120 || status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
        {
            throw new InvalidOperationException($"{what} failed after {attempt} attempts: {(int)status} {text}");
        }
    }
}
