using HccPathway.Scheduling.Calendars;
using HccPathway.Scheduling.TherapyPlans.ChangingItems;
using HccPathway.Scheduling.TherapyPlans.ChangingStart;
using HccPathway.Scheduling.TherapyPlans.Delays;
using HccPathway.Scheduling.TherapyPlans.Holds;
using HccPathway.Scheduling.TherapyPlans.OrderingTace;
using HccPathway.Scheduling.TherapyPlans.RecordingActuals;

namespace HccPathway.Scheduling;

public static class SchedulingEndpoints
{
    public static WebApplication MapSchedulingEndpoints(this WebApplication app)
    {
        app.MapGroup("/pathways/{pathwayId:guid}/therapy")
            .WithTags("Therapy")
            .MapCalendarQueries()
            .MapChangeStart()
            .MapStartLenvatinib()
            .MapStopLenvatinib()
            .MapChangeLenvatinibDose()
            .MapRecordTace()
            .MapRecordCamrelizumab()
            .MapRecordMissed()
            .MapDelayItem()
            .MapOrderTace()
            .MapSkipItem()
            .MapCancelItem()
            .MapRescheduleItem()
            .MapResumeTreatment();
        app.MapWorklistQueries();
        return app;
    }
}
