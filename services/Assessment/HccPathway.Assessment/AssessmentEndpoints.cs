using HccPathway.Assessment.Pathways.AdverseEvents;
using HccPathway.Assessment.Pathways.Imaging;
using HccPathway.Assessment.Pathways.LiverFunction;
using HccPathway.Assessment.Pathways.Markers;
using HccPathway.Assessment.ReadModels;

namespace HccPathway.Assessment;

public static class AssessmentEndpoints
{
    public static WebApplication MapAssessmentEndpoints(this WebApplication app)
    {
        app.MapGroup("/pathways")
            .WithTags("Response assessment")
            .MapRecordImaging()
            .MapCorrectImagingStudy()
            .MapMarkImagingStudyEnteredInError()
            .MapRecordTumourMarkers()
            .MapCorrectTumourMarkers()
            .MapRecordLiverFunction()
            .MapCorrectLiverFunction()
            .MapReportAdverseEvent()
            .MapGradeAdverseEvent()
            .MapCorrectAdverseEvent()
            .MapAssessmentQueries();
        return app;
    }
}
