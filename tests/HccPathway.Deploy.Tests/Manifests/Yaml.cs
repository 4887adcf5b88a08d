using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HccPathway.Deploy.Tests.Manifests;

/// <summary>
/// YAML documents to JSON, keeping YAML's own typing: a plain <c>3</c> is a number, a quoted <c>"3"</c> a string,
/// so a schema's type checks see what the API server would.
/// </summary>
public static class Yaml
{
    public static IReadOnlyList<JsonObject> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents
            .Select(d => ToJson(d.RootNode))
            .OfType<JsonObject>()
            .ToList();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"Unsupported YAML node {node.NodeType}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "null" or "~" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => JsonValue.Create(i),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsDigit)
                && !text.Contains(':') => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }
}
