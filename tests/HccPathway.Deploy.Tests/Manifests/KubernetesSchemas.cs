using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace HccPathway.Deploy.Tests.Manifests;

/// <summary>
/// Validates built-in Kubernetes objects against the typed API models of the official .NET client (generated from
/// the Kubernetes OpenAPI document): every field must exist in the model, with a value of its type. Unknown fields fail.
/// </summary>
public static class KubernetesSchemas
{
    private static readonly Dictionary<(string ApiVersion, string Kind), Type> Models = typeof(V1Deployment).Assembly
        .GetTypes()
        .Select(t => (Type: t, Entity: t.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(x => x.Entity is { Kind.Length: > 0 } && !x.Type.Name.EndsWith("List", StringComparison.Ordinal))
        .GroupBy(x => (ApiVersion: string.IsNullOrEmpty(x.Entity!.Group) ? x.Entity.ApiVersion : $"{x.Entity.Group}/{x.Entity.ApiVersion}", x.Entity!.Kind))
        .ToDictionary(g => g.Key, g => g.First().Type);

    private static readonly MethodInfo Deserialize = typeof(KubernetesJson).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Single(m => m.Name == nameof(KubernetesJson.Deserialize) && m.IsGenericMethodDefinition
                     && m.GetParameters() is [{ ParameterType: var p }, ..] && p == typeof(string));

    static KubernetesSchemas() =>
        // The client's serializer options, made strict: a member the model does not have is an error.
        KubernetesJson.AddJsonOptions(o => o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);

    public static bool Knows(string apiVersion, string kind) => Models.ContainsKey((apiVersion, kind));

    public static IReadOnlyList<string> Validate(JsonObject resource)
    {
        var type = Models[(resource["apiVersion"]!.GetValue<string>(), resource["kind"]!.GetValue<string>())];
        return Strict(type, resource);
    }

    public static IReadOnlyList<string> ValidateMetadata(JsonNode? metadata) =>
        metadata is null ? ["metadata: required"] : Strict(typeof(V1ObjectMeta), metadata);

    private static IReadOnlyList<string> Strict(Type type, JsonNode node)
    {
        var arguments = Deserialize.GetParameters().Select(p => p.ParameterType == typeof(string) ? node.ToJsonString() : p.DefaultValue).ToArray();
        try
        {
            Deserialize.MakeGenericMethod(type).Invoke(null, arguments);
            return [];
        }
        catch (TargetInvocationException e) when (e.InnerException is JsonException or FormatException or InvalidOperationException)
        {
            return [$"{type.Name}: {e.InnerException.Message}"];
        }
    }
}
