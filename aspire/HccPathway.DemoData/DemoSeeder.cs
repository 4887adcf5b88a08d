using Bogus;

namespace HccPathway.DemoData;

/// <summary>Where a seeded patient stands on the pathway.</summary>
public enum DemoStage
{
    Registered,
    Baseline,
    Ineligible,
    OnTherapy,
    AdverseEventHold,
    Responding,
    ReadyForSurgery,
    ResectedWithAdjuvant,
    WatchAndWait,
    SecondLine,
}

public sealed record SeededPatient(Guid PathwayId, DemoStage Stage, DateOnly EnrolledOn);

/// <summary>
/// Creates synthetic patients through the public APIs, spread over the pathway's stages in turn (patient i is at stage
/// i mod 10). Names, record numbers, dates of birth and enrolment dates come from Bogus with a fixed seed, so a run
/// is repeatable; nothing is written to a database directly.
/// </summary>
public static class DemoSeeder
{
    public static async Task<IReadOnlyList<SeededPatient>> SeedAsync(
        PathwayClient api, int patients, Action<string> log, int randomSeed = 8, DateOnly? today = null, CancellationToken ct = default)
    {
        var day = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var faker = new Faker { Random = new Randomizer(randomSeed) };
        var stages = Enum.GetValues<DemoStage>();
        var seeded = new List<SeededPatient>();
        for (var i = 0; i < patients; i++)
        {
            ct.ThrowIfCancellationRequested();
            var stage = stages[i % stages.Length];
            var sex = faker.PickRandom("female", "male");
            var name = faker.Name.FullName(sex == "female" ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
            var mrn = "DEMO-" + faker.Random.Replace("######");
            var dateOfBirth = DateOnly.FromDateTime(faker.Date.Between(new DateTime(1945, 1, 1), new DateTime(1985, 12, 31)));

            // Later stages need a longer history; every clinical date stays on or before today.
            var enrolledOn = day.AddDays(-faker.Random.Int(200, 240));
            var journey = await ConversionJourney.Register(api, enrolledOn, mrn, name, dateOfBirth, sex, faker.PickRandom(Centres));
            await Advance(journey, stage, day);
            seeded.Add(new SeededPatient(journey.PathwayId, stage, enrolledOn));
            log($"Seeded patient {i + 1}/{patients}: {journey.PathwayId} at stage {stage}");
        }

        return seeded;
    }

    private static readonly string[] Centres = ["City Hospital", "University Hospital", "Regional Liver Centre", "St Mary's"];

    private static async Task Advance(ConversionJourney j, DemoStage stage, DateOnly today)
    {
        var e = j.EnrolledOn;
        if (stage == DemoStage.Registered)
        {
            return;
        }

        await j.RecordBaseline(ecog: stage == DemoStage.Ineligible ? 3 : 0);
        await j.DecideEligibility();
        if (stage is DemoStage.Baseline or DemoStage.Ineligible)
        {
            return;
        }

        await j.Enrol();
        await j.Planned();
        await j.StartLenvatinib();
        await j.BaselineImaging();
        await j.PerformTace();
        var dose1 = await j.GiveCamrelizumab(1);
        if (stage == DemoStage.OnTherapy)
        {
            return;
        }

        switch (stage)
        {
            case DemoStage.WatchAndWait:
                var last = await j.CompleteResponseImaging(dose1.AddDays(20));
                await j.WatchAndWait(last.AddDays(3));
                return;
            case DemoStage.SecondLine:
                var progressed = dose1.AddDays(25);
                await j.ProgressionImaging(progressed);
                await j.SuggestionsIncluding("FAIL-1c");
                await j.SecondLine(progressed.AddDays(5));
                return;
        }

        var dose2 = await j.GiveCamrelizumab(2);
        var ae = await j.AdverseEventHoldingCamrelizumab(dose2.AddDays(5));
        if (stage == DemoStage.AdverseEventHold)
        {
            return;
        }

        await j.ResolveAndResume(ae, dose2.AddDays(19), dose2.AddDays(20));
        await j.GiveCamrelizumab(3, dose2.AddDays(21));
        // SURG-READY counts evidence older than 30 days as stale, so the surgical tail is dated within the last month.
        await j.PartialResponseImaging(e.AddDays(80));
        await j.PartialResponseImaging(today.AddDays(-25));
        if (stage == DemoStage.Responding)
        {
            return;
        }

        await j.RecordPreoperativeWorkUp(today.AddDays(-20));
        await j.ReadyForSurgery();
        if (stage == DemoStage.ReadyForSurgery)
        {
            return;
        }

        await j.StopLenvatinib(today.AddDays(-18));
        var surgeryOn = ConversionJourney.HospitalToday();
        await j.DecideResection(today.AddDays(-16), surgeryOn);
        await j.Resect(surgeryOn);
        await j.DecideAdjuvant();
    }
}
