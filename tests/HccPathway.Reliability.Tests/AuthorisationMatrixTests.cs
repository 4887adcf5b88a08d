using System.Net;
using System.Net.Http.Headers;
using HccPathway.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace HccPathway.Reliability.Tests;

/// <summary>
/// Every endpoint of every service × every kind of caller, from the endpoint metadata: a new endpoint without one of
/// the known policies fails here before anyone can call it.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class AuthorisationMatrixTests(ReliabilitySystem system, ITestOutputHelper output)
{
    /// <summary>Who each policy lets in. Written out here, independently of the product's policy registrations.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [Policies.RecordCare] = [Roles.Coordinator, Roles.Clinician],
        [Policies.DecideCare] = [Roles.Clinician],
        [Policies.ReadPathway] = [Roles.Coordinator, Roles.Clinician, Roles.Auditor],
        [Policies.ReadSchedule] = [Roles.Coordinator, Roles.Clinician, Roles.Auditor, Roles.Scheduler],
        [Policies.Audit] = [Roles.Auditor],
        [Policies.ManageSubscriptions] = [Roles.Coordinator, Roles.Scheduler],
    };

    /// <summary>The only endpoints open to anyone: probes, the Development token issuer and API description.</summary>
    private static readonly string[] AnonymousPatterns = ["/health", "/alive", "/dev/tokens", "/openapi/", "/scalar"];

    [Fact]
    public void Every_endpoint_names_exactly_one_known_policy_or_is_a_known_anonymous_one()
    {
        var endpoints = Endpoints.Of(system);
        Assert.True(endpoints.Count > 40, $"Only {endpoints.Count} endpoints found.");
        Assert.All(endpoints, e =>
        {
            if (e.Anonymous)
            {
                Assert.True(AnonymousPatterns.Any(p => e.Pattern.StartsWith(p, StringComparison.Ordinal)), $"{e} allows anonymous callers.");
                return;
            }

            var policy = Assert.Single(e.Policies);
            Assert.True(Allowed.ContainsKey(policy), $"{e} requires '{policy}', which this matrix does not know.");
            // A FHIR subscription is the scheduling system's own resource: creating or deleting one changes no pathway.
            if (policy == Policies.ManageSubscriptions)
            {
                Assert.Matches("^/fhir/(Subscription|SubscriptionTopic)", e.Pattern);
                return;
            }

            if (e.IsCommand)
            {
                Assert.DoesNotContain(Roles.Auditor, Allowed[policy]);
                Assert.DoesNotContain(Roles.Scheduler, Allowed[policy]);
            }

            // Scheduling-system credentials read schedules and nothing else (Scheduling's event feed is its plan).
            if (policy == Policies.ReadSchedule)
            {
                Assert.Equal("GET", e.Method);
                Assert.Matches("therapy|worklist|^/events$", e.Pattern);
            }
        });
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_its_policy_says()
    {
        var endpoints = Endpoints.Of(system).Where(e => !e.Anonymous).ToArray();
        var settings = new TokenSettings { SigningKey = TokenSettings.DevelopmentSigningKey };
        var now = DateTimeOffset.UtcNow;
        var callers = new List<(string Name, string? Role, string? Token)>
        {
            ("anonymous", null, null),
            ("expired", null, TokenIssuer.Issue(settings with { Lifetime = TimeSpan.FromMinutes(5) }, "late", [Roles.Clinician], now.AddHours(-2))),
            ("wrong key", null, TokenIssuer.Issue(settings with { SigningKey = "an-entirely-different-signing-key-of-enough-length" }, "forger", [Roles.Clinician], now)),
            ("wrong audience", null, TokenIssuer.Issue(settings with { Audience = "another-system" }, "elsewhere", [Roles.Clinician], now)),
            ("wrong issuer", null, TokenIssuer.Issue(settings with { Issuer = "another-issuer" }, "elsewhere", [Roles.Clinician], now)),
            ("no role", null, TokenIssuer.Issue(settings, "nobody", [], now)),
        };
        callers.AddRange(Roles.All.Select(r => (r, (string?)r, (string?)TokenIssuer.Issue(settings, $"matrix-{r}", [r], now))));

        var failures = new List<string>();
        var cells = 0;
        var unknownPathway = Guid.NewGuid();
        foreach (var endpoint in endpoints)
        {
            var policy = endpoint.Policies.Single();
            foreach (var (name, role, token) in callers)
            {
                var expected = token is null || role is null && name != "no role" ? HttpStatusCode.Unauthorized
                    : role is not null && Allowed[policy].Contains(role) ? (HttpStatusCode?)null
                    : HttpStatusCode.Forbidden;
                var client = endpoint.Host.Client();
                if (token is not null)
                {
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                var path = endpoint.Path(p => p switch
                {
                    "pathwayId" or "adverseEventId" or "studyId" or "sampleId" or "assessmentId" or "baselineId" => unknownPathway.ToString(),
                    "drug" => "camrelizumab",
                    _ => "unknown",
                });
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
                if (endpoint.IsCommand)
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                cells++;
                var status = response.StatusCode;
                var ok = expected is { } want
                    ? status == want
                    : status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500;
                if (!ok)
                {
                    failures.Add($"{endpoint} as {name}: {(int)status}, expected {(expected is { } e ? ((int)e).ToString() : "2xx or a domain 4xx")}");
                }
            }
        }

        output.WriteLine($"{endpoints.Length} endpoints × {callers.Count} callers = {cells} cells checked, {failures.Count} wrong.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
