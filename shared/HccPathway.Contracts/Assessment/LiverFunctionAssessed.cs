namespace HccPathway.Contracts.Assessment;

/// <summary>
/// A re-assessment of liver function, liver volume and performance status during conversion therapy: the most recent
/// values are what SURG-READY (4) and (3) and SURG-WASH (immune hepatitis after an ICI) rely on. Any value not measured
/// on this date is null; consumers take the latest non-null value of each with its <see cref="AssessedOn"/> date and
/// <see cref="AssessmentId"/> as evidence.
/// </summary>
/// <param name="FutureLiverRemnantRatio">FLR / SLV as a fraction (0.40 = 40 %), SCORE-FLR.</param>
/// <param name="StandardLiverVolumeMillilitres">SCORE-SLV, from intake's height and this weight (or intake's weight).</param>
/// <param name="ImmuneHepatitisExcluded">SURG-WASH: true when immune hepatitis was excluded on this date; null if not assessed.</param>
/// <param name="ImmuneHepatitisEvidence">How it was excluded (e.g. "AST/ALT normal", "liver biopsy").</param>
public sealed record LiverFunctionAssessed(
    Guid PathwayId,
    Guid AssessmentId,
    DateOnly AssessedOn,
    ChildPughResult? ChildPugh,
    decimal? IcgR15Percent,
    int? Ecog,
    decimal? FutureLiverRemnantMillilitres,
    double? StandardLiverVolumeMillilitres,
    double? FutureLiverRemnantRatio,
    decimal? AstUnitsPerLitre,
    decimal? AltUnitsPerLitre,
    bool? ImmuneHepatitisExcluded,
    string? ImmuneHepatitisEvidence,
    string RuleSetVersion,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>SCORE-CP with its inputs. Ascites: none, slight or moderate-to-severe; encephalopathy: West Haven 0–4.</summary>
public sealed record ChildPughResult(
    decimal BilirubinMicromolesPerLitre,
    decimal AlbuminGramsPerLitre,
    decimal Inr,
    string Ascites,
    int EncephalopathyGrade,
    int Points,
    string Class);
