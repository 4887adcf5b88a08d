using Microsoft.Playwright;
using Xunit.Abstractions;
using static HccPathway.Coordinator.BrowserTests.PatientSteps;
using static Microsoft.Playwright.Assertions;

namespace HccPathway.Coordinator.BrowserTests;

/// <summary>
/// A tumour marker sample recorded with a wrong AFP is corrected on the patient page (the new value shows), then marked
/// entered in error: without a reason Assessment refuses it and the sample stays; with one the sample leaves the list.
/// </summary>
[Collection(EnrolledPatientsCollection.Name)]
public sealed class TumourMarkerCorrectionTests(RunningSystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task A_sample_is_corrected_then_marked_entered_in_error_with_a_reason()
    {
        SetDefaultExpectTimeout(30_000);
        await using var context = await system.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.CoordinatorUrl, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await EnrolledPatient(page, "Una Example");
        await Expect(page.GetByTestId("no-markers")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record tumour markers" }).ClickAsync();
        await Fill(page.Locator("#sampledOn"), Iso(Today.AddDays(-1)));
        await Fill(page.Locator("[id='afp.value']"), "1250");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record markers" }).ClickAsync();
        var sample = page.GetByTestId("marker-row");
        await Explained(page, () => Expect(sample.GetByTestId("afp")).ToHaveTextAsync("1250"));

        await sample.Locator("summary", new() { HasTextRegex = new("^Correct$") }).ClickAsync();
        await Act(page, async () =>
            {
                await Fill(sample.GetByLabel("AFP (ng/mL)"), "125");
                await Fill(sample.Locator("input[id^=correct-reason-]"), "Transcription error: 125 ng/mL on the report");
                await sample.GetByRole(AriaRole.Button, new() { Name = "Correct sample" }).ClickAsync();
            },
            () => Expect(sample.GetByTestId("afp")).ToHaveTextAsync("125"));

        // The reason is shared by the row's actions: cleared after the correction, so this first attempt has none.
        await sample.Locator("summary", new() { HasTextRegex = new("^Entered in error$") }).ClickAsync();
        await Act(page, () => sample.GetByRole(AriaRole.Button, new() { Name = "Mark entered in error" }).ClickAsync(),
            () => Expect(page.GetByTestId("problem")).ToContainTextAsync("Required: why the record is corrected"));
        await Expect(sample).ToHaveCountAsync(1);

        await Act(page, async () =>
            {
                await Fill(sample.Locator("input[id^=error-reason-]"), "Sample of another patient");
                await sample.GetByRole(AriaRole.Button, new() { Name = "Mark entered in error" }).ClickAsync();
            },
            () => Expect(page.GetByTestId("no-markers")).ToBeVisibleAsync());

        var path = Path.Combine(system.ScreenshotDirectory, "markers-corrected.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot {path}");
    }
}
