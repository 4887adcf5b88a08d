using HccPathway.Audit.History;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Marten;
using Marten.Pagination;

namespace HccPathway.Audit.Reads;

public static class ReadLogEndpoints
{
    public sealed record Page(IReadOnlyList<AuditRead> Items, long Total, int PageNumber, int PageSize);

    public static WebApplication MapReadLog(this WebApplication app)
    {
        app.MapGet("/reads", async (Guid? pathwayId, string? actor, string? page, string? pageSize, IQuerySession session,
                ReadLog log, HttpContext http, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var number = HistoryQuery.Integer(page, "page", 1, 1, int.MaxValue, errors);
                var size = HistoryQuery.Integer(pageSize, "pageSize", 100, 1, HistoryQuery.MaxPageSize, errors);
                if (errors.Count > 0)
                {
                    return ProblemResults.From(Rejection.Invalid("The read-log query has invalid parameters.", errors));
                }

                // Reading the log is itself a read worth knowing about.
                await log.Record(http.User.ActorName(), pathwayId, AuditReadKinds.ReadLog, actor is null ? null : $"actor={actor}", true, false, ct);

                IQueryable<AuditRead> query = session.Query<AuditRead>();
                if (pathwayId is { } id)
                {
                    query = query.Where(r => r.PathwayId == id);
                }

                if (!string.IsNullOrWhiteSpace(actor))
                {
                    query = query.Where(r => r.Actor == actor);
                }

                var results = await query.OrderByDescending(r => r.At).ToPagedListAsync(number, size, ct);
                return TypedResults.Ok(new Page(results.ToList(), results.TotalItemCount, number, size));
            })
            .RequireAuthorization(Policies.Audit)
            .WithTags("Audit reads")
            .WithName("ListAuditReads")
            .WithSummary("Who read which pathway, what and when, most recent first.");
        return app;
    }
}
