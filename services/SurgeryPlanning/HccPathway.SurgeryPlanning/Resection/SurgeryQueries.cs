using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Facts;
using Marten;

namespace HccPathway.SurgeryPlanning.Resection;

/// <summary>
/// Where a patient stands in surgery planning's own decisions: the MDT decisions, the resection as far as it went and
/// whether adjuvant therapy is decided; and the list of patients past the resection decision (post-resection and
/// adjuvant), which the readiness lists leave out.
/// </summary>
public static class SurgeryQueries
{
    public sealed record MdtView(string Outcome, DateOnly DecidedOn, DateOnly? IntendedSurgeryOn);

    public sealed record ResectionView(
        DateOnly ScheduledOn, string Procedure, bool Override, DateOnly? PerformedOn, string? Margin, bool? PathologicalCompleteResponse,
        string? RecurrenceRiskLevel);

    public sealed record SurgeryView(Guid PathwayId, IReadOnlyList<MdtView> MdtDecisions, ResectionView? Resection, bool AdjuvantDecided);

    public sealed record ResectionEntry(Guid PathwayId, ResectionView Resection, bool AdjuvantDecided);

    public static SurgeryView View(PatientChecklist c) => new(
        c.Id,
        c.MdtDecisions.OrderBy(d => d.RecordedAt).Select(d => new MdtView(d.Outcome, d.DecidedOn, d.IntendedSurgeryOn)).ToArray(),
        c.Resection is { } r ? ViewOf(r) : null,
        c.AdjuvantDecided);

    private static ResectionView ViewOf(ResectionFact r) => new(
        r.Scheduled.ScheduledOn, r.Performed?.Procedure ?? r.Scheduled.Procedure, r.Scheduled.Override, r.Performed?.PerformedOn,
        r.Performed?.Margin, r.Performed?.Pathology.PathologicalCompleteResponse, r.RecurrenceRiskLevel);

    public static RouteGroupBuilder MapSurgeryQueries(this RouteGroupBuilder pathways, RouteGroupBuilder root)
    {
        pathways.MapGet("/{pathwayId:guid}/surgery", async (Guid pathwayId, IQuerySession session, CancellationToken ct) =>
                await session.LoadAsync<PatientChecklist>(pathwayId, ct) is { } checklist
                    ? TypedResults.Ok(View(checklist))
                    : ProblemResults.From(Rejection.NotFound($"No surgery-planning facts for pathway {pathwayId}.")))
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetSurgeryState")
            .WithSummary("The patient's MDT decisions, the resection (scheduled, performed, margin, pCR, recurrence risk) and whether adjuvant therapy is decided.");

        root.MapGet("/resections", async (IQuerySession session, CancellationToken ct) =>
            {
                var resected = await session.Query<PatientChecklist>().Where(c => c.Resection != null).ToListAsync(ct);
                return TypedResults.Ok(resected
                    .Select(c => new ResectionEntry(c.Id, ViewOf(c.Resection!), c.AdjuvantDecided))
                    .OrderByDescending(e => e.Resection.PerformedOn ?? e.Resection.ScheduledOn)
                    .ToArray());
            })
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("ListResections")
            .WithSummary("Patients with a resection scheduled or performed, newest first, with margin, pCR and whether adjuvant therapy is decided.");
        return pathways;
    }
}
