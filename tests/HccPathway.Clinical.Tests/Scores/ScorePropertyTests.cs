using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Scores;

public class ScorePropertyTests
{
    // Values in tenths, inside the plausible ranges: bilirubin 1–400 µmol/L, albumin 10–70 g/L, INR 0.5–6.
    private static readonly Gen<decimal> BilirubinGen = Gen.Choose(10, 4000).Select(x => x / 10m);
    private static readonly Gen<decimal> AlbuminGen = Gen.Choose(100, 700).Select(x => x / 10m);
    private static readonly Gen<decimal> InrGen = Gen.Choose(50, 600).Select(x => x / 100m);
    private static readonly Gen<Ascites> AscitesGen = Gen.Elements(Enum.GetValues<Ascites>());
    private static readonly Gen<int> EncephalopathyGen = Gen.Choose(0, 4);

    private static readonly Gen<ChildPughInputs> InputsGen =
        from b in BilirubinGen
        from a in AlbuminGen
        from i in InrGen
        from asc in AscitesGen
        from he in EncephalopathyGen
        select new ChildPughInputs(Bilirubin.FromMicromolesPerLitre(b), Albumin.FromGramsPerLitre(a), Inr.FromRatio(i), asc, he);

    private static int Total(ChildPughInputs i, ClinicalRuleSet? rules = null) =>
        ChildPugh.Score(i, rules ?? ClinicalRuleSet.Default).Value.Total;

    [Property(MaxTest = 300)]
    public Property SCORE_CP_monotone_in_bilirubin() =>
        Prop.ForAll(InputsGen.ToArbitrary(), BilirubinGen.ToArbitrary(), (i, other) =>
        {
            var (lo, hi) = Order(i.Bilirubin.MicromolesPerLitre, other);
            return Total(i with { Bilirubin = Bilirubin.FromMicromolesPerLitre(lo) })
                   <= Total(i with { Bilirubin = Bilirubin.FromMicromolesPerLitre(hi) });
        });

    [Property(MaxTest = 300)]
    public Property SCORE_CP_monotone_in_albumin_for_both_boundaries() =>
        Prop.ForAll(InputsGen.ToArbitrary(), AlbuminGen.ToArbitrary(), Gen.Elements(28m, 30m).ToArbitrary(), (i, other, boundary) =>
        {
            var rules = ClinicalRuleSet.Default with { ChildPughAlbuminLowerBoundaryGramsPerLitre = boundary };
            var (lo, hi) = Order(i.Albumin.GramsPerLitre, other);
            // Lower albumin is worse: it never scores fewer points.
            return Total(i with { Albumin = Albumin.FromGramsPerLitre(lo) }, rules)
                   >= Total(i with { Albumin = Albumin.FromGramsPerLitre(hi) }, rules);
        });

    [Property(MaxTest = 300)]
    public Property SCORE_CP_monotone_in_inr() =>
        Prop.ForAll(InputsGen.ToArbitrary(), InrGen.ToArbitrary(), (i, other) =>
        {
            var (lo, hi) = Order(i.Inr.Ratio, other);
            return Total(i with { Inr = Inr.FromRatio(lo) }) <= Total(i with { Inr = Inr.FromRatio(hi) });
        });

    [Property(MaxTest = 300)]
    public Property SCORE_CP_monotone_in_ascites_and_encephalopathy() =>
        Prop.ForAll(InputsGen.ToArbitrary(), AscitesGen.ToArbitrary(), EncephalopathyGen.ToArbitrary(), (i, asc, he) =>
        {
            var worseAscites = (Ascites)Math.Max((int)asc, (int)i.Ascites);
            var worseHe = Math.Max(he, i.EncephalopathyGrade);
            return Total(i) <= Total(i with { Ascites = worseAscites })
                   && Total(i) <= Total(i with { EncephalopathyGrade = worseHe });
        });

    [Property(MaxTest = 300)]
    public Property SCORE_CP_total_is_5_to_15_and_class_matches_total() =>
        Prop.ForAll(InputsGen.ToArbitrary(), i =>
        {
            var s = ChildPugh.Score(i, ClinicalRuleSet.Default).Value;
            return s.Total is >= 5 and <= 15
                   && s.Total == s.BilirubinPoints + s.AlbuminPoints + s.InrPoints + s.AscitesPoints + s.EncephalopathyPoints
                   && s.Class == ChildPugh.ClassOf(s.Total);
        });

    [Property(MaxTest = 300)]
    public Property SCORE_ALBI_monotone_increasing_in_bilirubin() =>
        Prop.ForAll(BilirubinGen.ToArbitrary(), BilirubinGen.ToArbitrary(), AlbuminGen.ToArbitrary(), (b1, b2, a) =>
        {
            var (lo, hi) = Order(b1, b2);
            var low = Albi.Calculate(Bilirubin.FromMicromolesPerLitre(lo), Albumin.FromGramsPerLitre(a)).Value;
            var high = Albi.Calculate(Bilirubin.FromMicromolesPerLitre(hi), Albumin.FromGramsPerLitre(a)).Value;
            return low.Score <= high.Score && low.Grade <= high.Grade;
        });

    [Property(MaxTest = 300)]
    public Property SCORE_ALBI_monotone_decreasing_in_albumin() =>
        Prop.ForAll(AlbuminGen.ToArbitrary(), AlbuminGen.ToArbitrary(), BilirubinGen.ToArbitrary(), (a1, a2, b) =>
        {
            var (lo, hi) = Order(a1, a2);
            var lowAlbumin = Albi.Calculate(Bilirubin.FromMicromolesPerLitre(b), Albumin.FromGramsPerLitre(lo)).Value;
            var highAlbumin = Albi.Calculate(Bilirubin.FromMicromolesPerLitre(b), Albumin.FromGramsPerLitre(hi)).Value;
            return lowAlbumin.Score >= highAlbumin.Score && lowAlbumin.Grade >= highAlbumin.Grade;
        });

    private static (decimal Low, decimal High) Order(decimal a, decimal b) => a <= b ? (a, b) : (b, a);
}
