using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HccPathway.Coordinator.BrowserTests;

/// <summary>
/// A clinician changes an enrolled patient's plan on the calendar: orders a second TACE session (it appears in the
/// plan), skips a camrelizumab dose with a reason (shown skipped, with the reason), and a third session inside the
/// minimum interval is refused with SCHED-TACE-REPEAT while the plan stays as it was.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class RegimenChangeTests(RunningSystem system, ITestOutputHelper output)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task A_clinician_orders_a_tace_session_skips_a_dose_and_sees_a_session_inside_the_interval_refused()
    {
        SetDefaultExpectTimeout(30_000);
        await using var context = await system.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.CoordinatorUrl, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Fforms%2Fregister");
        await page.GetByLabel("User name").FillAsync("dr-who");
        await page.GetByLabel("Role").SelectOptionAsync("clinician");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a patient" })).ToBeVisibleAsync();

        await Fill(page.GetByLabel("Medical record number"), $"MRN-{Guid.NewGuid():N}"[..16]);
        await Fill(page.GetByLabel("Full name"), "Tom Example");
        await Fill(page.GetByLabel("Date of birth"), "1961-07-14");
        await page.GetByLabel("Sex").SelectOptionAsync("male");
        await Fill(page.GetByLabel("Referral date"), Iso(Today.AddDays(-20)));
        await Fill(page.GetByLabel("Referring centre"), "City Hospital");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByTestId("intake-phase")).ToHaveTextAsync("Registered");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record baseline" }).ClickAsync();
        await FillBaseline(page, Today.AddDays(-10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record baseline and decide eligibility" }).ClickAsync();
        await Explained(page, () => Expect(page.GetByTestId("eligibility")).ToHaveTextAsync("eligible"));
        await Act(page, async () =>
            {
                await Fill(page.GetByLabel("Enrolled on"), Iso(Today.AddDays(-5)));
                await page.GetByRole(AriaRole.Button, new() { Name = "Enrol", Exact = true }).ClickAsync();
            },
            () => Expect(page.GetByTestId("intake-phase")).ToHaveTextAsync("Enrolled"));
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

    /// <summary>When an expectation fails, the failure names what the services refused (the problem banners on the page).</summary>
    private static async Task Explained(IPage page, Func<Task> expectation)
    {
        try
        {
            await expectation();
        }
        catch (PlaywrightException e)
        {
            var problems = await page.GetByTestId("problem").AllInnerTextsAsync();
            throw new InvalidOperationException($"{e.Message}\nProblems on the page: {string.Join(" | ", problems)}", e);
        }
    }

    /// <summary>
    /// Another service's consumer may append to the patient's stream between the page's read and the click, and the app
    /// then (rightly) says someone else changed the patient: reload and act again, as a user would.
    /// </summary>
    private static async Task Act(IPage page, Func<Task> act, Func<Task> expectDone)
    {
        for (var attempt = 1; ; attempt++)
        {
            await act();
            var stale = page.GetByTestId("problem").Filter(new() { HasText = "Someone else changed this patient" });
            var done = expectDone();
            var conflict = stale.WaitForAsync(new() { Timeout = 30_000 });
            if (await Task.WhenAny(done, conflict) == done || !conflict.IsCompletedSuccessfully || attempt == 4)
            {
                await Explained(page, () => done);
                return;
            }

            await stale.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
            await Expect(stale).ToHaveCountAsync(0);
        }
    }

    private static async Task FillBaseline(IPage page, DateOnly on)
    {
        // ELIG-2: one 80 mm tumour with Cheng III PVTT (CNLC IIIa), Child–Pugh A, ECOG 0, resectable, FLR 650 mL.
        (string Label, string Value)[] values =
        [
            ("Assessed on", Iso(on)), ("Weight (kg)", "72"), ("Height (cm)", "170"), ("ECOG performance status (0–4)", "0"),
            ("Bilirubin (µmol/L)", "15"), ("Albumin (g/L)", "42"), ("INR (ratio)", "1.0"), ("AFP (ng/mL)", "1200"),
            ("DCP (PIVKA-II) (mAU/mL)", "900"), ("AST (U/L)", "40"), ("ALT (U/L)", "35"), ("ICG-R15 (%)", "6"),
            ("Future liver remnant (mL)", "650"), ("Tumour count", "1"), ("Tumour diameters (mm, comma-separated)", "80"),
        ];
        foreach (var (label, value) in values)
        {
            await Fill(page.GetByLabel(label, new() { Exact = true }), value);
        }

        await page.GetByLabel("PVTT (Cheng type)").SelectOptionAsync("III");
    }

    // Blazor binds on "change"; Playwright's fill raises "input" only.
    private static async Task Fill(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.DispatchEventAsync("change");
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
