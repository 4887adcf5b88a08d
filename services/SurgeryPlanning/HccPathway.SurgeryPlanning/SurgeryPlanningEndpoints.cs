namespace HccPathway.SurgeryPlanning;

public static class SurgeryPlanningEndpoints
{
    public static WebApplication MapSurgeryPlanningEndpoints(this WebApplication app)
    {
        return app;
    }
}
