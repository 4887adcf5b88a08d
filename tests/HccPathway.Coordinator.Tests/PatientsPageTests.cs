using System.Net;
using HccPathway.Coordinator.Components.Pages.Patients;

namespace HccPathway.Coordinator.Tests;

/// <summary>
/// The patients page lists one phase at a time. A tab chosen while the previous list is still loading wins: the slower
/// answer for the tab the user left must not replace the list they asked for.
/// </summary>
public sealed class PatientsPageTests : BunitContext
{
    [Fact]
    public void A_slow_answer_for_the_first_tab_does_not_overwrite_the_tab_chosen_after_it()
    {
        var registeredAnswer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new StubServices(request =>
            request.RequestUri!.Query.Contains("phase=Registered", StringComparison.Ordinal)
                ? registeredAnswer.Task
                : Task.FromResult(Page("MRN-ENROLLED", "Enrolled")));
        StubServices.Register(this, stub);

        var view = Render<Patients>();
        view.FindAll("[role=tab]").Single(t => t.TextContent == "Conversion therapy").Click();
        view.WaitForAssertion(() => Assert.Contains("MRN-ENROLLED", view.Find("[data-testid=patient-row]").TextContent));

        registeredAnswer.SetResult(Page("MRN-REGISTERED", "Registered"));
        view.WaitForAssertion(() => Assert.Equal(2, stub.Requests.Count));
        view.Render();

        var row = Assert.Single(view.FindAll("[data-testid=patient-row]"));
        Assert.Contains("MRN-ENROLLED", row.TextContent);
        Assert.Equal("true", view.FindAll("[role=tab]").Single(t => t.TextContent == "Conversion therapy").GetAttribute("aria-selected"));
        Assert.Empty(view.FindAll("progress"));
    }

    private static HttpResponseMessage Page(string mrn, string phase) => StubServices.Json(HttpStatusCode.OK, $$"""
        {"items":[{"id":"{{Guid.NewGuid()}}","version":3,"medicalRecordNumber":"{{mrn}}","fullName":"Ada Example","dateOfBirth":"1961-07-14",
          "sex":"female","referralDate":"2026-11-01","referringCentre":"City Hospital","phase":"{{phase}}","eligibilityRules":[],
          "eligibilityCriteria":[]}],"total":1,"pageNumber":1,"pageSize":200}
        """);
}
