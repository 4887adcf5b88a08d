using HccPathway.Audit.Privacy;
using HccPathway.Audit.Reads;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Audit.History;

public static class HistoryEndpoints
{
    public static RouteGroupBuilder MapHistory(this RouteGroupBuilder pathways)
    {
        pathways.MapGet("/{pathwayId:guid}/history", (Guid pathwayId, [AsParameters] HistoryParameters p, AuditedRead read,
                IAuthorizationService authorization, HttpContext http, CancellationToken ct) =>
                Answer(pathwayId, p, read, authorization, http, AuditReadKinds.History,
                    page => TypedResults.Ok(page), ct))
            .RequireAuthorization(Policies.Audit)
            .WithName("GetHistory")
            .WithSummary("Every event of the pathway in order, paged and filterable by type and recording time.");

        return pathways;
    }

    /// <param name="Type">Stored names (<c>scheduling.tace-performed.v1</c>) or contract names (<c>TacePerformed</c>); repeat for several.</param>
    /// <param name="From">Recorded at or after this instant.</param>
    /// <param name="To">Recorded at or before this instant.</param>
    /// <param name="Identity">true to disclose the patient's identity (needs the identity permission).</param>
    public sealed record HistoryParameters(string[]? Type, string? From, string? To, string? Page, string? PageSize, bool? Identity);

    private static async Task<IResult> Answer(
        Guid pathwayId, HistoryParameters p, AuditedRead read, IAuthorizationService authorization, HttpContext http,
        string what, Func<HistoryPage, IResult> render, CancellationToken ct)
    {
        var (query, errors) = HistoryQuery.Parse(p.Type, p.From, p.To, p.Page, p.PageSize);
        if (query is null)
        {
            return ProblemResults.From(Rejection.Invalid("The history query has invalid parameters.", errors));
        }

        var (disclose, refusal) = await IdentityDisclosure.Decide(http.User, p.Identity, authorization);
        if (refusal is not null)
        {
            return refusal;
        }

        return await read.Run(http.User, pathwayId, what, query.Describe(), disclose,
            audit => audit.History(pathwayId, query, disclose, ct), render, ct);
    }
}
