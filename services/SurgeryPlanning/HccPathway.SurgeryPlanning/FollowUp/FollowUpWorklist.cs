using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Tenancy;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Facts;
using Marten;

namespace HccPathway.SurgeryPlanning.FollowUp;

/// <summary>
/// SCHED-FU: patients under watch-and-wait (SURG-CCR) or after conversion failure (second line) need imaging every
/// 4–6 weeks after the last study; the worklist shows each window and whether it is due or overdue. Patients who left
/// the pathway are not followed up here.
/// </summary>
public static class FollowUpWorklist
{
    public sealed record Entry(Guid PathwayId, string Outcome, DateOnly DecidedOn, DateOnly LastImagingOn, DateOnly DueFrom, DateOnly DueBy, string Status, string RuleSetVersion);

    public static IReadOnlyList<Entry> For(IEnumerable<PatientChecklist> checklists, DateOnly today, ClinicalRuleSet rules) =>
        checklists
            .Where(c => c.Exit is null && c.LastMdt is { Outcome: MdtOutcomes.WatchAndWait or MdtOutcomes.SecondLine })
            .Select(c =>
            {
                var mdt = c.LastMdt!;
                // Imaging before the decision still counts: the next window runs from the latest study either way.
                var last = c.LastImagingOn is { } imaging && imaging <= today ? imaging : mdt.DecidedOn;
                var window = FollowUpImaging.NextWindow(last, rules);
                var status = FollowUpImaging.StatusOn(last, today, rules) switch
                {
                    FollowUpStatus.NotYetDue => "not-yet-due",
                    FollowUpStatus.Due => "due",
                    _ => "overdue",
                };
                return new Entry(c.Id, mdt.Outcome, mdt.DecidedOn, last, window.Earliest, window.Latest, status, window.RuleSetVersion);
            })
            .OrderBy(e => e.DueBy)
            .ToArray();

    public static RouteGroupBuilder MapFollowUpWorklist(this RouteGroupBuilder root)
    {
        root.MapGet("/follow-up", async (string? status, IQuerySession session, ClinicalRuleSet rules, HospitalClock clock, CancellationToken ct) =>
            {
                var entries = For(await session.Query<PatientChecklist>().ToListAsync(ct), clock.Today(session.TenantId), rules);
                return TypedResults.Ok(status is null ? entries : entries.Where(e => e.Status == status).ToArray());
            })
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetFollowUpWorklist")
            .WithSummary("Watch-and-wait and second-line patients with their next imaging window (SCHED-FU: every 4–6 weeks).");
        return root;
    }
}
