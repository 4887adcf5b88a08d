using System.Text.Json.Nodes;

namespace HccPathway.Deploy.Tests.Manifests;

/// <summary>
/// Both overlays render, and every object they render is valid against its schema: the Kubernetes API models for
/// built-in kinds, the operators' CRDs for RabbitmqCluster, Cluster and ScheduledBackup. Unknown fields fail.
/// </summary>
public sealed class SchemaValidationTests
{
    public static TheoryData<string> Overlays() => new(Overlay.Names);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_rendered_object_is_valid_against_its_schema(string overlay)
    {
        var rendered = Overlay.Get(overlay);
        Assert.NotEmpty(rendered.Objects);

        var errors = rendered.Objects.SelectMany(o => Validate(o).Select(e => $"{Overlay.Kind(o)}/{Overlay.NameOf(o)}: {e}")).ToList();

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_overlay_renders_every_kind_the_deployment_needs(string overlay)
    {
        var kinds = Overlay.Get(overlay).Objects.Select(Overlay.Kind).ToHashSet();

        var needed = new HashSet<string>
        {
            "Namespace", "ConfigMap", "Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler",
            "NetworkPolicy", "Cluster", "RabbitmqCluster",
        };

        Assert.Superset(needed, kinds);
    }

    [Fact]
    public void An_unknown_field_in_a_built_in_object_is_an_error()
    {
        var deployment = Overlay.Get("production").OfKind("Deployment").First().DeepClone().AsObject();
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["imagePullPolicyy"] = "Always";

        Assert.Contains(Validate(deployment), e => e.Contains("imagePullPolicyy", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_or_mistyped_field_in_a_custom_resource_is_an_error()
    {
        var cluster = Overlay.Get("production").Single("Cluster", "pathway-db").DeepClone().AsObject();
        cluster["spec"]!["postgresql"]!["synchronous"]!["methd"] = "any";
        cluster["spec"]!["instances"] = "three";

        var errors = Validate(cluster);

        Assert.Contains(errors, e => e.Contains(".spec.postgresql.synchronous.methd: unknown field", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(".spec.instances: expected an integer", StringComparison.Ordinal));
    }

    [Fact]
    public void An_object_of_an_unknown_kind_is_an_error()
    {
        var unknown = new JsonObject { ["apiVersion"] = "example.org/v1", ["kind"] = "Gadget", ["metadata"] = new JsonObject { ["name"] = "x" } };

        Assert.NotEmpty(Validate(unknown));
    }

    private static IReadOnlyList<string> Validate(JsonObject o)
    {
        var apiVersion = o["apiVersion"]!.GetValue<string>();
        var kind = Overlay.Kind(o);
        if (KubernetesSchemas.Knows(apiVersion, kind))
        {
            return KubernetesSchemas.Validate(o);
        }

        return CustomResourceSchemas.Vendored.Knows(apiVersion, kind)
            ? CustomResourceSchemas.Vendored.Validate(o)
            : [$"no schema for {apiVersion} {kind}"];
    }
}
