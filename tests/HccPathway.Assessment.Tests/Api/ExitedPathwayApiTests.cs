using System.Net;
using HccPathway.Contracts;
using HccPathway.ServiceDefaults.Security;
using static HccPathway.Assessment.Tests.Deciders.Studies;

namespace HccPathway.Assessment.Tests.Api;

[Collection(AssessmentServiceCollection.Name)]
public sealed class ExitedPathwayApiTests(AssessmentService service)
{
    private static readonly DateOnly EnrolledOn = AssessmentClient.Today.AddDays(-60);
    private readonly AssessmentClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-rad"));

    [Fact]
    public async Task After_the_patient_left_the_pathway_every_command_is_409_PATHWAY_EXITED_and_appends_nothing()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);
        await clinician.RecordStudy(id, Baseline(EnrolledOn.AddDays(5), Liver("L1", 60m))).Ok();
        await service.ExitFromIntake(id, AssessmentClient.Today.AddDays(-1));
        var before = await service.VersionOf(id);

        var refused = new[]
        {
            await clinician.RecordStudy(id, FollowUp(AssessmentClient.Today, Liver("L1", 40m))),
            await clinician.Post($"/pathways/{id}/adverse-events", new
            {
                ctcaeTerm = "Hypertension",
                grade = 2,
                onsetOn = AssessmentClient.Today,
                treatmentRelated = true,
                suspectedDrugs = new[] { Drugs.Lenvatinib },
            }),
        };

        foreach (var response in refused)
        {
            var problem = await response.Problem(HttpStatusCode.Conflict);
            Assert.Equal("PATHWAY-EXITED", problem.GetProperty("ruleId").GetString());
        }

        Assert.Equal(before, await service.VersionOf(id));
    }
}
