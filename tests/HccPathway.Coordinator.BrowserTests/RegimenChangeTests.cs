using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HccPathway.Coordinator.BrowserTests.PatientSteps;
using static Microsoft.Playwright.Assertions;

namespace HccPathway.Coordinator.BrowserTests;

/// <summary>
/// A clinician changes an enrolled patient's plan on the calendar: orders a second TACE session (it appears in the
/// plan), skips a camrelizumab dose with a reason (shown skipped, with the reason), and a third session inside the
/// minimum interval is refused with SCHED-TACE-REPEAT while the plan stays as it was.
/// </summary>
[Collection(EnrolledPatientsCollection.Name)]
public sealed class RegimenChangeTests(RunningSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_clinician_orders_a_tace_session_skips_a_dose_and_sees_a_session_inside_the_interval_refused()
    {
        SetDefaultExpectTimeout(30_000);
        await using var context = await system.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.CoordinatorUrl, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await EnrolledPatient(page, "Tom Example");
        await Expect(Item(page, "TACE-1")).ToBeVisibleAsync();

        // A second session well after the first (SCHED-TACE-REPEAT allows it): it joins the plan.
        var order = page.GetByTestId("order-tace");
        await order.Locator("summary").ClickAsync();
        await Act(page, async () =>
            {
                await Fill(order.GetByLabel("Session date"), Iso(Today.AddDays(90)));
                await Fill(order.GetByLabel("Reason for the session"), "Residual viable tumour after TACE-1");
                await order.GetByRole(AriaRole.Button, new() { Name = "Order TACE session" }).ClickAsync();
            },
            () => Expect(Item(page, "TACE-2").GetByTestId("due")).ToHaveTextAsync(Today.AddDays(90).ToString("d", CultureInfo.GetCultureInfo("en-GB"))));
        await Expect(Item(page, "TACE-2").GetByTestId("status")).ToHaveTextAsync("upcoming");

        // A camrelizumab dose skipped with its reason: shown skipped, with the reason, and nothing left to do on it.
        var dose = Item(page, "CAM-1");
        await Act(page, async () =>
            {
                await dose.Locator("summary", new() { HasTextRegex = new("^Skip$") }).ClickAsync();
                await Fill(dose.Locator("#skip-reason-CAM-1"), "Patient in hospital with pneumonia");
                await dose.GetByRole(AriaRole.Button, new() { Name = "Skip", Exact = true }).ClickAsync();
            },
            () => Expect(dose.GetByTestId("status")).ToHaveTextAsync("skipped: Patient in hospital with pneumonia"));
        await Expect(dose.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        // A third session ten days after the second: refused with the rule, and no session is added.
        await Act(page, async () =>
            {
                await Fill(order.GetByLabel("Session date"), Iso(Today.AddDays(100)));
                await Fill(order.GetByLabel("Reason for the session"), "Requested by the radiologist");
                await order.GetByRole(AriaRole.Button, new() { Name = "Order TACE session" }).ClickAsync();
            },
            () => Expect(order.GetByTestId("problem")).ToContainTextAsync("SCHED-TACE-REPEAT"));
        await Expect(order.GetByTestId("problem")).ToContainTextAsync($"the earliest is {Today.AddDays(90 + 28):yyyy-MM-dd}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Expect(page.Locator("tr[data-testid=calendar-row][data-item^=TACE-]")).ToHaveCountAsync(2);

        var path = Path.Combine(system.ScreenshotDirectory, "regimen-changed.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot {path}");
    }

    private static ILocator Item(IPage page, string itemId) => page.Locator($"tr[data-testid=calendar-row][data-item='{itemId}']");
}
