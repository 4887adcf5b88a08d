using System.Security.Claims;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Marten;
using Marten.Pagination;

namespace HccPathway.Intake.Pathways.Summaries;

public static class SummaryQueries
{
    private const int MaxPageSize = 200;

    public sealed record Page(IReadOnlyList<PatientSummary> Items, long Total, int PageNumber, int PageSize);

    public static RouteGroupBuilder MapSummaryQueries(this RouteGroupBuilder pathways)
    {
        pathways.MapGet("/{pathwayId:guid}", async (Guid pathwayId, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
                await session.LoadAsync<PatientSummary>(pathwayId, ct) is { } summary
                    ? new PathwayReadResult(user.MaySeeIdentity() ? summary : summary.WithoutIdentity(), pathwayId)
                    : ProblemResults.From(Rejection.NotFound($"Pathway {pathwayId} does not exist.")))
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetPatientSummary")
            .WithSummary("The patient's intake summary; its ETag is the pathway version to send back in If-Match. Auditors get the identity masked.");

        pathways.MapGet("/", async (ClaimsPrincipal user, IQuerySession session, IntakePhase? phase, int? page, int? pageSize, CancellationToken ct) =>
            {
                var size = Math.Clamp(pageSize ?? 50, 1, MaxPageSize);
                var number = Math.Max(page ?? 1, 1);
                var query = session.Query<PatientSummary>();
                var filtered = phase is { } p ? query.Where(s => s.Phase == p) : query;
                var results = await filtered.OrderByDescending(s => s.LastChangedAt).ToPagedListAsync(number, size, ct);
                var items = user.MaySeeIdentity() ? results.ToList() : results.Select(s => s.WithoutIdentity()).ToList();
                return TypedResults.Ok(new Page(items, results.TotalItemCount, number, size));
            })
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("ListPatients")
            .WithSummary("Patients by intake phase, most recently changed first. Auditors get the identities masked.");
        return pathways;
    }
}
