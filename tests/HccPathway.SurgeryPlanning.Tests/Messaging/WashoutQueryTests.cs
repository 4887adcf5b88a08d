using System.Net;
using System.Net.Http.Json;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;

namespace HccPathway.SurgeryPlanning.Tests.Messaging;

/// <summary>GET /pathways/{id}/washout: the SURG-WASH calculation over what surgery planning learned from the messages.</summary>
[Collection(SurgeryPlanningCollection.Name)]
public class WashoutQueryTests(SurgeryPlanningService host)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_performed_TACE_sets_the_earliest_safe_surgery_date_from_its_own_date()
    {
        var id = await host.NewEnrolledPathway(Today.AddMonths(-2));
        var coordinator = host.Service.ClientAs(Roles.Coordinator);
        var before = await coordinator.GetFromJsonAsync<WashoutEvaluation>($"/pathways/{id}/washout");
        Assert.DoesNotContain(before!.Classes, c => c.DrugClass == DrugClasses.Tace);

        var performedOn = Today.AddDays(-3);
        await host.Publish(new TacePerformed(id, "tace-1", 1, performedOn, performedOn.AddDays(-2), "coordinator", DateTimeOffset.UtcNow), Guid.NewGuid());

        var after = await Eventually.Get(async () =>
        {
            var w = await coordinator.GetFromJsonAsync<WashoutEvaluation>($"/pathways/{id}/washout");
            return w!.Classes.Any(c => c.DrugClass == DrugClasses.Tace) ? w : null;
        }, what: "the TACE in the washout");
        var tace = Assert.Single(after!.Classes, c => c.DrugClass == DrugClasses.Tace);
        Assert.Equal(performedOn, tace.LastExposureOn);
        Assert.True(tace.WashoutDays > 0);
        Assert.Equal(performedOn.AddDays(tace.WashoutDays), tace.EarliestSurgeryOn);
        Assert.True(after.EarliestSafeSurgeryOn >= tace.EarliestSurgeryOn);
    }

    [Fact]
    public async Task An_unknown_pathway_is_404_problem_details()
    {
        var response = await host.Service.ClientAs(Roles.Auditor).GetAsync($"/pathways/{Guid.NewGuid()}/washout");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
