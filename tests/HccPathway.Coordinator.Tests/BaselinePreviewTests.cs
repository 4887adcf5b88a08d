using HccPathway.Clinical.Rules;
using HccPathway.Coordinator.Clinical;
using HccPathway.Coordinator.Components.Pages.Forms.Baseline;

namespace HccPathway.Coordinator.Tests;

public sealed class BaselinePreviewTests : BunitContext
{
    private static BaselineModel Elig2() => new()
    {
        AssessedOn = new DateOnly(2026, 9, 1), WeightKg = 72m, HeightCm = 170m, Ecog = 0, BilirubinMicromolesPerLitre = 15m,
        AlbuminGramsPerLitre = 42m, Inr = 1.0m, AfpNanogramsPerMillilitre = 1200m, Ascites = "none", EncephalopathyGrade = 0,
        IcgR15Percent = 6m, FutureLiverRemnantMillilitres = 650m, TumourCount = 1, TumourDiameters = "80", PvttChengType = "III",
    };

    [Fact]
    public void A_complete_baseline_previews_child_pugh_albi_cnlc_and_eligibility()
    {
        var result = BaselinePreview.Evaluate(Elig2(), 66, ClinicalRuleSet.Default);

        var view = Render<BaselinePreviewPanel>(p => p.Add(c => c.Result, result));

        Assert.Equal("A (5 points)", view.Find("[data-testid=preview-child-pugh]").TextContent);
        Assert.Equal("IIIa", view.Find("[data-testid=preview-cnlc]").TextContent);
        Assert.Equal("eligible", view.Find("[data-testid=preview-eligibility]").TextContent);
        Assert.StartsWith("grade 1", view.Find("[data-testid=preview-albi]").TextContent);
    }

    [Fact]
    public void Poor_performance_status_previews_not_eligible()
    {
        var model = Elig2();
        model.Ecog = 3;

        var view = Render<BaselinePreviewPanel>(p => p.Add(c => c.Result, BaselinePreview.Evaluate(model, 66, ClinicalRuleSet.Default)));

        Assert.Equal("not eligible", view.Find("[data-testid=preview-eligibility]").TextContent);
        Assert.Equal("IV", view.Find("[data-testid=preview-cnlc]").TextContent);
    }

    [Fact]
    public void An_incomplete_baseline_lists_what_the_preview_still_needs()
    {
        var model = Elig2();
        model.AlbuminGramsPerLitre = null;
        model.TumourDiameters = "80, x";

        var view = Render<BaselinePreviewPanel>(p => p.Add(c => c.Result, BaselinePreview.Evaluate(model, 66, ClinicalRuleSet.Default)));

        Assert.Contains("albumin", view.Markup);
        Assert.Contains("tumour diameters", view.Markup);
        Assert.Empty(view.FindAll("[data-testid=preview-cnlc]"));
    }
}
