using HccPathway.Contracts.Intake;
using HccPathway.Intake.Pathways;
using HccPathway.Intake.Pathways.DecidingEligibility;
using HccPathway.Intake.Pathways.RecordingBaseline;
using HccPathway.Clinical.Rules;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Intake.Tests.Deciders;

/// <summary>Builds states by folding real decider output, the way the stream would.</summary>
internal static class PathwayStates
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 6, 1);

    public static IntakePathway Registered(DateOnly? dateOfBirth = null) => IntakePathway.Create(new PatientRegistered(
        Guid.NewGuid(),
        new PatientIdentity("MRN-1", "Test Patient", dateOfBirth ?? new DateOnly(1966, 3, 14)),
        "female",
        Today.AddDays(-20),
        "Referring Centre",
        Now.AddDays(-20)));

    public static IntakePathway WithBaseline(this IntakePathway p, RecordBaselineRequest request, long version = 2) =>
        p.Apply(new JasperFx.Events.Event<BaselineAssessed>(Single<BaselineAssessed>(RecordBaseline.Decide(p, request, ClinicalRuleSet.Default, Today, Now))) { Version = version, Id = Guid.NewGuid() });

    public static IntakePathway WithEligibility(this IntakePathway p) =>
        p.Apply(Single<EligibilityDecided>(DecideEligibility.Decide(p, ClinicalRuleSet.Default, Now)));

    public static T Single<T>(Decision decision)
    {
        Assert.Null(decision.Rejection);
        return Assert.IsType<T>(Assert.Single(decision.Events));
    }
}
