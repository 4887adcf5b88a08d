using HccPathway.SurgeryPlanning.Adjuvant;
using HccPathway.SurgeryPlanning.Benchmark;
using HccPathway.SurgeryPlanning.FollowUp;
using HccPathway.SurgeryPlanning.Mdt;
using HccPathway.SurgeryPlanning.Readiness;
using HccPathway.SurgeryPlanning.Resection;
using HccPathway.SurgeryPlanning.Washout;

namespace HccPathway.SurgeryPlanning;

public static class SurgeryPlanningEndpoints
{
    public static WebApplication MapSurgeryPlanningEndpoints(this WebApplication app)
    {
        var root = app.MapGroup("/").WithTags("Surgery planning");
        root.MapMdtAgenda().MapFollowUpWorklist().MapCentreBenchmark();
        app.MapGroup("/pathways")
            .WithTags("Pathways")
            .MapChecklistQueries(root)
            .MapAssessFeasibility()
            .MapRecordMdtDecision()
            .MapScheduleResection()
            .MapRescheduleResection()
            .MapCancelResection()
            .MapRecordResection()
            .MapDecideAdjuvant()
            .MapWashoutQuery()
            .MapSurgeryQueries(root);
        return app;
    }
}
