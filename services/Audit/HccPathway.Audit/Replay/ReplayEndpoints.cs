using HccPathway.Audit.History;
using HccPathway.Audit.Reads;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;

namespace HccPathway.Audit.Replay;

public static class ReplayEndpoints
{
    public static RouteGroupBuilder MapReplay(this RouteGroupBuilder pathways)
    {
        pathways.MapGet("/{pathwayId:guid}/state", async (Guid pathwayId, string? asOf, string? version, AuditedRead read,
                HttpContext http, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var at = HistoryQuery.Instant(asOf, "asOf", errors);
                long? upTo = string.IsNullOrWhiteSpace(version)
                    ? null
                    : HistoryQuery.Integer(version, "version", 0, 0, int.MaxValue, errors);
                if (at is not null && upTo is not null)
                {
                    errors["version"] = ["Give either 'asOf' or 'version', not both."];
                }

                if (errors.Count > 0)
                {
                    return ProblemResults.From(Rejection.Invalid("The replay query has invalid parameters.", errors));
                }

                var query = at is { } t ? $"asOf={t:O}" : upTo is { } v ? $"version={v}" : "now";
                return await read.Run(http.User, pathwayId, AuditReadKinds.Replay, query, false,
                    audit => audit.Replay(pathwayId, at, upTo, ct), TypedResults.Ok, ct);
            })
            .RequireAuthorization(Policies.Audit)
            .WithName("ReplayPathway")
            .WithSummary("The pathway as known at an instant (asOf) or a version: phase, regimen, responses, MDT, from the events alone.");
        return pathways;
    }
}
