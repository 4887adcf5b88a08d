using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HccPathway.Coordinator.BrowserTests;

/// <summary>
/// A coordinator records that a registered patient left the pathway: an exit dated before the referral is refused
/// next to its field, a valid one shows on the patient page (reason and date) and the form goes away.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class RecordExitTests(RunningSystem system, ITestOutputHelper output)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task A_coordinator_records_an_exit_and_the_patient_page_shows_that_the_patient_left()
    {
        SetDefaultExpectTimeout(30_000);
        await using var context = await system.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.CoordinatorUrl, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Fforms%2Fregister");
        await page.GetByLabel("User name").FillAsync("cora");
        await page.GetByLabel("Role").SelectOptionAsync("coordinator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a patient" })).ToBeVisibleAsync();

        await Fill(page.GetByLabel("Medical record number"), $"MRN-{Guid.NewGuid():N}"[..16]);
        await Fill(page.GetByLabel("Full name"), "Eve Example");
        await Fill(page.GetByLabel("Date of birth"), "1958-04-09");
        await page.GetByLabel("Sex").SelectOptionAsync("female");
        await Fill(page.GetByLabel("Referral date"), Iso(Today.AddDays(-30)));
        await Fill(page.GetByLabel("Referring centre"), "City Hospital");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByTestId("intake-phase")).ToHaveTextAsync("Registered");
        await Expect(page.GetByTestId("exit")).ToHaveCountAsync(0);

        // Dated before the referral: Intake refuses it (400) and the error stands under the date.
        await page.GetByLabel("Exit reason").SelectOptionAsync("TransferredToAnotherCentre");
        await Fill(page.GetByLabel("Exit date"), Iso(Today.AddDays(-31)));
        await Fill(page.GetByLabel("Exit detail"), "Transferred to North Liver Unit.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record exit" }).ClickAsync();
        await Expect(page.Locator("[data-field=exitedOn]")).ToContainTextAsync("not before the referral");
        await Expect(page.GetByTestId("intake-phase")).ToHaveTextAsync("Registered");

        await Fill(page.GetByLabel("Exit date"), Iso(Today.AddDays(-1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record exit" }).ClickAsync();

        await Expect(page.GetByTestId("intake-phase")).ToHaveTextAsync("Exited");
        await Expect(page.GetByTestId("exit-reason")).ToHaveTextAsync("Transferred to another centre");
        await Expect(page.GetByTestId("exit")).ToContainTextAsync("North Liver Unit");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record exit" })).ToHaveCountAsync(0);
        var path = Path.Combine(system.ScreenshotDirectory, "exit-recorded.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot {path}");
    }

    // Blazor binds on "change"; Playwright's fill raises "input" only.
    private static async Task Fill(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.DispatchEventAsync("change");
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
