using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Intake.Pathways.Registering;
using HccPathway.ServiceDefaults.Security;

namespace HccPathway.Intake.Tests.Api;

public sealed class SearchPatientsTests(IntakeService service) : IClassFixture<IntakeService>
{
    private readonly HttpClient coordinator = service.Factory.ClientAs(Roles.Coordinator);

    [Fact]
    public async Task Finds_by_exact_record_number_or_part_of_the_name_in_any_case()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var grace = await Register($"MRN-G-{suffix}", $"Grace Hopper{suffix}");
        var alan = await Register($"MRN-A-{suffix}", $"Alan Turing{suffix}");

        Assert.Equal([grace], await Search($"mrn-g-{suffix}"));
        Assert.Equal([alan], await Search($"turing{suffix.ToUpperInvariant()}"));
        Assert.Empty(await Search($"MRN-G-{suffix}".Remove(5, 1)));
        Assert.Equal(new HashSet<Guid> { grace, alan }, (await Search(suffix)).ToHashSet());
    }

    [Theory]
    [InlineData(Roles.Scheduler)]
    [InlineData(Roles.Auditor)]
    public async Task Roles_that_do_not_care_for_the_patient_may_not_search_by_identity(string role)
    {
        var response = await service.Factory.ClientAs(role).GetAsync("/pathways/search?q=Ada");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Auditors_read_summaries_with_the_identity_masked_and_carers_read_it_whole()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var id = await Register($"MRN-M-{suffix}", $"Mary Somerville{suffix}");
        var auditor = service.Factory.ClientAs(Roles.Auditor);

        var audited = await auditor.GetFromJsonAsync<JsonElement>($"/pathways/{id}");
        var cared = await coordinator.GetFromJsonAsync<JsonElement>($"/pathways/{id}");
        var listed = (await auditor.GetFromJsonAsync<JsonElement>("/pathways?pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("id").GetGuid() == id);

        foreach (var masked in new[] { audited, listed })
        {
            Assert.Equal("masked", masked.GetProperty("fullName").GetString());
            Assert.Equal("masked", masked.GetProperty("medicalRecordNumber").GetString());
            Assert.Equal("0001-01-01", masked.GetProperty("dateOfBirth").GetString());
            Assert.Equal("City Hospital", masked.GetProperty("referringCentre").GetString());
        }

        Assert.DoesNotContain(suffix, audited.GetRawText() + listed.GetRawText());
        Assert.Equal($"Mary Somerville{suffix}", cared.GetProperty("fullName").GetString());
        Assert.Equal("1950-05-06", cared.GetProperty("dateOfBirth").GetString());
    }

    [Fact]
    public async Task A_search_text_of_one_character_is_a_validation_problem()
    {
        var problem = await (await coordinator.GetAsync("/pathways/search?q=A")).Problem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    private async Task<Guid> Register(string mrn, string name)
    {
        var response = await coordinator.PostAsJsonAsync("/pathways",
            new RegisterPatient.Request(mrn, name, new DateOnly(1950, 5, 6), "female", IntakeClient.Today, "City Hospital"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pathwayId").GetGuid();
    }

    private async Task<Guid[]> Search(string q)
    {
        var found = await coordinator.GetFromJsonAsync<JsonElement>($"/pathways/search?q={Uri.EscapeDataString(q)}");
        return found.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToArray();
    }
}
