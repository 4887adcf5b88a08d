using System.Net;
using HccPathway.Coordinator.Api;
using HccPathway.Coordinator.Components.Pages.Patient;

namespace HccPathway.Coordinator.Tests;

/// <summary>Enrolment and its refusal in the patient header.</summary>
public sealed class PatientHeaderTests : BunitContext
{
    private static PatientSummaryView Eligible() => new(Guid.NewGuid(), 5, "MRN-1", "Ada Example", new DateOnly(1960, 1, 2), "male",
        new DateOnly(2026, 9, 1), "City", "EligibilityDecided", new DateOnly(2026, 9, 10), null, true, ["ELIG-2"], [], null, null, null);

    [Fact]
    public void A_stale_enrolment_offers_a_reload_that_clears_the_banner_and_reads_the_patient_again()
    {
        var stub = new StubServices(_ => StubServices.Json(HttpStatusCode.Conflict,
            """{"title":"The pathway was changed by someone else.","status":409,"detail":"Pathway x is no longer at version 5."}"""));
        StubServices.Register(this, stub, role: "clinician");
        var reloads = 0;
        var header = Render<PatientHeader>(p => p.Add(c => c.Summary, Eligible()).Add(c => c.ETag, "\"5\"").Add(c => c.OnChanged, () => reloads++));

        header.Find("form[aria-labelledby=enrol-heading]").Submit();

        header.WaitForAssertion(() => Assert.Contains("Someone else changed this patient", header.Find("[data-testid=problem]").TextContent));
        var (_, path, _) = Assert.Single(stub.Requests);
        Assert.EndsWith("/enrolment", path);
        header.Find("[data-testid=problem] button").Click();
        Assert.Equal(1, reloads);
        Assert.Empty(header.FindAll("[data-testid=problem]"));
    }

    [Fact]
    public void A_clinician_can_decline_enrolment_with_a_reason_and_the_reason_error_shows_under_it()
    {
        var stub = new StubServices(_ => StubServices.Json(HttpStatusCode.BadRequest,
            """{"title":"The request is invalid.","status":400,"errors":{"reason":["A reason is required."]}}"""));
        StubServices.Register(this, stub, role: "clinician");
        var header = Render<PatientHeader>(p => p.Add(c => c.Summary, Eligible()));

        header.Find("form[aria-labelledby=decline-heading]").Submit();

        header.WaitForAssertion(() => Assert.Equal("A reason is required.", header.Find("[data-field=reason]").TextContent));
        Assert.EndsWith("/enrolment-declined", Assert.Single(stub.Requests).Path);
    }
}
