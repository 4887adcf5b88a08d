using HccPathway.Clinical.Rules;
using HccPathway.ServiceDefaults.Tenancy;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Resection;
using Marten;

namespace HccPathway.SurgeryPlanning.Washout;

/// <summary>
/// SURG-WASH as of today for one patient: each drug class's last exposure and washout, and the earliest safe surgery
/// date, the same calculation that checks a resection date when it is scheduled, so coordinators can plan around it.
/// </summary>
public static class WashoutQuery
{
    public static RouteGroupBuilder MapWashoutQuery(this RouteGroupBuilder pathways)
    {
        pathways.MapGet("/{pathwayId:guid}/washout", async (Guid pathwayId, IQuerySession session, ClinicalRuleSet rules, HospitalClock clock, CancellationToken ct) =>
                await session.LoadAsync<PatientChecklist>(pathwayId, ct) is { } checklist
                    ? TypedResults.Ok(WashoutCalculation.Evaluate(checklist, clock.Today(session.TenantId), rules))
                    : ProblemResults.From(Rejection.NotFound($"No surgery-planning facts for pathway {pathwayId}.")))
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetWashout")
            .WithSummary("SURG-WASH today: last exposure and washout per drug class and the earliest safe surgery date.");
        return pathways;
    }
}
