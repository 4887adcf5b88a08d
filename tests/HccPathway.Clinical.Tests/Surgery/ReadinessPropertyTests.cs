using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Clinical.Units;
using static HccPathway.Clinical.Tests.Surgery.ReadinessTests;

namespace HccPathway.Clinical.Tests.Surgery;

public class ReadinessPropertyTests
{
    // Each input is missing, stale, failing or passing at random.
    private static Gen<Evidenced<T>?> Maybe<T>(T good, T bad) =>
        Gen.Elements<Evidenced<T>?>(
            null,
            E(good, Today.AddDays(-60), "stale"),
            E(bad, Today, "bad"),
            E(good, Today, "good"),
            E(good, Today.AddDays(-2), "good2"));

    private static readonly Gen<ReadinessInputs> InputsGen =
        from response in Gen.Elements(Enum.GetValues<ResponseCategory>())
        from responseAge in Gen.Choose(0, 60)
        from r0 in Maybe(true, false)
        from flr in Maybe(0.5, 0.3)
        from cp in Maybe(6, 9)
        from icg in Maybe(IcgR15Percent.FromPercent(10m), IcgR15Percent.FromPercent(30m))
        from ecog in Maybe(0, 2)
        from ehd in Maybe(false, true)
        from other in Maybe(false, true)
        select Ready() with
        {
            MrecistAssessments = [E(response, Today.AddDays(-responseAge), "mr")],
            R0ResectionFeasible = r0,
            FlrToSlvRatio = flr,
            ChildPughScore = cp,
            IcgR15 = icg,
            Ecog = ecog,
            ExtrahepaticDisease = ehd,
            OtherContraindication = other,
        };

    [Property(MaxTest = 500)]
    public Property SURG_READY_ready_only_when_every_criterion_passes() =>
        Prop.ForAll(InputsGen.ToArbitrary(), inputs =>
        {
            var d = SurgicalReadiness.Evaluate(inputs, Today, ClinicalRuleSet.Default).Value;
            return d.Criteria.Count == 6 && d.Ready == d.Criteria.All(c => c.Outcome == CriterionOutcome.Pass);
        });

    [Property(MaxTest = 300)]
    public Property SURG_READY_making_one_input_worse_never_makes_a_patient_ready() =>
        Prop.ForAll(InputsGen.ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (inputs, which) =>
        {
            var worse = which switch
            {
                0 => inputs with { R0ResectionFeasible = null },
                1 => inputs with { FlrToSlvRatio = E(0.2, Today, "worse") },
                2 => inputs with { Ecog = E(3, Today, "worse") },
                _ => inputs with { ExtrahepaticDisease = E(true, Today, "worse") },
            };
            return !SurgicalReadiness.Evaluate(worse, Today, ClinicalRuleSet.Default).Value.Ready;
        });
}
