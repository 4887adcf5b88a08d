using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HccPathway.Clinical.Rules;

/// <summary>
/// A content hash of every parameter of a rule set (all but its <see cref="ClinicalRuleSet.Version"/> name). Two rule
/// sets with the same parameters have the same fingerprint however they were configured: "28", "28.0" and "28.00" are
/// one value, and enumerations hash by name. A version name is registered with one fingerprint only, so the name that
/// each decision records stands for exactly one set of parameters.
/// </summary>
public static class RuleSetFingerprint
{
    public const string Prefix = "sha256:";

    private static readonly JsonSerializerOptions Canonical = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(), new NormalisedDecimal() },
    };

    /// <summary><c>sha256:</c> and 64 hex digits.</summary>
    public static string Of(ClinicalRuleSet rules) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(rules))));

    /// <summary>The rule set named <paramref name="version"/> whose parameters <see cref="CanonicalJson"/> wrote.</summary>
    public static ClinicalRuleSet Parse(string version, string canonicalJson) =>
        (JsonSerializer.Deserialize<ClinicalRuleSet>(canonicalJson, Canonical)
         ?? throw new ArgumentException("The parameters are empty.", nameof(canonicalJson))) with { Version = version };

    /// <summary>The parameters as hashed: properties in declaration order, without the version name.</summary>
    public static string CanonicalJson(ClinicalRuleSet rules) =>
        JsonSerializer.Serialize(rules with { Version = "" }, Canonical);

    private sealed class NormalisedDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDecimal();

        // G29 drops trailing zeros, so a value's scale (28 vs 28.0) does not change the hash.
        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("G29", CultureInfo.InvariantCulture));
    }
}
