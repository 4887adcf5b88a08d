using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Readiness;
using Marten;

namespace HccPathway.SurgeryPlanning.Benchmark;

/// <summary>
/// The centre's cohort (enrolled patients, optionally enrolled between two dates) against the published trials:
/// RESP-RATES (ORR and DCR under RECIST 1.1 and mRECIST, best overall response up to the first PD), SURG-PATH
/// (conversion-resection rate over enrolled; R0, pCR, MPR over resections) and the grade ≥ 3 TRAE rate.
/// </summary>
public static class CentreBenchmark
{
    public sealed record CentreRates(
        int CohortSize,
        CohortResponseRates Response,
        SurgicalCohortRates Surgery,
        Rate GradeThreeOrHigherTrae);

    public sealed record Comparison(DateOnly? EnrolledFrom, DateOnly? EnrolledTo, CentreRates Centre, IReadOnlyList<PublishedCohort> Published);

    public static CentreRates Calculate(IReadOnlyList<PatientChecklist> cohort)
    {
        var responses = CohortRates.Calculate(cohort.Select(c =>
        {
            var chronological = c.Responses.OrderBy(r => r.StudyOn).ToArray();
            return new PatientBestResponse(c.Id.ToString(), Best(chronological.Select(r => r.RecistCategory)), Best(chronological.Select(r => r.MrecistCategory)));
        }).ToArray());

        var resections = cohort.Where(c => c.Resection?.Performed is not null).Select(c =>
        {
            var p = c.Resection!.Performed!;
            return new PathologyResult(Enum.Parse<ResectionMargin>(p.Margin), p.Pathology.ViableTumourPercent,
                p.Pathology.PathologicalCompleteResponse, p.Pathology.MajorPathologicalResponse, p.RuleSetVersion);
        }).ToArray();

        // The cohort holds every resected patient, so enrolled ≥ resections always holds.
        var surgery = Pathology.CohortRates(cohort.Count, resections).Value;
        var trae = cohort.Count(c => c.AdverseEvents.Any(a => a.Reported && a.TreatmentRelated && a.Gradings.Any(g => g.Grade >= 3)));
        return new CentreRates(cohort.Count, responses, surgery, new Rate(trae, cohort.Count));
    }

    // RESP-RATES: the best category up to and including the first PD; null when never assessed.
    private static ResponseCategory? Best(IEnumerable<string?> chronological)
    {
        var categories = chronological.Select(ReadinessInputsMapping.ToCategory).OfType<ResponseCategory>().ToArray();
        return categories.Length == 0 ? null : BestOverallResponse.Of(categories);
    }

    public static RouteGroupBuilder MapCentreBenchmark(this RouteGroupBuilder root)
    {
        root.MapGet("/benchmark", async (DateOnly? enrolledFrom, DateOnly? enrolledTo, IQuerySession session, CancellationToken ct) =>
            {
                if (enrolledFrom is { } from && enrolledTo is { } to && to < from)
                {
                    return ProblemResults.From(Rejection.Invalid("enrolledTo", "Must not be before enrolledFrom."));
                }

                var enrolled = (await session.Query<PatientChecklist>().Where(c => c.EnrolledOn != null).ToListAsync(ct))
                    .Where(c => (enrolledFrom is null || c.EnrolledOn!.Value >= enrolledFrom) && (enrolledTo is null || c.EnrolledOn!.Value <= enrolledTo))
                    .ToArray();
                return TypedResults.Ok(new Comparison(enrolledFrom, enrolledTo, Calculate(enrolled), PublishedOutcomes.All));
            })
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetCentreBenchmark")
            .WithSummary("ORR (RECIST 1.1 and mRECIST), DCR, conversion-resection, R0, pCR, MPR and grade ≥ 3 TRAE rates beside the published cohorts.");
        return root;
    }
}
