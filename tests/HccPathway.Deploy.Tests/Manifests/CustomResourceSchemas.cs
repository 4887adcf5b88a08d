using System.Text.Json;
using System.Text.Json.Nodes;

namespace HccPathway.Deploy.Tests.Manifests;

/// <summary>
/// Validates custom resources against the operators' own CRDs (vendored in deploy/k8s/crds, with their versions in
/// its README) the way the API server prunes and validates structural schemas, except that a field the schema does not
/// know is an error here rather than silently dropped: a typo in a RabbitmqCluster or CNPG Cluster must fail CI.
/// </summary>
public sealed class CustomResourceSchemas
{
    private readonly Dictionary<(string ApiVersion, string Kind), JsonObject> schemas = new();

    public static CustomResourceSchemas Vendored { get; } = Load(RepositoryRoot.Combine("deploy", "k8s", "crds"));

    public bool Knows(string apiVersion, string kind) => schemas.ContainsKey((apiVersion, kind));

    public IReadOnlyList<string> Validate(JsonObject resource)
    {
        var key = (resource["apiVersion"]!.GetValue<string>(), resource["kind"]!.GetValue<string>());
        var errors = new List<string>();

        // Metadata is the API server's own type, not the CRD's: check it as strictly as any built-in object.
        var withoutMetadata = resource.DeepClone().AsObject();
        withoutMetadata["metadata"] = new JsonObject();
        Check(schemas[key], withoutMetadata, "", errors);
        errors.AddRange(KubernetesSchemas.ValidateMetadata(resource["metadata"]));
        return errors;
    }

    private static CustomResourceSchemas Load(string folder)
    {
        var result = new CustomResourceSchemas();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml"))
        {
            foreach (var crd in Yaml.Documents(File.ReadAllText(file)).Where(d => d["kind"]?.GetValue<string>() == "CustomResourceDefinition"))
            {
                var group = crd["spec"]!["group"]!.GetValue<string>();
                var kind = crd["spec"]!["names"]!["kind"]!.GetValue<string>();
                foreach (var version in crd["spec"]!["versions"]!.AsArray())
                {
                    var schema = version!["schema"]!["openAPIV3Schema"]!.AsObject();
                    result.schemas[($"{group}/{version["name"]!.GetValue<string>()}", kind)] = schema;
                }
            }
        }

        return result;
    }

    private static void Check(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        if (value is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true)
            {
                errors.Add($"{path}: null is not allowed");
            }

            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value.ToJsonString()} is not one of {allowed.ToJsonString()}");
        }

        var preserveUnknown = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
        {
            if (!IsKind(value, JsonValueKind.String) && !IsInteger(value))
            {
                errors.Add($"{path}: expected an integer or a string");
            }

            return;
        }

        switch (schema["type"]?.GetValue<string>())
        {
            case "object":
                CheckObject(schema, value, path, errors, preserveUnknown);
                break;
            case "array" when value is JsonArray list:
                if (schema["items"] is JsonObject items)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        Check(items, list[i], $"{path}[{i}]", errors);
                    }
                }

                break;
            case "array":
                errors.Add($"{path}: expected an array");
                break;
            case "string" when !IsKind(value, JsonValueKind.String):
                errors.Add($"{path}: expected a string, got {value.ToJsonString()}");
                break;
            case "integer" when !IsInteger(value):
                errors.Add($"{path}: expected an integer, got {value.ToJsonString()}");
                break;
            case "number" when !IsKind(value, JsonValueKind.Number):
                errors.Add($"{path}: expected a number, got {value.ToJsonString()}");
                break;
            case "boolean" when !IsKind(value, JsonValueKind.True) && !IsKind(value, JsonValueKind.False):
                errors.Add($"{path}: expected a boolean, got {value.ToJsonString()}");
                break;
        }
    }

    private static void CheckObject(JsonObject schema, JsonNode value, string path, List<string> errors, bool preserveUnknown)
    {
        if (value is not JsonObject obj)
        {
            errors.Add($"{path}: expected an object");
            return;
        }

        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        foreach (var (name, child) in obj)
        {
            var childPath = $"{path}.{name}";
            if (properties?[name] is JsonObject known)
            {
                Check(known, child, childPath, errors);
            }
            else if (additional is not null)
            {
                Check(additional, child, childPath, errors);
            }
            else if (!preserveUnknown && (properties is not null || schema["additionalProperties"] is null))
            {
                errors.Add($"{childPath}: unknown field");
            }
        }

        foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
        {
            if (!obj.ContainsKey(required))
            {
                errors.Add($"{path}.{required}: required");
            }
        }
    }

    private static bool IsKind(JsonNode value, JsonValueKind kind) => value.GetValueKind() == kind;

    private static bool IsInteger(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out _);
}
