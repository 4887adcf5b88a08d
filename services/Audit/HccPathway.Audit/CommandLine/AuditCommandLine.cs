using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HccPathway.Audit.Counterfactual;
using HccPathway.Audit.History;
using HccPathway.Audit.Reads;
using HccPathway.Audit.Replay;
using HccPathway.Audit.RuleSets;
using HccPathway.Audit.Tamper;
using HccPathway.Clinical.Rules;
using HccPathway.ServiceDefaults.Tenancy;
using Marten;

namespace HccPathway.Audit.CommandLine;

/// <summary>
/// The auditors' command line: <c>replay &lt;pathwayId&gt; [--as-of &lt;instant&gt; | --version &lt;n&gt;] [--hospital &lt;id&gt;]</c> prints the timeline and
/// the state as known then; <c>counterfactual &lt;ruleSetVersion&gt; [--hospital &lt;id&gt;]</c> prints the hospital's
/// eligibility decisions decided again under another registered rule set (exit code 3 when the version is unknown);
/// <c>verify &lt;pathwayId&gt; [--hospital &lt;id&gt;]</c> prints the hash-chain verification and its comparison with the
/// checkpoint log when <c>Audit__Anchor__LogPath</c> and <c>Audit__Anchor__TrustedKeysPath</c> are set (exit code 1 when
/// tampered or when the events no longer match the checkpoints). A pathway is read in its hospital: <c>--hospital</c>
/// names it, otherwise the deployment's default hospital (<c>Pathway__DefaultHospital</c>). It reads <c>ConnectionStrings__pathway</c> and builds the service's read side without starting the web host. Every
/// run is recorded in the audit-read log as <c>cli:&lt;user&gt;</c>; the patient stays pseudonymised.
/// </summary>
public static class AuditCommandLine
{
    public const int Ok = 0;
    public const int Tampered = 1;
    public const int Usage = 2;
    public const int NotFound = 3;

    private const string UsageText =
        "usage: replay <pathwayId> [--as-of <instant> | --version <n>] [--hospital <id>]\n       verify <pathwayId> [--hospital <id>]\n" +
        "       counterfactual <ruleSetVersion> [--hospital <id>]";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "replay" or "verify" or "counterfactual";

    public static async Task<int> Run(
        string[] args, TextWriter output, TextWriter error, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        if (!TryParse(args, out var command, out var target, out var asOf, out var version, out var hospital))
        {
            await error.WriteLineAsync(UsageText);
            return Usage;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddEnvironmentVariables();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (hospital is not null)
        {
            // The read side opens its sessions for the default hospital when no signed-in user names one.
            builder.Configuration.AddInMemoryCollection([new(Hospitals.DefaultHospitalKey, hospital)]);
        }

        builder.Services.AddLogging();
        builder.AddAuditReading();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<PathwayAudit>();
        var log = scope.ServiceProvider.GetRequiredService<ReadLog>();
        if (command == "counterfactual")
        {
            return await Counterfactual(target, scope.ServiceProvider, log, output, error);
        }

        var pathwayId = Guid.Parse(target);

        var what = command == "verify" ? AuditReadKinds.Verify : AuditReadKinds.Replay;
        var query = asOf is { } t ? $"asOf={t:O}" : version is { } v ? $"version={v}" : null;

        // As on the API (AuditedRead): read, record the read, then answer.
        async Task<int> Audited<T>(Task<T?> reading, Func<T, Task<int>> print)
            where T : class
        {
            var answer = await reading;
            await log.Record($"cli:{Environment.UserName}", pathwayId, what, query, answer is not null, false, CancellationToken.None);
            if (answer is null)
            {
                await error.WriteLineAsync($"Pathway {pathwayId} does not exist.");
                return NotFound;
            }

            return await print(answer);
        }

        return command == "verify"
            ? await Audited(audit.Verify(pathwayId, CancellationToken.None), result => Verify(pathwayId, result, output))
            : await Audited(ReadReplay(audit, pathwayId, asOf, version), read => Replay(read, asOf, version, output));
    }

    private static async Task<int> Counterfactual(
        string ruleSetVersion, IServiceProvider services, ReadLog log, TextWriter output, TextWriter error)
    {
        var registered = await services.GetRequiredService<RuleSetLookup>().Find(ruleSetVersion, CancellationToken.None);
        await log.Record($"cli:{Environment.UserName}", null, AuditReadKinds.Counterfactual, $"ruleSetVersion={ruleSetVersion}",
            registered is not null, false, CancellationToken.None);
        if (registered is null)
        {
            await error.WriteLineAsync($"No rule set is registered as '{ruleSetVersion}'.");
            return NotFound;
        }

        var rules = RuleSetFingerprint.Parse(registered.Version, registered.Parameters.GetRawText());
        var eligibility = await EligibilityCounterfactual.Run(services.GetRequiredService<IQuerySession>(), rules, CancellationToken.None);
        await output.WriteLineAsync(JsonSerializer.Serialize(new CounterfactualAnswer(registered.Version, registered.Fingerprint, eligibility), Json));
        return Ok;
    }

    private sealed record ReplayRead(HistoryPage History, PathwayAsOf State);

    private static async Task<ReplayRead?> ReadReplay(PathwayAudit audit, Guid pathwayId, DateTimeOffset? asOf, long? version)
    {
        var history = await audit.History(pathwayId, new HistoryQuery([], null, asOf, 1, int.MaxValue), false, CancellationToken.None);
        var state = await audit.Replay(pathwayId, asOf, version, CancellationToken.None);
        return history is not null && state is not null ? new ReplayRead(history, state) : null;
    }

    private static async Task<int> Replay(ReplayRead read, DateTimeOffset? asOf, long? version, TextWriter output)
    {
        var shown = version is { } v ? read.History with { Items = read.History.Items.Where(e => e.Version <= v).ToList() } : read.History;
        await output.WriteAsync(TimelineText.Plain(shown));
        await output.WriteLineAsync(asOf is { } t ? $"State as known at {t:O}:" : version is { } n ? $"State as of version {n}:" : "State now:");
        await output.WriteLineAsync(JsonSerializer.Serialize(read.State, Json));
        return Ok;
    }

    private static async Task<int> Verify(Guid pathwayId, Verification result, TextWriter output)
    {
        await output.WriteLineAsync($"Pathway {pathwayId}: {result.Status}");
        await output.WriteLineAsync($"  events checked {result.EventsChecked}, sealed up to version {result.SealedVersion}, not yet sealed {result.UnsealedEvents}");
        await output.WriteLineAsync($"  head chain hash {result.HeadChainHash ?? "-"}");
        if (result.FirstFinding is { } f)
        {
            await output.WriteLineAsync($"  first finding: {f.Kind} at version {f.Version} (event {f.EventId}, {f.Name}): {f.Detail}");
        }

        foreach (var note in result.Notes)
        {
            await output.WriteLineAsync($"  note: {note}");
        }

        if (result.Anchor is { } anchor)
        {
            await output.WriteLineAsync($"  anchor: {anchor.Status}: {anchor.Detail}");
        }

        return result.Status == VerificationStatuses.Tampered ? Tampered : Ok;
    }

    /// <param name="target">The pathway id (replay, verify) or the rule set version (counterfactual).</param>
    private static bool TryParse(
        string[] args, out string command, out string target, out DateTimeOffset? asOf, out long? version, out string? hospital)
    {
        command = args.Length > 0 ? args[0] : "";
        target = args.Length > 1 ? args[1] : "";
        asOf = null;
        version = null;
        hospital = null;
        if (command == "counterfactual" ? string.IsNullOrWhiteSpace(target) || target.StartsWith("--", StringComparison.Ordinal) : !Guid.TryParse(target, out _))
        {
            return false;
        }

        for (var i = 2; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--as-of" when command == "replay" && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at):
                    asOf = at;
                    i++;
                    break;
                case "--version" when command == "replay" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v):
                    version = v;
                    i++;
                    break;
                case "--hospital" when !string.IsNullOrWhiteSpace(value) && hospital is null:
                    hospital = value;
                    i++;
                    break;
                default:
                    return false;
            }
        }

        return asOf is null || version is null;
    }
}
