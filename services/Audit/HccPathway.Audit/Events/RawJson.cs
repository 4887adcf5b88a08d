using System.Text.Json;
using System.Text.Json.Serialization;

namespace HccPathway.Audit.Events;

/// <summary>
/// A JSON value passed through as PostgreSQL returned it (jsonb text, always valid JSON): an auditor sees the stored
/// body exactly, and a long history is not parsed into a tree only to be written out again.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed record RawJson(string Text);

public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(document.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Text, skipInputValidation: true);
}
