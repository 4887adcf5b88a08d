using System.Net;
using HccPathway.Coordinator.Components.Pages.Forms.Imaging;

namespace HccPathway.Coordinator.Tests;

/// <summary>A follow-up study with a new lesion (progression, the second-line path): the lesion is sent and its errors shown in its row.</summary>
public sealed class ImagingFormTests : BunitContext
{
    private static readonly Guid PathwayId = Guid.NewGuid();

    [Fact]
    public void A_new_lesion_is_sent_with_the_study_and_its_server_error_appears_in_its_row()
    {
        var stub = new StubServices(_ => StubServices.Json(HttpStatusCode.BadRequest, """
            {"title":"The imaging study is invalid.","status":400,
             "errors":{"newLesions[0].lesionId":["'L1' is already used on this study."]}}
            """));
        StubServices.Register(this, stub);
        var form = Render<ImagingForm>(p => p.Add(c => c.PathwayId, PathwayId));
        Assert.Empty(form.FindAll("[data-testid=new-lesions] tbody tr"));

        form.FindAll("button").Single(b => b.TextContent == "Add new lesion").Click();
        form.Find("input[aria-label='New lesion 1 id']").Change("L1");
        form.Find("select[aria-label='New lesion 1 site']").Change("extrahepatic");
        form.Find("input[aria-label='New lesion 1 organ']").Change("lung");
        form.Find("input[aria-label='New lesion 1 diameter (mm)']").Change("12.5");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("'L1' is already used on this study.",
            form.Find("[data-testid=new-lesions] tbody tr:first-child [data-field='newLesions[0].lesionId']").TextContent));
        Assert.DoesNotContain("already used", form.Find("[data-testid=problem]").TextContent);
        var (method, path, body) = Assert.Single(stub.Requests);
        Assert.Equal((HttpMethod.Post, $"/pathways/{PathwayId}/imaging"), (method, path));
        Assert.Contains("\"newLesions\":[{\"lesionId\":\"L1\",\"site\":\"extrahepatic\",\"organ\":\"lung\",\"diameterMm\":12.5}]", body);
    }

    [Fact]
    public void A_baseline_study_offers_no_new_lesions()
    {
        StubServices.Register(this, new StubServices(_ => StubServices.Json(HttpStatusCode.OK, "{}")));
        var form = Render<ImagingForm>(p => p.Add(c => c.PathwayId, PathwayId));

        form.Find("#isBaseline").Change(true);

        Assert.True(form.FindAll("button").Single(b => b.TextContent == "Add new lesion").HasAttribute("disabled"));
    }
}
