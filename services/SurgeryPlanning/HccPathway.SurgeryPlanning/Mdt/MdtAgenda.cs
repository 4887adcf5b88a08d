using HccPathway.Clinical.Rules;
using HccPathway.ServiceDefaults.Tenancy;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Readiness;
using Marten;

namespace HccPathway.SurgeryPlanning.Mdt;

/// <summary>
/// The MDT agenda: patients whose readiness changed since their last MDT decision (or who never had one), leaving out
/// those who have left the pathway.
/// </summary>
public static class MdtAgenda
{
    public sealed record AgendaItem(
        Guid PathwayId, string Verdict, IReadOnlyList<string> Blocking, DateTimeOffset ReadinessChangedAt, DateOnly? LastMdtOn, string? LastMdtOutcome);

    public static IReadOnlyList<AgendaItem> For(IEnumerable<PatientChecklist> checklists, DateOnly today, ClinicalRuleSet rules) =>
        checklists
            .Where(c => c.Exit is null && c.Resection is null && c.ReadinessChangedAt is { } changed && (c.LastMdt is not { } mdt || changed > mdt.RecordedAt))
            .Select(c =>
            {
                var snapshot = ReadinessEvaluator.Evaluate(c, today, rules);
                return new AgendaItem(c.Id, snapshot.Verdict, ChecklistQueries.Blocking(snapshot), c.ReadinessChangedAt!.Value, c.LastMdt?.DecidedOn, c.LastMdt?.Outcome);
            })
            .OrderBy(i => i.ReadinessChangedAt)
            .ToArray();

    public static RouteGroupBuilder MapMdtAgenda(this RouteGroupBuilder root)
    {
        root.MapGet("/mdt/agenda", async (IQuerySession session, ClinicalRuleSet rules, HospitalClock clock, CancellationToken ct) =>
                TypedResults.Ok(For(await session.Query<PatientChecklist>().ToListAsync(ct), clock.Today(session.TenantId), rules)))
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetMdtAgenda")
            .WithSummary("Patients whose readiness changed since their last MDT decision.");
        return root;
    }
}
