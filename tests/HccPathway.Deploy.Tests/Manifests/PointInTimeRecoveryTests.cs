using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HccPathway.Deploy.Tests.Manifests;

/// <summary>
/// Backup and point-in-time recovery with CloudNativePG: production archives WAL and takes nightly base backups to the
/// object store; the restore overlay bootstraps pathway-db from those backups up to a target time, archives under a
/// new server name, and keeps the services stopped until the relays are rewound. The recovery and backup resources are
/// validated against the vendored CRDs like every other object (SchemaValidationTests); these tests check what they
/// mean, and that a mistake in them fails.
/// </summary>
public sealed partial class PointInTimeRecoveryTests
{
    private static JsonNode ClusterSpec(string overlay) => Overlay.Get(overlay).Single("Cluster", "pathway-db")["spec"]!;

    [Fact]
    public void Production_archives_WAL_and_takes_a_nightly_base_backup_to_the_object_store()
    {
        var store = ClusterSpec("production")["backup"]!["barmanObjectStore"]!;
        Assert.StartsWith("s3://", store["destinationPath"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(store["wal"]);
        Assert.NotNull(store["s3Credentials"]!["accessKeyId"]!["name"]);
        Assert.Matches("^[0-9]+[dwm]$", ClusterSpec("production")["backup"]!["retentionPolicy"]!.GetValue<string>());

        var nightly = Assert.Single(Overlay.Get("production").OfKind("ScheduledBackup"))["spec"]!;
        Assert.Equal("pathway-db", nightly["cluster"]!["name"]!.GetValue<string>());
        Assert.Equal("barmanObjectStore", nightly["method"]!.GetValue<string>());
        Assert.Equal(6, nightly["schedule"]!.GetValue<string>().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_restore_overlay_recovers_pathway_db_from_the_production_backups_to_a_point_in_time()
    {
        var production = ClusterSpec("production");
        var restore = ClusterSpec("restore");

        Assert.Null(restore["bootstrap"]!["initdb"]);
        var recovery = restore["bootstrap"]!["recovery"]!;
        Assert.Equal(production["bootstrap"]!["initdb"]!["database"]!.GetValue<string>(), recovery["database"]!.GetValue<string>());
        Assert.Equal(production["bootstrap"]!["initdb"]!["owner"]!.GetValue<string>(), recovery["owner"]!.GetValue<string>());
        Assert.Matches(TargetTime(), recovery["recoveryTarget"]!["targetTime"]!.GetValue<string>());

        // The source is where production archives: same path, and production's server name (by default the cluster's).
        var source = restore["externalClusters"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == recovery["source"]!.GetValue<string>())!;
        var productionStore = production["backup"]!["barmanObjectStore"]!;
        var sourceStore = source["barmanObjectStore"]!;
        Assert.Equal(productionStore["destinationPath"]!.GetValue<string>(), sourceStore["destinationPath"]!.GetValue<string>());
        Assert.Equal(productionStore["serverName"]?.GetValue<string>() ?? "pathway-db", sourceStore["serverName"]!.GetValue<string>());
        Assert.Equal(productionStore["s3Credentials"]!.ToJsonString(), sourceStore["s3Credentials"]!.ToJsonString());

        // The recovered cluster backs up too, but never into the archive it recovers from.
        var restoreStore = restore["backup"]!["barmanObjectStore"]!;
        Assert.NotEqual(sourceStore["serverName"]!.GetValue<string>(), restoreStore["serverName"]!.GetValue<string>());
        Assert.Single(Overlay.Get("restore").OfKind("ScheduledBackup"));

        // Nothing writes before the relays are rewound and the queues purged (deploy/README.md).
        Assert.All(Overlay.Get("restore").OfKind("Deployment"), d => Assert.Equal(0, d["spec"]!["replicas"]!.GetValue<long>()));
    }

    [Fact]
    public void A_wrong_field_in_the_recovery_or_backup_resources_fails_validation()
    {
        var cluster = Overlay.Get("restore").Single("Cluster", "pathway-db").DeepClone().AsObject();
        var target = cluster["spec"]!["bootstrap"]!["recovery"]!["recoveryTarget"]!.AsObject();
        target["targetTme"] = target["targetTime"]!.DeepClone();
        target.Remove("targetTime");
        cluster["spec"]!["externalClusters"]![0]!.AsObject().Remove("name");
        cluster["spec"]!["externalClusters"]![0]!["barmanObjectStore"]!["destinationPth"] = "s3://elsewhere";
        cluster["spec"]!["backup"]!["barmanObjectStore"]!["wal"]!["maxParallel"] = "eight";

        var errors = CustomResourceSchemas.Vendored.Validate(cluster);

        Assert.Contains(errors, e => e.Contains(".spec.bootstrap.recovery.recoveryTarget.targetTme: unknown field", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(".spec.externalClusters[0].name: required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(".spec.externalClusters[0].barmanObjectStore.destinationPth: unknown field", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(".spec.backup.barmanObjectStore.wal.maxParallel: expected an integer", StringComparison.Ordinal));

        var backup = Overlay.Get("restore").OfKind("ScheduledBackup").Single().DeepClone().AsObject();
        backup["spec"]!["method"] = "s3";
        backup["spec"]!.AsObject().Remove("schedule");
        backup["spec"]!["schedulle"] = "0 0 2 * * *";

        var backupErrors = CustomResourceSchemas.Vendored.Validate(backup);

        Assert.Contains(backupErrors, e => e.Contains(".spec.method: \"s3\" is not one of", StringComparison.Ordinal));
        Assert.Contains(backupErrors, e => e.Contains(".spec.schedule: required", StringComparison.Ordinal));
        Assert.Contains(backupErrors, e => e.Contains(".spec.schedulle: unknown field", StringComparison.Ordinal));
    }

    [Fact]
    public void The_unchanged_recovery_and_backup_resources_are_valid()
    {
        var restore = Overlay.Get("restore");
        foreach (var resource in restore.OfKind("Cluster").Concat(restore.OfKind("ScheduledBackup")))
        {
            Assert.Empty(CustomResourceSchemas.Vendored.Validate(resource));
        }
    }

    // A PostgreSQL timestamp with its time zone, as recovery_target_time takes it.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:?\d{2})?|Z)$")]
    private static partial Regex TargetTime();
}
