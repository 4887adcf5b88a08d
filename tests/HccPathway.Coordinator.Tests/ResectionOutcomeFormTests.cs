using System.Net;
using HccPathway.Coordinator.Components.Pages.Forms.Surgery;

namespace HccPathway.Coordinator.Tests;

/// <summary>Each complication row's inputs are named for assistive technology and point at the server's errors for them.</summary>
public sealed class ResectionOutcomeFormTests : BunitContext
{
    private static readonly Guid PathwayId = Guid.NewGuid();

    [Fact]
    public void Every_complication_field_has_a_label_and_its_server_error_is_its_description()
    {
        var stub = new StubServices(request => request.Method == HttpMethod.Get
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : StubServices.Json(HttpStatusCode.BadRequest, """
                {"title":"The resection outcome is invalid.","status":400,
                 "errors":{"complications[1].occurredOn":["Not before the resection."]}}
                """));
        StubServices.Register(this, stub);
        var form = Render<ResectionOutcomeForm>(p => p.Add(c => c.PathwayId, PathwayId));

        var add = form.FindAll("button").Single(b => b.TextContent == "Add complication");
        add.Click();
        form.FindAll("button").Single(b => b.TextContent == "Add complication").Click();

        var rows = form.FindAll("[data-testid=complication]");
        Assert.Equal(2, rows.Count);
        for (var n = 0; n < rows.Count; n++)
        {
            var fields = rows[n].QuerySelectorAll("input, select");
            Assert.Equal(3, fields.Length);
            var names = fields.Select(f => form.Find($"label[for='{f.Id}']").TextContent).ToArray();
            Assert.Equal([$"Complication {n + 1} description", $"Complication {n + 1} Clavien–Dindo grade", $"Complication {n + 1} occurred on"], names);
            Assert.Equal($"Remove complication {n + 1}", rows[n].QuerySelector("button")!.GetAttribute("aria-label"));
        }

        form.Find("#complications-1-description").Change("Bile leak");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("true", form.Find("#complications-1-occurredOn").GetAttribute("aria-invalid")));
        var describedBy = form.Find("#complications-1-occurredOn").GetAttribute("aria-describedby");
        Assert.Equal("Not before the resection.", form.Find($"#{describedBy}").TextContent);
        Assert.Null(form.Find("#complications-0-occurredOn").GetAttribute("aria-invalid"));
        Assert.Contains("\"description\":\"Bile leak\"", stub.Requests.Single(r => r.Method == HttpMethod.Post).Body);
    }
}
