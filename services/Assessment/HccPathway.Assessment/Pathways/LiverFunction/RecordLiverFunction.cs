using HccPathway.Assessment.Pathways.Starting;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Units;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Assessment.Pathways.LiverFunction;

/// <summary>
/// Re-assesses liver function, FLR and performance status during therapy: the values SURG-READY (3) and (4) and
/// SURG-WASH (immune hepatitis after an ICI) need. Child–Pugh (SCORE-CP) is computed when all five inputs are given;
/// the FLR ratio (SCORE-FLR) from the SLV (SCORE-SLV) of intake's height and the latest weight.
/// </summary>
public static class RecordLiverFunction
{
    public sealed record Request(
        Guid? AssessmentId,
        DateOnly? AssessedOn,
        decimal? BilirubinMicromolesPerLitre,
        decimal? AlbuminGramsPerLitre,
        decimal? Inr,
        string? Ascites,
        int? EncephalopathyGrade,
        decimal? IcgR15Percent,
        int? Ecog,
        decimal? FutureLiverRemnantMillilitres,
        decimal? WeightKg,
        decimal? AstUnitsPerLitre,
        decimal? AltUnitsPerLitre,
        bool? ImmuneHepatitisExcluded,
        string? ImmuneHepatitisEvidence);

    private static readonly Dictionary<string, Ascites> AscitesNames = new()
    {
        ["none"] = Ascites.None,
        ["slight"] = Ascites.Slight,
        ["moderate-to-severe"] = Ascites.ModerateToSevere,
    };

    public static Decision Decide(AssessmentPathway pathway, Request r, Guid assessmentId, string recordedBy, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        var (state, opening, refusal) = StartAssessment.Open(pathway, now);
        if (refusal is not null)
        {
            return refusal;
        }

        if (state.LiverFunctionIds.Contains(assessmentId))
        {
            return Rejection.Conflict($"Assessment {assessmentId} is already recorded.");
        }

        var errors = new Dictionary<string, string[]>();
        if (r.AssessedOn is not { } on || on > today || on < state.ReferralDate)
        {
            errors["assessedOn"] = ["Required; not in the future and not before the referral."];
        }

        var childPugh = ChildPughOf(r, rules, errors);
        InRange(errors, "icgR15Percent", r.IcgR15Percent, PlausibleRanges.IcgR15Percent);
        InRange(errors, "ecog", r.Ecog, PlausibleRanges.Ecog);
        InRange(errors, "futureLiverRemnantMillilitres", r.FutureLiverRemnantMillilitres, PlausibleRanges.FutureLiverRemnantMillilitres);
        InRange(errors, "weightKg", r.WeightKg, PlausibleRanges.WeightKilograms);
        InRange(errors, "astUnitsPerLitre", r.AstUnitsPerLitre, PlausibleRanges.AminotransferaseUnitsPerLitre);
        InRange(errors, "altUnitsPerLitre", r.AltUnitsPerLitre, PlausibleRanges.AminotransferaseUnitsPerLitre);
        if (r.ImmuneHepatitisExcluded == true && string.IsNullOrWhiteSpace(r.ImmuneHepatitisEvidence))
        {
            errors["immuneHepatitisEvidence"] = ["Say how immune hepatitis was excluded (SURG-WASH), e.g. \"AST/ALT normal\" or \"liver biopsy\"."];
        }

        if (childPugh is null && r.IcgR15Percent is null && r.Ecog is null && r.FutureLiverRemnantMillilitres is null
            && r.AstUnitsPerLitre is null && r.AltUnitsPerLitre is null && r.ImmuneHepatitisExcluded is null && errors.Count == 0)
        {
            errors["assessedOn"] = ["Nothing was measured: give at least one value."];
        }

        if (errors.Count > 0)
        {
            return Rejection.Invalid("The liver function assessment is invalid.", errors);
        }

        var slv = StandardLiverVolumeOf(state, r.WeightKg, rules);
        double? ratio = r.FutureLiverRemnantMillilitres is { } flr && slv is { } s
            ? Math.Round(FutureLiverRemnant.Ratio(VolumeMl.FromMillilitres(flr), s).Value, 4)
            : null;
        return Decision.Append([.. opening, new LiverFunctionAssessed(
            state.Id, assessmentId, r.AssessedOn!.Value, childPugh, r.IcgR15Percent, r.Ecog, r.FutureLiverRemnantMillilitres,
            slv is { } v ? Math.Round(v, 1) : null, ratio, r.AstUnitsPerLitre, r.AltUnitsPerLitre, r.ImmuneHepatitisExcluded,
            r.ImmuneHepatitisEvidence?.Trim(), rules.Version, recordedBy, now)]);
    }

    // SCORE-CP needs all five factors; a partial set is a mistake, not a partial score.
    private static ChildPughResult? ChildPughOf(Request r, ClinicalRuleSet rules, Dictionary<string, string[]> errors)
    {
        var given = new (string Field, object? Value)[]
        {
            ("bilirubinMicromolesPerLitre", r.BilirubinMicromolesPerLitre), ("albuminGramsPerLitre", r.AlbuminGramsPerLitre),
            ("inr", r.Inr), ("ascites", r.Ascites), ("encephalopathyGrade", r.EncephalopathyGrade),
        };
        if (given.All(g => g.Value is null))
        {
            return null;
        }

        foreach (var (field, _) in given.Where(g => g.Value is null))
        {
            errors[field] = ["Required with the other Child–Pugh factors (SCORE-CP)."];
        }

        if (r.Ascites is not null && !AscitesNames.ContainsKey(r.Ascites))
        {
            errors["ascites"] = [$"One of {string.Join(", ", AscitesNames.Keys)}."];
        }

        if (given.Any(g => g.Value is null) || !AscitesNames.TryGetValue(r.Ascites!, out var ascites))
        {
            return null;
        }

        var inputs = new ChildPughInputs(
            Bilirubin.FromMicromolesPerLitre(r.BilirubinMicromolesPerLitre!.Value),
            Albumin.FromGramsPerLitre(r.AlbuminGramsPerLitre!.Value),
            Clinical.Units.Inr.FromRatio(r.Inr!.Value),
            ascites,
            r.EncephalopathyGrade!.Value);
        var score = ChildPugh.Score(inputs, rules);
        if (!score.TryGetValue(out var cp))
        {
            foreach (var e in score.Errors)
            {
                errors[e.Field] = [$"{e.Message} Allowed: {e.AllowedRange}."];
            }

            return null;
        }

        return new ChildPughResult(inputs.Bilirubin.MicromolesPerLitre, inputs.Albumin.GramsPerLitre, inputs.Inr.Ratio, r.Ascites!,
            inputs.EncephalopathyGrade, cp.Total, cp.Class.ToString());
    }

    // SCORE-SLV from intake's height and the weight given now (else intake's weight); null without an intake baseline.
    private static double? StandardLiverVolumeOf(AssessmentPathway p, decimal? weightKg, ClinicalRuleSet rules)
    {
        if (p.IntakeBaseline?.Data.Measurements is not { } m)
        {
            return null;
        }

        var bsa = BodySurfaceArea.Mosteller(HeightCm.FromCentimetres(m.HeightCm), WeightKg.FromKilograms(weightKg ?? m.WeightKg));
        return bsa.Bind(b => StandardLiverVolume.Calculate(b, rules)).TryGetValue(out var slv) ? slv : null;
    }

    private static void InRange(Dictionary<string, string[]> errors, string field, decimal? value, PlausibleRange range)
    {
        if (value is { } v && !range.Contains(v))
        {
            errors[field] = [$"Outside {range.Describe()}."];
        }
    }

    public static RouteGroupBuilder MapRecordLiverFunction(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/liver-function", (
                Guid pathwayId,
                Request request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http,
                PathwayWriter writer,
                ClinicalRuleSet rules,
                CancellationToken ct) =>
            {
                var id = request.AssessmentId ?? Guid.NewGuid();
                return writer.Append<AssessmentPathway>(
                    pathwayId, ifMatch, p => Decide(p, request, id, http.User.ActorName(), rules, writer.Today, writer.Now), ct);
            })
            .RequireAuthorization(Policies.RecordCare)
            .WithName("RecordLiverFunction")
            .WithSummary("Re-assess Child–Pugh, ICG-R15, ECOG, FLR, AST/ALT and immune hepatitis (for SURG-READY and SURG-WASH).");
        return pathways;
    }
}
