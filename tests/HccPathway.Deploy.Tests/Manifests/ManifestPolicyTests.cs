using System.Text.Json.Nodes;

namespace HccPathway.Deploy.Tests.Manifests;

/// <summary>What the rendered manifests promise beyond their schemas: probes, hardening, limits, secrets by reference,
/// a budget and an autoscaler per service, highly available data stores in production, and closed data-store ports.</summary>
public sealed class ManifestPolicyTests
{
    private static readonly string[] ServiceNames = ["intake", "scheduling", "assessment", "surgery-planning", "audit", "coordinator"];

    // The web app calls the APIs only; it must reach neither data store.
    private static readonly string[] DataStoreClients = ServiceNames.Except(["coordinator"]).ToArray();

    public static TheoryData<string> Overlays() => new(Overlay.Names);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_is_probed_hardened_and_bounded(string overlay)
    {
        var rendered = Overlay.Get(overlay);
        Assert.Equal(ServiceNames.Order(), rendered.OfKind("Deployment").Select(Overlay.NameOf).Order());

        foreach (var deployment in rendered.OfKind("Deployment"))
        {
            var pod = deployment["spec"]!["template"]!["spec"]!;
            var container = pod["containers"]!.AsArray().Single()!;
            Assert.Equal("/alive", container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
            Assert.Equal("/health", container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
            Assert.Equal("/alive", container["startupProbe"]!["httpGet"]!["path"]!.GetValue<string>());
            Assert.True(pod["securityContext"]!["runAsNonRoot"]!.GetValue<bool>());
            Assert.True(container["securityContext"]!["readOnlyRootFilesystem"]!.GetValue<bool>());
            Assert.False(container["securityContext"]!["allowPrivilegeEscalation"]!.GetValue<bool>());
            Assert.Equal("ALL", container["securityContext"]!["capabilities"]!["drop"]![0]!.GetValue<string>());
            foreach (var bound in new[] { "requests", "limits" })
            {
                Assert.NotNull(container["resources"]![bound]!["cpu"]);
                Assert.NotNull(container["resources"]![bound]!["memory"]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_has_a_Service_a_disruption_budget_and_an_autoscaler_aimed_at_it(string overlay)
    {
        var rendered = Overlay.Get(overlay);
        foreach (var name in ServiceNames)
        {
            var podLabels = rendered.Single("Deployment", name)["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
            Assert.True(Selects(rendered.Single("Service", name)["spec"]!["selector"]!.AsObject(), podLabels));
            Assert.True(Selects(rendered.Single("PodDisruptionBudget", name)["spec"]!["selector"]!["matchLabels"]!.AsObject(), podLabels));
            var target = rendered.Single("HorizontalPodAutoscaler", name)["spec"]!["scaleTargetRef"]!;
            Assert.Equal(("Deployment", name), (target["kind"]!.GetValue<string>(), target["name"]!.GetValue<string>()));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Secrets_are_only_referenced_never_stored(string overlay)
    {
        var rendered = Overlay.Get(overlay);
        Assert.Empty(rendered.OfKind("Secret"));

        var env = rendered.OfKind("Deployment")
            .SelectMany(d => d["spec"]!["template"]!["spec"]!["containers"]!.AsArray().SelectMany(c => c!["env"]!.AsArray()))
            .ToList();
        foreach (var name in new[] { "DB_PASSWORD", "Auth__SigningKey", "ConnectionStrings__messaging" })
        {
            Assert.All(env.Where(e => e!["name"]!.GetValue<string>() == name), e => Assert.NotNull(e!["valueFrom"]!["secretKeyRef"]));
        }

        var config = rendered.Single("ConfigMap", "pathway-config")["data"]!.AsObject();
        Assert.DoesNotContain(config, kv => kv.Key.Contains("Password", StringComparison.OrdinalIgnoreCase)
                                            || kv.Key.Contains("SigningKey", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Production_runs_three_synchronous_PostgreSQL_instances_with_backups_and_three_RabbitMQ_nodes()
    {
        var production = Overlay.Get("production");
        var db = production.Single("Cluster", "pathway-db")["spec"]!;
        Assert.Equal(3, db["instances"]!.GetValue<long>());
        Assert.True(db["postgresql"]!["synchronous"]!["number"]!.GetValue<long>() >= 1);
        Assert.NotNull(db["backup"]!["barmanObjectStore"]!["destinationPath"]);
        var backup = production.OfKind("ScheduledBackup").Single()["spec"]!;
        Assert.Equal("pathway-db", backup["cluster"]!["name"]!.GetValue<string>());

        Assert.Equal(3, production.Single("RabbitmqCluster", "pathway-mq")["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal("true", production.Single("ConfigMap", "pathway-config")["data"]!["Messaging__QuorumQueues"]!.GetValue<string>());
        Assert.All(production.OfKind("Deployment"), d => Assert.Equal(3, d["spec"]!["replicas"]!.GetValue<long>()));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Only_the_services_reach_PostgreSQL_and_only_the_broker_clients_reach_RabbitMQ(string overlay)
    {
        var rendered = Overlay.Get(overlay);
        var pods = rendered.OfKind("Deployment").ToDictionary(Overlay.NameOf, d => d["spec"]!["template"]!["metadata"]!["labels"]!.AsObject());

        var db = rendered.Single("NetworkPolicy", "pathway-db-access")["spec"]!;
        Assert.Equal("pathway-db", db["podSelector"]!["matchLabels"]!["cnpg.io/cluster"]!.GetValue<string>());
        Assert.Equal(DataStoreClients.Order(), PodsAllowedOnPort(db, pods, 5432).Order());

        var mq = rendered.Single("NetworkPolicy", "pathway-mq-access")["spec"]!;
        Assert.Equal("pathway-mq", mq["podSelector"]!["matchLabels"]!["app.kubernetes.io/name"]!.GetValue<string>());
        Assert.Equal(DataStoreClients.Where(s => s != "audit").Order(), PodsAllowedOnPort(mq, pods, 5672).Order());

        // The audit service has no broker connection at all.
        Assert.DoesNotContain(
            rendered.Single("Deployment", "audit")["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray(),
            e => e!["name"]!.GetValue<string>() == "ConnectionStrings__messaging");
    }

    // The services whose pods a policy's pod-selector rules admit on the port (namespace rules admit operators only).
    private static IEnumerable<string> PodsAllowedOnPort(JsonNode policy, Dictionary<string, JsonObject> pods, int port) =>
        pods.Where(pod => policy["ingress"]!.AsArray().Any(rule =>
                (rule!["ports"] is not JsonArray ports || ports.Any(p => p!["port"]!.GetValue<long>() == port))
                && rule["from"]!.AsArray().Any(peer => peer!["podSelector"]?["matchLabels"] is JsonObject labels && Selects(labels, pod.Value))))
            .Select(pod => pod.Key);

    private static bool Selects(JsonObject selector, JsonObject labels) =>
        selector.All(kv => labels[kv.Key]?.GetValue<string>() == kv.Value!.GetValue<string>());
}
