using System.Globalization;

namespace HccPathway.ServiceDefaults.Http;

/// <summary>A pathway's version as an HTTP entity tag: <c>"7"</c>.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Reads If-Match. Returns false when the header is present but is not a version.</summary>
    public static bool TryReadIfMatch(string? header, out long? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        var raw = header.Trim();
        if (raw.StartsWith("W/", StringComparison.Ordinal))
        {
            raw = raw[2..];
        }

        if (long.TryParse(raw.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0)
        {
            version = parsed;
            return true;
        }

        return false;
    }
}
