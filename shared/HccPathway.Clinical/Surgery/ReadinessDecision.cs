using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Surgery;

/// <summary>SURG-READY decision: ready only when all six criteria pass; every criterion cites its evidence.</summary>
public sealed record ReadinessDecision(bool Ready, IReadOnlyList<Criterion> Criteria, DateOnly EvaluatedOn, string RuleSetVersion);
