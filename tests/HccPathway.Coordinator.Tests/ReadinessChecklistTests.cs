using Microsoft.Extensions.DependencyInjection;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.Coordinator.Api;
using HccPathway.Coordinator.Components.Pages.Patient;

namespace HccPathway.Coordinator.Tests;

public sealed class ReadinessChecklistTests : BunitContext
{
    private static readonly Guid EvidenceId = Guid.Parse("0193aa11-2222-7333-8444-555566667777");

    [Fact]
    public void Each_criterion_shows_its_status_observation_threshold_evidence_and_what_is_missing()
    {
        var on = new DateOnly(2026, 10, 1);
        var checklist = new ChecklistView(Guid.NewGuid(), "blocked", on, on.AddDays(5),
        [
            new CriterionView(new ReadinessCriterionResult("flr", "SURG-READY", "(3) FLR / SLV", "pass", "48", 48m, "%", "≥ 40 %",
                [new ReadinessEvidence(EvidenceId, on)], null), on),
            new CriterionView(new ReadinessCriterionResult("adverse-events", "SURG-READY", "(6) Treatment-related adverse events resolved", "fail",
                "Rash maculo-papular grade 3", 3m, "CTCAE grade", "none unresolved", [], null), on.AddDays(2)),
            new CriterionView(new ReadinessCriterionResult("r0", "SURG-READY", "(2) R0 resection feasible (surgeon)", "unknown", "not assessed",
                null, null, "feasible", [], "surgeon's assessment"), null),
        ], ["adverse-events: fail", "r0: unknown (surgeon's assessment)"], "2026.1");
        Services.AddSingleton(TimeProvider.System);

        var view = Render<ReadinessChecklist>(p => p.Add(c => c.Checklist, checklist).Add(c => c.EarliestSafeSurgery, on.AddDays(30)));

        Assert.Equal("blocked", view.Find("[data-testid=verdict]").TextContent);
        Assert.Contains("verdict-blocked", view.Find("[data-testid=verdict]").ClassName);
        var flr = view.Find("tr[data-criterion=flr]");
        Assert.Equal("pass", flr.QuerySelector("[data-testid=criterion-status]")!.TextContent);
        Assert.Contains("48 %", flr.TextContent);
        Assert.Contains("grade 3 CTCAE grade", view.Find("tr[data-criterion=adverse-events]").TextContent);
        Assert.Contains("≥ 40 %", flr.TextContent);
        Assert.Contains("event 0193aa11", flr.TextContent);
        Assert.Equal("fail", view.Find("tr[data-criterion=adverse-events] [data-testid=criterion-status]").TextContent);
        Assert.Contains("missing: surgeon's assessment", view.Find("tr[data-criterion=r0]").TextContent);
        Assert.NotEmpty(view.Find("[data-testid=earliest-surgery]").TextContent);
    }

    [Fact]
    public void Without_a_checklist_it_says_when_one_starts()
    {
        var view = Render<ReadinessChecklist>();

        Assert.Contains("starts one when the patient is enrolled", view.Markup);
        Assert.Empty(view.FindAll("table"));
    }

    [Fact]
    public void A_criterion_the_rules_only_call_missing_says_not_recorded_once_and_links_to_the_form_that_records_it()
    {
        var on = new DateOnly(2026, 10, 1);
        var pathwayId = Guid.NewGuid();
        var checklist = new ChecklistView(pathwayId, "blocked", on, on, [
            new CriterionView(new ReadinessCriterionResult(ReadinessCriteria.R0Feasible, "SURG-READY", "(2) R0 resection feasible", "unknown", "no assessment",
                null, null, "feasible", [], "missing"), on),
            new CriterionView(new ReadinessCriterionResult(ReadinessCriteria.FutureLiverRemnant, "SURG-READY", "(3) FLR", "unknown", "not recorded",
                null, null, "≥ 40 %", [], "missing"), on),
        ], [], "2026.1");

        var view = Render<ReadinessChecklist>(p => p.Add(c => c.Checklist, checklist));

        Assert.DoesNotContain("missing: missing", view.Markup);
        Assert.Empty(view.FindAll("[data-testid=criterion-missing]"));
        Assert.Equal($"/patients/{pathwayId}/surgical-feasibility", view.Find($"tr[data-criterion={ReadinessCriteria.R0Feasible}] a").GetAttribute("href"));
        Assert.Equal($"/patients/{pathwayId}/liver-function", view.Find($"tr[data-criterion={ReadinessCriteria.FutureLiverRemnant}] a").GetAttribute("href"));
    }
}
