using HccPathway.Audit.CommandLine;
using HccPathway.Audit.Tests.Support;
using HccPathway.Testing;

namespace HccPathway.Audit.Tests.Api;

public sealed class CommandLineTests(AuditService service) : IClassFixture<AuditService>
{
    private async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var infrastructure = await Infrastructure.GetAsync();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AuditCommandLine.Run(args, output, error, new Dictionary<string, string?>
        {
            ["ConnectionStrings:pathway"] = infrastructure.Postgres,
            ["Pathway:EventsSchema"] = service.Factory.Schemas.Events,
            ["Pathway:DocumentsSchema"] = service.Factory.Schemas.DocumentsOf(AuditApi.ServiceName),
        });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Replay_as_of_an_instant_prints_the_timeline_and_the_state_known_then()
    {
        var id = await service.Record(new Story(Guid.NewGuid()));
        var history = (await service.Auditor().History(id)).Items();
        var enrolment = history.Single(i => i.GetProperty("name").GetString() == "intake.patient-enrolled.v1");

        var (exit, output, _) = await Run("replay", id.ToString(), "--as-of", enrolment.GetProperty("recordedAt").GetString()!);

        Assert.Equal(AuditCommandLine.Ok, exit);
        Assert.Contains("intake.patient-enrolled.v1", output);
        Assert.DoesNotContain("scheduling.regimen-planned.v1", output);
        Assert.Contains("\"phase\": \"enrolled\"", output);
        Assert.DoesNotContain("Grace Example", output);
        var reads = (await service.Auditor().Json($"/reads?pathwayId={id}")).Items();
        Assert.Contains(reads, r => r.GetProperty("actor").GetString()!.StartsWith("cli:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_prints_the_result_and_exits_non_zero_when_tampered()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), steps: 4);
        await Eventually.True(async () => (await service.Auditor().Verification(id)).GetProperty("sealedVersion").GetInt64() == 4,
            TimeSpan.FromSeconds(60), "the pathway to be sealed");

        var intact = await Run("verify", id.ToString());
        await service.Sql("update {events}.mt_events set data = jsonb_set(data, '{Ecog}', '3') where stream_id = $1 and version = 2", id);
        var tampered = await Run("verify", id.ToString());

        Assert.Equal((AuditCommandLine.Ok, true), (intact.Exit, intact.Output.Contains("intact", StringComparison.Ordinal)));
        Assert.Equal(AuditCommandLine.Tampered, tampered.Exit);
        Assert.Contains("modified at version 2", tampered.Output);
    }

    [Fact]
    public async Task A_pathway_of_another_hospital_is_read_with_hospital_and_is_not_found_without_it()
    {
        var id = await service.Record(new Story(Guid.NewGuid()), hospital: "hospital-b");

        var withoutHospital = await Run("replay", id.ToString());
        var replay = await Run("replay", id.ToString(), "--hospital", "hospital-b");
        var verify = await Run("verify", id.ToString(), "--hospital", "hospital-b");
        var wrongHospital = await Run("verify", id.ToString(), "--hospital", "hospital-c");

        Assert.Equal(AuditCommandLine.NotFound, withoutHospital.Exit);
        Assert.Equal(AuditCommandLine.Ok, replay.Exit);
        Assert.Contains("intake.patient-enrolled.v1", replay.Output);
        Assert.Equal(AuditCommandLine.Ok, verify.Exit);
        Assert.Contains($"Pathway {id}:", verify.Output);
        Assert.Equal(AuditCommandLine.NotFound, wrongHospital.Exit);
        Assert.Equal(AuditCommandLine.Usage, (await Run("replay", id.ToString(), "--hospital")).Exit);
    }

    [Fact]
    public async Task Bad_arguments_print_the_usage_and_an_unknown_pathway_says_so()
    {
        var usage = await Run("replay", "not-a-guid");
        var both = await Run("replay", Guid.NewGuid().ToString(), "--as-of", "2026-01-01", "--version", "3");
        var unknown = await Run("verify", Guid.NewGuid().ToString());

        Assert.Equal((AuditCommandLine.Usage, AuditCommandLine.Usage), (usage.Exit, both.Exit));
        Assert.Contains("usage:", usage.Error);
        Assert.Equal(AuditCommandLine.NotFound, unknown.Exit);
        Assert.Contains("does not exist", unknown.Error);
    }
}
