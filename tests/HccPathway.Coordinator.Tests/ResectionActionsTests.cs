using System.Net;
using HccPathway.Coordinator.Components.Pages.Patient;

namespace HccPathway.Coordinator.Tests;

/// <summary>The MDT and surgery section offers a booked resection's reschedule and cancellation to clinicians only.</summary>
public sealed class ResectionActionsTests : BunitContext
{
    private static readonly Guid PathwayId = Guid.Parse("0193aa11-2222-7333-8444-555566667777");

    private void Surgery(string resection, string role)
    {
        var stub = new StubServices(request => request.RequestUri!.AbsolutePath.EndsWith("/surgery", StringComparison.Ordinal)
            ? StubServices.Json(HttpStatusCode.OK, $$"""
                {"pathwayId":"{{PathwayId}}","mdtDecisions":[{"outcome":"resect","decidedOn":"2026-03-01","intendedSurgeryOn":"2026-03-20"}],
                 "resection":{{resection}},"adjuvantDecided":false}
                """)
            : StubServices.Json(HttpStatusCode.OK, """{"suggestions":[],"followUp":null,"ruleSetVersion":"2026.2"}"""));
        StubServices.Register(this, stub, role: role);
    }

    private const string Booked =
        """{"scheduledOn":"2026-03-20","procedure":"right hepatectomy","override":false,"performedOn":null,"margin":null,"pathologicalCompleteResponse":null,"recurrenceRiskLevel":null}""";

    [Fact]
    public void A_booked_resection_offers_a_clinician_reschedule_and_cancel_but_not_a_second_booking()
    {
        Surgery(Booked, "clinician");
        var section = Render<MdtSection>(p => p.Add(c => c.PathwayId, PathwayId));

        section.WaitForAssertion(() => Assert.Contains("scheduled for", section.Find("[data-testid=resection]").TextContent));
        var links = section.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/patients/{PathwayId}/resection/reschedule", links);
        Assert.Contains($"/patients/{PathwayId}/resection/cancel", links);
        Assert.DoesNotContain($"/patients/{PathwayId}/resection", links);
    }

    [Fact]
    public void A_performed_resection_or_a_coordinator_gets_no_reschedule_or_cancel()
    {
        Surgery(Booked.Replace("\"performedOn\":null", "\"performedOn\":\"2026-03-20\"", StringComparison.Ordinal), "clinician");
        var performed = Render<MdtSection>(p => p.Add(c => c.PathwayId, PathwayId));
        performed.WaitForAssertion(() => Assert.Contains("performed", performed.Find("[data-testid=resection]").TextContent));
        Assert.DoesNotContain(performed.FindAll("a"), a => a.GetAttribute("href")!.EndsWith("/reschedule", StringComparison.Ordinal));
    }

    [Fact]
    public void A_coordinator_sees_the_booking_but_no_reschedule_or_cancel()
    {
        Surgery(Booked, "coordinator");
        var section = Render<MdtSection>(p => p.Add(c => c.PathwayId, PathwayId));
        section.WaitForAssertion(() => Assert.Contains("scheduled for", section.Find("[data-testid=resection]").TextContent));
        Assert.DoesNotContain(section.FindAll("a"), a => a.GetAttribute("href")!.EndsWith("/cancel", StringComparison.Ordinal));
    }
}
