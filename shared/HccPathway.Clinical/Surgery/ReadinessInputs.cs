using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Surgery;

/// <summary>
/// SURG-READY inputs, each with the event that recorded it. A missing value makes its criterion Unknown;
/// so does a value older than <see cref="ClinicalRuleSet.ReadinessMaximumEvidenceAgeDays"/>.
/// </summary>
public sealed record ReadinessInputs
{
    /// <summary>Start of conversion therapy; SD duration is counted from it.</summary>
    public required DateOnly TreatmentStart { get; init; }

    public IReadOnlyList<Evidenced<ResponseCategory>> MrecistAssessments { get; init; } = [];

    /// <summary>(2) The surgeon's record that R0 resection is feasible (wide margin; thrombus inactivated or retracted).</summary>
    public Evidenced<bool>? R0ResectionFeasible { get; init; }

    /// <summary>(3) FLR / SLV as a fraction (0.40 = 40 %).</summary>
    public Evidenced<double>? FlrToSlvRatio { get; init; }

    public Evidenced<int>? ChildPughScore { get; init; }
    public Evidenced<IcgR15Percent>? IcgR15 { get; init; }
    public Evidenced<int>? Ecog { get; init; }

    /// <summary>(5) true when extrahepatic disease is present.</summary>
    public Evidenced<bool>? ExtrahepaticDisease { get; init; }

    /// <summary>(5) true when another contraindication is recorded (for example organ damage from systemic therapy).</summary>
    public Evidenced<bool>? OtherContraindication { get; init; }

    /// <summary>(6) Adverse events; only treatment-related ones count.</summary>
    public IReadOnlyList<AdverseEvent> AdverseEvents { get; init; } = [];
}
