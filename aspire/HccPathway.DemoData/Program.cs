using System.Net.Http.Headers;
using System.Net.Http.Json;
using HccPathway.DemoData;
using Microsoft.Extensions.Configuration;

// Seeds demo patients through the services' public APIs. The AppHost starts it only when Demo:Patients > 0 and passes
// the services' addresses by service discovery (services__<name>__http__0).
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var patients = configuration.GetValue("Demo:Patients", 0);
if (patients <= 0)
{
    Console.WriteLine("Demo:Patients is not set above 0; nothing to seed.");
    return 0;
}

Uri Service(string name) => new(configuration[$"services:{name}:http:0"]
    ?? throw new InvalidOperationException($"No address for '{name}' (services__{name}__http__0); run the seeder from the AppHost."));

var intakeAddress = Service("intake");
using var tokens = new HttpClient { BaseAddress = intakeAddress };
var issued = await tokens.PostAsJsonAsync("/dev/tokens", new { subject = "demo-seeder", roles = new[] { "clinician" } });
issued.EnsureSuccessStatusCode();
var token = (await issued.Content.ReadFromJsonAsync<TokenResponse>())!.Token;

HttpClient Client(Uri address)
{
    var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return client;
}

var api = new PathwayClient(Client(intakeAddress), Client(Service("scheduling")), Client(Service("assessment")), Client(Service("surgery-planning")));
var seeded = await DemoSeeder.SeedAsync(api, patients, Console.WriteLine, configuration.GetValue("Demo:Seed", 8));
Console.WriteLine($"Seeded {seeded.Count} patients: " +
    string.Join(", ", seeded.GroupBy(p => p.Stage).Select(g => $"{g.Key} {g.Count()}")));
return 0;

internal sealed record TokenResponse(string Token);
