using HccPathway.Intake.Pathways.CorrectingBaseline;
using HccPathway.Intake.Pathways.DecidingEligibility;
using HccPathway.Intake.Pathways.Enrolling;
using HccPathway.Intake.Pathways.ErasingIdentity;
using HccPathway.Intake.Pathways.Exiting;
using HccPathway.Intake.Pathways.RecordingBaseline;
using HccPathway.Intake.Pathways.Registering;
using HccPathway.Intake.Pathways.Searching;
using HccPathway.Intake.Pathways.Summaries;

namespace HccPathway.Intake;

public static class IntakeEndpoints
{
    public static WebApplication MapIntakeEndpoints(this WebApplication app)
    {
        app.MapGroup("/pathways")
            .WithTags("Pathways")
            .MapRegisterPatient()
            .MapRecordBaseline()
            .MapCorrectBaseline()
            .MapDecideEligibility()
            .MapEnrolPatient()
            .MapDeclineEnrolment()
            .MapEraseIdentity()
            .MapExitPathway()
            .MapSummaryQueries()
            .MapSearchPatients();
        return app;
    }
}
