using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Pathways;
using Microsoft.AspNetCore.Mvc;
using SurgicalComplication = HccPathway.Contracts.SurgeryPlanning.SurgicalComplication;

namespace HccPathway.SurgeryPlanning.Resection;

/// <summary>
/// Records the scheduled resection as performed: margin, pathology (SURG-PATH: pCR, MPR) and Clavien–Dindo
/// complications; SURG-RISK is evaluated from it in the same append. SURG-READY and SURG-WASH are judged as of the
/// performed date, so a back-dated outcome is accepted only when the evidence on that date supported surgery.
/// </summary>
public static class RecordResection
{
    public sealed record Complication(string? Description, string? ClavienDindoGrade, DateOnly? OccurredOn);

    public sealed record Request(
        DateOnly? PerformedOn,
        string? Procedure,
        string? Margin,
        decimal? MarginWidthMm,
        decimal? ViableTumourPercent,
        string? EdmondsonGrade,
        bool? MicrovascularInvasion,
        bool? MacrovascularInvasion,
        int? TumourCount,
        decimal? LargestTumourMm,
        bool? LymphNodeMetastasis,
        IReadOnlyList<Complication>? Complications);

    public static Decision Decide(
        SurgeryPathway pathway, PatientChecklist checklist, Request request, string recordedBy, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        var errors = Validate(request, today);
        if (errors.Count > 0)
        {
            return Rejection.Invalid("The resection outcome has invalid fields.", errors);
        }

        if (pathway.ResectionScheduled is not { } scheduled)
        {
            return Rejection.Conflict("No resection was scheduled for this pathway; schedule it first.", "SURG-PATH");
        }

        if (pathway.ResectionPerformed is not null)
        {
            return Rejection.Conflict("The resection outcome is already recorded.", "SURG-PATH");
        }

        var performedOn = request.PerformedOn!.Value;
        if (pathway.EnrolledOn is { } enrolled && performedOn < enrolled)
        {
            return Rejection.Invalid("performedOn", $"The resection cannot be dated before the enrolment on {enrolled:yyyy-MM-dd}.");
        }

        // A back-dated outcome is judged on the evidence as it stood on the day of surgery (SURG-READY, SURG-WASH). A
        // booking the clinician made with an override already records why surgery went ahead without it.
        if (!pathway.ResectionOverridden
            && SurgeryClearance.For(checklist, performedOn, today, rules).Refusal(
                "The evidence on the day of surgery did not clear it; book it with a clinician's override first.") is { } refusal)
        {
            return refusal;
        }

        var margin = Enum.Parse<ResectionMargin>(request.Margin!);
        var pathology = Pathology.Classify(new Clinical.Surgery.ResectionPathology(margin, request.ViableTumourPercent!.Value), rules);
        if (!pathology.TryGetValue(out var classified))
        {
            return Rejection.Invalid("The pathology is out of range.",
                pathology.Errors.ToDictionary(e => e.Field, e => new[] { $"{e.Message} Allowed: {e.AllowedRange}." }));
        }

        var performed = new ResectionPerformed(pathway.Id, scheduled.ResectionId, request.PerformedOn!.Value,
            string.IsNullOrWhiteSpace(request.Procedure) ? scheduled.Procedure : request.Procedure.Trim(),
            request.Margin!, request.MarginWidthMm,
            new Contracts.SurgeryPlanning.ResectionPathology(classified.ViableTumourPercent, classified.PathologicalCompleteResponse,
                classified.MajorPathologicalResponse, request.EdmondsonGrade, request.MicrovascularInvasion, request.MacrovascularInvasion,
                request.TumourCount, request.LargestTumourMm, request.LymphNodeMetastasis),
            (request.Complications ?? []).Select(c => new SurgicalComplication(c.Description!.Trim(), c.ClavienDindoGrade!, c.OccurredOn!.Value)).ToArray(),
            rules.Version, recordedBy, now);
        return Decision.Append(performed, RecurrenceRiskChanges.Evaluate(performed, checklist.Markers, rules, now));
    }

    private static Dictionary<string, string[]> Validate(Request r, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        if (r.PerformedOn is not { } on || on > today)
        {
            Add("performedOn", "Required; not in the future.");
        }

        if (r.Margin is null || !ResectionMargins.All.Contains(r.Margin))
        {
            Add("margin", "Must be R0, R1 or R2.");
        }

        if (r.MarginWidthMm is < 0 or > 200)
        {
            Add("marginWidthMm", "0–200 mm.");
        }

        if (r.ViableTumourPercent is not (>= 0 and <= 100))
        {
            Add("viableTumourPercent", "Required, 0–100 % (0 = pathological complete response).");
        }

        if (r.EdmondsonGrade is not null && !EdmondsonGrades.All.Contains(r.EdmondsonGrade))
        {
            Add("edmondsonGrade", "I, II, III or IV.");
        }

        if (r.TumourCount is < 0 or > 100)
        {
            Add("tumourCount", "0–100.");
        }

        if (r.LargestTumourMm is < 1 or > 300)
        {
            Add("largestTumourMm", "1–300 mm.");
        }

        var complications = r.Complications ?? [];
        for (var i = 0; i < complications.Count; i++)
        {
            var c = complications[i];
            if (string.IsNullOrWhiteSpace(c.Description))
            {
                Add($"complications[{i}].description", "Required.");
            }

            if (c.ClavienDindoGrade is null || !ClavienDindoGrades.All.Contains(c.ClavienDindoGrade))
            {
                Add($"complications[{i}].clavienDindoGrade", $"One of: {string.Join(", ", ClavienDindoGrades.All)}.");
            }

            if (c.OccurredOn is not { } occurred || occurred > today || (r.PerformedOn is { } p && occurred < p))
            {
                Add($"complications[{i}].occurredOn", "Required; on or after the operation, not in the future.");
            }
        }

        return errors;
    }

    public static RouteGroupBuilder MapRecordResection(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/resection/outcome", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, ChecklistCommands commands, CancellationToken ct) =>
            commands.Append(pathwayId, ifMatch,
                (p, c) => Decide(p, c, request, http.User.ActorName(), commands.Rules, commands.Today, commands.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("RecordResection")
            .WithSummary("Record the performed resection: margin, pathology (pCR, MPR, Edmondson, MVI), Clavien–Dindo complications; SURG-RISK follows.");
        return pathways;
    }
}
