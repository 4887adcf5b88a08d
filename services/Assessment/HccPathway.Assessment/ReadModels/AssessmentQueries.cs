using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Marten;

namespace HccPathway.Assessment.ReadModels;

/// <summary>The read side: response table, the marker trend and adverse events, as data (the Coordinator draws the chart). ETags are pathway versions.</summary>
public static class AssessmentQueries
{
    public sealed record AdverseEventsView(Guid PathwayId, long Version, int MaxOpenGrade, IReadOnlyList<AdverseEventItem> Items);

    public static RouteGroupBuilder MapAssessmentQueries(this RouteGroupBuilder pathways)
    {
        pathways.MapGet("/{pathwayId:guid}/response", async (Guid pathwayId, IQuerySession session, CancellationToken ct) =>
                await session.LoadAsync<ResponseHistory>(pathwayId, ct) is { } history
                    ? new PathwayReadResult(history, pathwayId)
                    : NotAssessed(pathwayId))
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetResponseHistory")
            .WithSummary("Every study under RECIST 1.1 and mRECIST, with sums, % change, reasons, best overall response, cCR and progression.");

        pathways.MapGet("/{pathwayId:guid}/imaging/{studyId:guid}", async (Guid pathwayId, Guid studyId, IQuerySession session, CancellationToken ct) =>
                await session.LoadAsync<ResponseHistory>(pathwayId, ct) is { } history && history.Studies.Find(s => s.StudyId == studyId) is { } row
                    ? new PathwayReadResult(row, pathwayId)
                    : ProblemResults.From(Rejection.NotFound($"Study {studyId} of pathway {pathwayId} does not exist.")))
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetImagingStudyResponse")
            .WithSummary("One study's row of the response table (both criteria, sums, reasons).");

        pathways.MapGet("/{pathwayId:guid}/adverse-events/{adverseEventId:guid}", async (Guid pathwayId, Guid adverseEventId, IQuerySession session, CancellationToken ct) =>
                await session.LoadAsync<AdverseEventList>(pathwayId, ct) is { } list && list.Items.Find(i => i.Id == adverseEventId) is { } item
                    ? new PathwayReadResult(item, pathwayId)
                    : ProblemResults.From(Rejection.NotFound($"Adverse event {adverseEventId} of pathway {pathwayId} does not exist.")))
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetAdverseEvent")
            .WithSummary("One adverse event with its gradings, current and worst grade.");

        pathways.MapGet("/{pathwayId:guid}/tumour-markers", async (Guid pathwayId, IQuerySession session, CancellationToken ct) =>
                await session.LoadAsync<MarkerTrend>(pathwayId, ct) is { } trend
                    ? new PathwayReadResult(trend, pathwayId)
                    : NotAssessed(pathwayId))
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetTumourMarkerTrend")
            .WithSummary("AFP and DCP over time from the baseline, with AFP response (SCORE-AFPR) and normalisation.");

        pathways.MapGet("/{pathwayId:guid}/adverse-events", async (Guid pathwayId, bool? includeResolved, IQuerySession session, CancellationToken ct) =>
            {
                if (await session.LoadAsync<AdverseEventList>(pathwayId, ct) is not { } list)
                {
                    return NotAssessed(pathwayId);
                }

                var items = includeResolved == true ? list.Items : list.Items.Where(i => i.Open).ToList();
                return new PathwayReadResult(new AdverseEventsView(pathwayId, list.Version, list.MaxOpenGrade, items), pathwayId);
            })
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetAdverseEvents")
            .WithSummary("Open adverse events with their current and worst grade (all of them with includeResolved=true).");
        return pathways;
    }

    private static IResult NotAssessed(Guid pathwayId) =>
        ProblemResults.From(Rejection.NotFound($"Pathway {pathwayId} does not exist or response assessment has not started."));
}
