using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HccPathway.Coordinator.BrowserTests;

/// <summary>The steps the browser tests share: a clinician's patient enrolled through the app, and acting on it.</summary>
public static class PatientSteps
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    /// <summary>
    /// Signs in as a clinician and registers, baselines (ELIG-2 eligible) and enrols a patient through the forms; ends on
    /// the patient page once Intake says enrolled (Scheduling and Assessment start from that message).
    /// </summary>
    public static async Task EnrolledPatient(IPage page, string fullName)
    {
        await page.GotoAsync("/login?returnUrl=%2Fforms%2Fregister");
        await page.GetByLabel("User name").FillAsync("dr-who");
        await page.GetByLabel("Role").SelectOptionAsync("clinician");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a patient" })).ToBeVisibleAsync();

        await Fill(page.GetByLabel("Medical record number"), $"MRN-{Guid.NewGuid():N}"[..16]);
        await Fill(page.GetByLabel("Full name"), fullName);
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
    }

    /// <summary>When an expectation fails, the failure names what the services refused (the problem banners on the page).</summary>
    public static async Task Explained(IPage page, Func<Task> expectation)
    {
        try
        {
            await expectation();
        }
        catch (PlaywrightException e)
        {
            var problems = await page.GetByTestId("problem").AllInnerTextsAsync();
            var shots = Environment.GetEnvironmentVariable("HCC_TEST_RESULTS") ?? Path.Combine(AppContext.BaseDirectory, "TestResults");
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "coordinator-screenshots", "failure.png"), FullPage = true });
            throw new InvalidOperationException($"{e.Message}\nProblems on the page: {string.Join(" | ", problems)}", e);
        }
    }

    /// <summary>
    /// Another service's consumer may append to the patient's stream between the page's read and the click, and the app
    /// then (rightly) says someone else changed the patient: reload and act again, as a user would.
    /// </summary>
    public static async Task Act(IPage page, Func<Task> act, Func<Task> expectDone)
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

    public static async Task FillBaseline(IPage page, DateOnly on)
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
    public static async Task Fill(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.DispatchEventAsync("change");
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
