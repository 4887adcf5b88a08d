using HccPathway.Intake.Pathways.Summaries;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Marten;

namespace HccPathway.Intake.Pathways.Searching;

/// <summary>
/// Finds patients by medical record number (exact, any case) or by part of the name. Searching by identity is for the
/// roles that care for the patient (record-care: coordinators and clinicians); schedulers and auditors work by pathway
/// id. The search text is never logged.
/// </summary>
public static class SearchPatients
{
    public const int MinimumLength = 2;
    public const int MaximumResults = 50;

    public static RouteGroupBuilder MapSearchPatients(this RouteGroupBuilder pathways)
    {
        pathways.MapGet("/search", async (string? q, IQuerySession session, CancellationToken ct) =>
            {
                var text = q?.Trim() ?? "";
                if (text.Length < MinimumLength || text.Length > 200)
                {
                    return ProblemResults.From(Rejection.Invalid("q", $"Between {MinimumLength} and 200 characters: a record number or part of a name."));
                }

                var found = await session.Query<PatientSummary>()
                    .Where(s => s.MedicalRecordNumber.Equals(text, StringComparison.OrdinalIgnoreCase)
                        || s.FullName.Contains(text, StringComparison.OrdinalIgnoreCase))
                    .OrderByDescending(s => s.LastChangedAt)
                    .Take(MaximumResults)
                    .ToListAsync(ct);
                return TypedResults.Ok(found);
            })
            .RequireAuthorization(Policies.RecordCare)
            .WithName("SearchPatients")
            .WithSummary("Patients by record number or part of the name (coordinators and clinicians only), at most 50.");
        return pathways;
    }
}
