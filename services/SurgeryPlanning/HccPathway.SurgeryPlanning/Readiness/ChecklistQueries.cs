using HccPathway.Contracts.Intake;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Tenancy;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Facts;
using Marten;

namespace HccPathway.SurgeryPlanning.Readiness;

/// <summary>
/// The coordinator's views of readiness, evaluated on today's date (a value can become stale without any new event):
/// one patient's checklist with what blocks surgery and since when (closed once the patient left the pathway), and the
/// ready / nearly-ready / blocked lists of patients still on it.
/// </summary>
public static class ChecklistQueries
{
    public sealed record CriterionView(ReadinessCriterionResult Criterion, DateOnly? Since);

    public sealed record ChecklistView(
        Guid PathwayId, string Verdict, DateOnly? VerdictSince, DateOnly EvaluatedOn, IReadOnlyList<CriterionView> Criteria,
        IReadOnlyList<string> Blocking, string? LastAppendedVerdict, DateOnly? LastAppendedOn, string RuleSetVersion)
    {
        /// <summary>Set when the patient left the pathway: readiness is closed (verdict "closed") for this reason.</summary>
        public PathwayExitReason? ClosedBecause { get; init; }

        public DateOnly? ClosedOn { get; init; }
    }

    /// <summary>The verdict of a checklist whose patient left the pathway.</summary>
    public const string ClosedVerdict = "closed";

    public sealed record ListEntry(Guid PathwayId, string Verdict, IReadOnlyList<string> Blocking, DateOnly? Since);

    public static ChecklistView View(PatientChecklist c, DateOnly today, ClinicalRuleSet rules)
    {
        var snapshot = ReadinessEvaluator.Evaluate(c, today, rules);
        var criteria = snapshot.Criteria.Select(x =>
        {
            // A status that differs from the last appended evaluation began today (e.g. a value just became stale).
            var appended = c.Criteria.FirstOrDefault(a => a.Key == x.Key);
            var since = appended?.Status == x.Status && c.CriterionSince.TryGetValue(x.Key, out var s) ? s : today;
            return new CriterionView(x, since);
        }).ToArray();
        if (c.Exit is { } exit)
        {
            return new ChecklistView(c.Id, ClosedVerdict, exit.ExitedOn, today, criteria, [], c.Verdict, c.LastEvaluatedOn, snapshot.RuleSetVersion)
            {
                ClosedBecause = exit.Reason,
                ClosedOn = exit.ExitedOn,
            };
        }

        var verdictSince = c.Verdict == snapshot.Verdict ? c.VerdictSince : today;
        return new ChecklistView(c.Id, snapshot.Verdict, verdictSince, today, criteria, Blocking(snapshot), c.Verdict, c.LastEvaluatedOn, snapshot.RuleSetVersion);
    }

    public static IReadOnlyList<string> Blocking(ReadinessSnapshot s) =>
        s.NotPassing.Select(c => $"{c.Key}: {c.Status}{(c.Missing is null ? "" : $" ({c.Missing})")}").ToArray();

    public static RouteGroupBuilder MapChecklistQueries(this RouteGroupBuilder pathways, RouteGroupBuilder root)
    {
        pathways.MapGet("/{pathwayId:guid}/readiness", async (Guid pathwayId, IQuerySession session, ClinicalRuleSet rules, HospitalClock clock, CancellationToken ct) =>
                await session.LoadAsync<PatientChecklist>(pathwayId, ct) is { } checklist
                    ? TypedResults.Ok(View(checklist, clock.Today(session.TenantId), rules))
                    : ProblemResults.From(Rejection.NotFound($"No surgery-planning facts for pathway {pathwayId}.")))
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetReadinessChecklist")
            .WithSummary("The SURG-READY checklist today: each criterion with status, evidence, what is missing, and since when.");

        root.MapGet("/readiness", async (string? verdict, IQuerySession session, ClinicalRuleSet rules, HospitalClock clock, CancellationToken ct) =>
            {
                if (verdict is not null && !ReadinessVerdicts.All.Contains(verdict))
                {
                    return ProblemResults.From(Rejection.Invalid("verdict", $"One of: {string.Join(", ", ReadinessVerdicts.All)}."));
                }

                var today = clock.Today(session.TenantId);
                var checklists = await session.Query<PatientChecklist>().Where(c => c.Resection == null && c.Exit == null).ToListAsync(ct);
                var entries = checklists.Select(c => View(c, today, rules))
                    .Where(v => verdict is null || v.Verdict == verdict)
                    .Select(v => new ListEntry(v.PathwayId, v.Verdict, v.Blocking, v.VerdictSince))
                    .OrderBy(e => e.Since)
                    .ToArray();
                return TypedResults.Ok(entries);
            })
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("ListReadiness")
            .WithSummary("Patients not yet resected by verdict: ready, nearly-ready (one criterion unknown) or blocked, with the blocking criteria.");
        return pathways;
    }
}
