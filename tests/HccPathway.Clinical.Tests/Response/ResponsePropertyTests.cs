using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HccPathway.Clinical.Response;
using static HccPathway.Clinical.Tests.Response.Series;

namespace HccPathway.Clinical.Tests.Response;

public class ResponsePropertyTests
{
    // 1–5 liver/lung/node targets (≤2 per organ), baseline sizes valid, 1–4 follow-ups with any size 0–150 mm.
    private static readonly Gen<ResponseSeries> SeriesGen =
        from count in Gen.Choose(1, 5)
        from baseline in Gen.ArrayOf(Gen.Choose(150, 1200), count)
        from followCount in Gen.Choose(1, 4)
        from follow in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 1500), count), followCount)
        from newLesion in Gen.ArrayOf(Gen.Elements(false, false, false, true), followCount)
        select Build(count, baseline, follow, newLesion);

    private static ResponseSeries Build(int count, int[] baseline, int[][] follow, bool[] newLesion)
    {
        var organs = new[] { "liver", "liver", "lung", "lung", "lymph node" };
        var lesions = Enumerable.Range(0, count).Select(i => new TargetLesion($"L{i}", organs[i], IsLymphNode: organs[i] == "lymph node")).ToArray();
        LesionMeasurement[] Measure(int[] tenths) =>
            lesions.Select((l, i) => new LesionMeasurement(l.LesionId, tenths[i] / 10m, tenths[i] / 10m)).ToArray();
        var followUps = follow.Select((f, k) => new ImagingStudy($"f{k}", BaselineDate.AddDays(42 * (k + 1)), Measure(f), NewLesion: newLesion[k])).ToArray();
        return new ResponseSeries(lesions, new ImagingStudy("b", BaselineDate, Measure(baseline)), followUps);
    }

    [Property(MaxTest = 300)]
    public Property RESP_RECIST_never_reports_PR_or_CR_when_the_sum_grew() =>
        Prop.ForAll(SeriesGen.ToArbitrary(), s =>
            Recist11.Assess(s).Value.All(a =>
                a.SumMillimetres is not { } sum || sum <= a.BaselineSumMillimetres
                || a.Category is not (ResponseCategory.PartialResponse or ResponseCategory.CompleteResponse)));

    [Property(MaxTest = 300)]
    public Property RESP_MRECIST_never_reports_PR_or_CR_when_the_sum_grew() =>
        Prop.ForAll(SeriesGen.ToArbitrary(), s =>
            Mrecist.Assess(s).Value.All(a =>
                a.SumMillimetres is not { } sum || sum <= a.BaselineSumMillimetres
                || a.Category is not (ResponseCategory.PartialResponse or ResponseCategory.CompleteResponse)));

    [Property(MaxTest = 300)]
    public Property RESP_RECIST_new_lesion_always_means_PD() =>
        Prop.ForAll(SeriesGen.ToArbitrary(), s =>
            Recist11.Assess(s).Value.Zip(s.FollowUps.OrderBy(f => f.Date))
                .All(p => !p.Second.NewLesion || p.First.Category == ResponseCategory.ProgressiveDisease));
}
