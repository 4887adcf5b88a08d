using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Staging;

namespace HccPathway.Clinical.Eligibility;

/// <summary>Everything derived from a baseline assessment: scores, stage and the eligibility decision.</summary>
public sealed record BaselineEvaluation(
    ChildPughScore ChildPugh,
    AlbiResult Albi,
    double TumourBurdenScore,
    TaaResult Taa,
    double BodySurfaceAreaSquareMetres,
    double StandardLiverVolumeMillilitres,
    double? FutureLiverRemnantRatio,
    CnlcStage Stage,
    bool MacrovascularInvasion,
    bool ExtrahepaticSpread,
    IReadOnlyList<JapaneseVpGrade> PvttVpEquivalent,
    EligibilityDecision Eligibility,
    string RuleSetVersion);
