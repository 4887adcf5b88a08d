using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static HccPathway.Coordinator.BrowserTests.PatientSteps;
using static Microsoft.Playwright.Assertions;

namespace HccPathway.Coordinator.BrowserTests;

/// <summary>
/// A coordinator and a clinician drive one patient through the app in Chromium from registration to the MDT's surgery
/// decision: register (with a server validation error shown next to its field), baseline with the live preview,
/// enrolment, lenvatinib start, a late TACE that moves the camrelizumab dates, a grade 3 AE that holds camrelizumab and
/// fails readiness criterion (6), its resolution and the resumption, imaging to an mRECIST partial response, liver
/// function (a server error first), tumour markers and the surgeon's assessment until every criterion passes, and the
/// MDT's decision to resect.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class CoordinatorJourneyTests(RunningSystem system, ITestOutputHelper output)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task A_patient_goes_from_registration_to_the_surgery_decision_in_the_browser()
    {
        SetDefaultExpectTimeout(30_000);
        await using var context = await system.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.CoordinatorUrl, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();

        // Sign in as a coordinator.
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Shot(page, "01-login");
        await SignIn(page, "cora", "coordinator");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("cora (coordinator)");
        await Shot(page, "02-today");

        // Register: the server's validation error appears next to the field it names.
        await page.GetByRole(AriaRole.Link, new() { Name = "Register patient" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a patient" })).ToBeVisibleAsync();
        var mrn = $"MRN-{Guid.NewGuid():N}"[..16];
        await Fill(page.GetByLabel("Medical record number"), mrn);
        await Fill(page.GetByLabel("Date of birth"), "1960-01-02");
        await page.GetByLabel("Sex").SelectOptionAsync("male");
        await Fill(page.GetByLabel("Referral date"), Iso(Today.AddDays(-90)));
        await Fill(page.GetByLabel("Referring centre"), "City Hospital");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.Locator("[data-field=fullName]")).ToContainTextAsync("Required");
        await Shot(page, "03-register-validation");
        await Fill(page.GetByLabel("Full name"), "Ada Example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByTestId("intake-phase")).ToHaveTextAsync("Registered");
        var patientUrl = new Uri(page.Url).AbsolutePath;
        output.WriteLine($"patient page: {patientUrl}");

        // Baseline: the preview is computed while typing; Intake then decides eligibility.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record baseline" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Baseline assessment" })).ToBeVisibleAsync();
        await FillBaseline(page, Today.AddDays(-80));
        await Expect(page.GetByTestId("preview-child-pugh")).ToContainTextAsync("A");
        await Expect(page.GetByTestId("preview-cnlc")).ToHaveTextAsync("IIIa");
        await Expect(page.GetByTestId("preview-eligibility")).ToHaveTextAsync("eligible");
        await Shot(page, "04-baseline-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record baseline and decide eligibility" }).ClickAsync();
        await Explained(page, () => Expect(page.GetByTestId("eligibility")).ToHaveTextAsync("eligible"));
        await Expect(page.GetByText("a clinician enrols the patient")).ToBeVisibleAsync();

        // Enrolment is a clinician's decision: sign in again as one.
        await SignIn(page, "dr-who", "clinician", patientUrl);
        await Act(page, async () =>
            {
                await Fill(page.GetByLabel("Enrolled on"), Iso(Today.AddDays(-60)));
                await page.GetByRole(AriaRole.Button, new() { Name = "Enrol", Exact = true }).ClickAsync();
            },
            () => Expect(page.GetByTestId("intake-phase")).ToHaveTextAsync("Enrolled"));

        // Scheduling plans the regimen from the enrolment message; the page follows it.
        var lenvatinib = Item(page, "LEN-1");
        await Expect(lenvatinib).ToBeVisibleAsync();
        await Act(page, () => lenvatinib.GetByRole(AriaRole.Button, new() { Name = "Record start" }).ClickAsync(),
            () => Expect(lenvatinib.GetByTestId("status")).ToHaveTextAsync("done"));

        var camrelizumab = Item(page, "CAM-1");
        var camrelizumabDueBefore = await camrelizumab.GetByTestId("due").InnerTextAsync();
        var tace = Item(page, "TACE-1");
        var taceDue = DateOnly.ParseExact(await tace.Locator("input[type=date]").First.InputValueAsync(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var taceLate = taceDue.AddDays(5);
        Assert.True(taceLate <= Today, $"TACE due {taceDue} is too recent for a late TACE in the past");
        await Act(page, async () =>
            {
                await Fill(Item(page, "TACE-1").Locator("input[type=date]").First, Iso(taceLate));
                await Item(page, "TACE-1").GetByRole(AriaRole.Button, new() { Name = "TACE performed" }).ClickAsync();
            },
            () => Expect(Item(page, "CAM-1").GetByTestId("due")).Not.ToHaveTextAsync(camrelizumabDueBefore));
        var camrelizumabDueAfter = await Item(page, "CAM-1").GetByTestId("due").InnerTextAsync();
        output.WriteLine($"camrelizumab 1 due {camrelizumabDueBefore} before, {camrelizumabDueAfter} after TACE 5 days late");
        var readinessAe = page.Locator("[data-testid=readiness] tr").Filter(new() { HasText = "(6)" });
        await Expect(readinessAe.GetByTestId("criterion-status")).ToHaveTextAsync("pass");
        await Expect(page.GetByTestId("earliest-surgery")).Not.ToBeEmptyAsync();
        await Shot(page, "05-patient-after-tace");

        // A treatment-related grade 3 AE suspected of camrelizumab: Scheduling holds the drug, readiness (6) fails.
        await page.GetByRole(AriaRole.Link, new() { Name = "Report adverse event" }).ClickAsync();
        await Fill(page.GetByLabel("CTCAE term"), "Rash maculo-papular");
        await Fill(page.GetByLabel("Grade"), "3");
        await Fill(page.GetByLabel("Onset"), Iso(Today.AddDays(-2)));
        await page.Locator("#suspect-camrelizumab").CheckAsync();
        await Shot(page, "06-adverse-event-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Report" }).ClickAsync();
        await Explained(page, () => Expect(page.GetByTestId("hold").Filter(new() { HasText = "camrelizumab held" })).ToBeVisibleAsync());
        await Expect(page.GetByTestId("max-open-grade")).ToHaveTextAsync("3");
        await Expect(readinessAe.GetByTestId("criterion-status")).ToHaveTextAsync("fail");
        await Shot(page, "07-patient-hold");

        // The AE settles to grade 1: Scheduling makes the hold resumable and the held rows offer "Resume", not "Record dose".
        var adverseEvent = page.GetByTestId("adverse-event").Filter(new() { HasText = "Rash maculo-papular" });
        await Fill(adverseEvent.GetByLabel("Residual grade"), "1");
        await adverseEvent.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Explained(page, () => Expect(adverseEvent).ToContainTextAsync("resolved"));
        await Expect(page.GetByTestId("hold").Filter(new() { HasText = "resumable from" })).ToBeVisibleAsync();
        var heldRows = page.GetByTestId("calendar-row").Filter(new() { HasText = "held" });
        await Expect(heldRows.GetByRole(AriaRole.Button, new() { Name = "Record dose" })).ToHaveCountAsync(0);
        var resumable = page.GetByTestId("calendar-row").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Resume camrelizumab" }) }).First;
        await Act(page, async () =>
            {
                await Fill(resumable.GetByLabel("Reason"), "Rash back to grade 1.");
                await resumable.GetByRole(AriaRole.Button, new() { Name = "Resume camrelizumab" }).ClickAsync();
            },
            () => Expect(page.GetByTestId("hold").Filter(new() { HasText = "resumed" })).ToBeVisibleAsync());
        await Expect(readinessAe.GetByTestId("criterion-status")).ToHaveTextAsync("pass");
        await Shot(page, "08-patient-resumed");

        // Imaging: the baseline study, then a follow-up with the viable tumour shrunk 80 → 30 mm (mRECIST PR).
        await RecordStudy(page, Today.AddDays(-55), isBaseline: true, diameterMm: "80", viableMm: "80", shot: "09-imaging-form");
        await Expect(page.GetByTestId("response-row")).ToHaveCountAsync(1);
        await RecordStudy(page, Today.AddDays(-1), isBaseline: false, diameterMm: "60", viableMm: "30");
        await Expect(page.GetByTestId("response-row")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("response-row").Last).ToContainTextAsync("PR");
        // The Coordinator draws the chart from Assessment's data: one RECIST point per study, dates with the month as a word.
        await Expect(page.Locator("figure.chart svg g[data-series=recist-sum] circle")).ToHaveCountAsync(2);
        await Expect(page.Locator("figure.chart svg g.date-label").Last).ToHaveTextAsync(
            Today.AddDays(-1).ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        await Shot(page, "09-patient-response-chart");

        // Liver function before surgery, with immune hepatitis excluded (SURG-WASH) — a server error first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record liver function", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Liver function and performance status" })).ToBeVisibleAsync();
        (string Label, string Value)[] liver =
        [
            ("Bilirubin (µmol/L)", "14"), ("Albumin (g/L)", "41"), ("INR (ratio)", "1.0"), ("Encephalopathy grade (West Haven 0–4)", "0"),
            ("ICG-R15 (%)", "7"), ("ECOG performance status (0–4)", "0"), ("Future liver remnant (mL)", "640"),
            ("Weight (kg, for the standard liver volume)", "72"), ("AST (U/L)", "32"), ("ALT (U/L)", "30"),
        ];
        foreach (var (label, value) in liver)
        {
            await Fill(page.GetByLabel(label, new() { Exact = true }), value);
        }

        await page.GetByLabel("Immune hepatitis", new() { Exact = true }).SelectOptionAsync("excluded");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record liver function" }).ClickAsync();
        await Expect(page.Locator("[data-field=ascites]")).ToContainTextAsync("Child–Pugh");
        await Expect(page.Locator("[data-field=immuneHepatitisEvidence]")).ToContainTextAsync("immune hepatitis");
        await Shot(page, "10-liver-function-validation");
        await page.GetByLabel("Ascites", new() { Exact = true }).SelectOptionAsync("none");
        await Fill(page.GetByLabel("How it was excluded"), "AST/ALT normal; no hepatitis on biopsy.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record liver function" }).ClickAsync();
        await Explained(page, () => Expect(page.GetByTestId("intake-phase")).ToBeVisibleAsync());

        // Tumour markers back to normal.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record tumour markers" }).ClickAsync();
        await Fill(page.GetByLabel("AFP (ng/mL)", new() { Exact = true }), "5");
        await Fill(page.GetByLabel("DCP (PIVKA-II) (mAU/mL)", new() { Exact = true }), "20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record markers" }).ClickAsync();
        await Explained(page, () => Expect(page.GetByTestId("intake-phase")).ToBeVisibleAsync());

        // The surgeon: R0 feasible, no other contraindication. The checklist then passes every criterion.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record surgical feasibility" }).ClickAsync();
        await page.GetByLabel("R0 resection feasible").SelectOptionAsync("yes");
        await page.GetByLabel("Other contraindication to surgery").SelectOptionAsync("no");
        await Shot(page, "11-feasibility-form");
        await Act(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Record assessment" }).ClickAsync(),
            () => Expect(page.GetByTestId("intake-phase")).ToBeVisibleAsync());
        await Explained(page, () => Expect(page.GetByTestId("verdict")).ToHaveTextAsync("ready"));
        await Expect(page.GetByTestId("criterion-status")).ToHaveTextAsync(["pass", "pass", "pass", "pass", "pass", "pass"]);
        await Expect(page.GetByTestId("readiness")).Not.ToContainTextAsync("missing: missing");
        await Shot(page, "12-patient-ready");

        // The MDT decides to resect; the decision shows on the patient page with the intended date.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record MDT decision" }).ClickAsync();
        await page.GetByLabel("Outcome").SelectOptionAsync("resect");
        await Fill(page.GetByLabel("Intended surgery date (resect)"), Iso(Today.AddDays(30)));
        await Fill(page.GetByLabel("Rationale"), "mRECIST PR; readiness all pass.");
        await Shot(page, "13-mdt-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Explained(page, () => Expect(page.GetByTestId("mdt-decision").Filter(new() { HasText = "resect" })).ToBeVisibleAsync());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Schedule the resection" })).ToBeVisibleAsync();
        await Shot(page, "14-patient-mdt-decision");

        // The other main screens render with the patient in them.
        await page.GetByRole(AriaRole.Link, new() { Name = "Patients" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Conversion therapy" }).ClickAsync();
        await Expect(page.GetByTestId("patient-row").Filter(new() { HasText = mrn })).ToBeVisibleAsync();
        await Fill(page.GetByRole(AriaRole.Textbox, new() { Name = "Name or record number" }), mrn.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByTestId("patient-row")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("patient-row")).ToContainTextAsync("Ada Example");
        await Shot(page, "15-patients");
        await page.GetByRole(AriaRole.Link, new() { Name = "Centre benchmark" }).ClickAsync();
        await Expect(page.GetByText("Cohort: 1 enrolled patient(s)")).ToBeVisibleAsync();
        await Shot(page, "16-benchmark");
        output.WriteLine($"screenshots: {system.ScreenshotDirectory}");
        Console.WriteLine($"Coordinator screenshots: {system.ScreenshotDirectory}");
    }

    // A row by its plan item id (LEN-1, TACE-1, CAM-1): the label is for people and changes with the wording.
    private static ILocator Item(IPage page, string itemId) => page.Locator($"tr[data-testid=calendar-row][data-item='{itemId}']");

    private static async Task SignIn(IPage page, string user, string role, string returnUrl = "/")
    {
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Role").SelectOptionAsync(role);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync($"{user} ({role})");
    }

    private async Task RecordStudy(IPage page, DateOnly on, bool isBaseline, string diameterMm, string viableMm, string? shot = null)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Record imaging study" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record an imaging study" })).ToBeVisibleAsync();
        await Fill(page.GetByLabel("Study date"), Iso(on));
        if (isBaseline)
        {
            await page.GetByLabel("New baseline").CheckAsync();
        }

        await Fill(page.GetByLabel("Lesion 1 diameter (mm)", new() { Exact = true }), diameterMm);
        await Fill(page.GetByLabel("Lesion 1 viable diameter (mm)", new() { Exact = true }), viableMm);
        if (shot is not null)
        {
            await Shot(page, shot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Record study" }).ClickAsync();
        await Explained(page, () => Expect(page.GetByTestId("intake-phase")).ToBeVisibleAsync());
    }

    private async Task Shot(IPage page, string name)
    {
        var path = Path.Combine(system.ScreenshotDirectory, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot {path}");
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
