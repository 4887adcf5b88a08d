namespace HccPathway.ServiceDefaults.Tenancy;

/// <summary>
/// The time zone of each hospital, bound from the <c>Pathway</c> section: <c>Pathway:TimeZone</c> for the default
/// hospital and every hospital without an entry of its own, <c>Pathway:Hospitals:&lt;hospital&gt;:TimeZone</c> for one
/// hospital. Zones are IANA names (<c>Europe/London</c>). Clinical dates are the hospital's local dates, so each
/// hospital should name its zone; with none configured a hospital's dates are UTC dates.
/// </summary>
public sealed class HospitalTimeZones
{
    public const string Section = "Pathway";

    /// <summary>Configuration key of the default hospital's zone.</summary>
    public const string DefaultKey = "Pathway:TimeZone";

    /// <summary>The zone of a hospital nobody configured: UTC, the servers' own dates.</summary>
    public const string Utc = "Etc/UTC";

    public string TimeZone { get; set; } = Utc;

    /// <summary>Per-hospital settings, by hospital (Marten tenant) id; configuration keys ignore case, so this does too.</summary>
    public Dictionary<string, HospitalSettings> Hospitals { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Configuration key of one hospital's zone.</summary>
    public static string KeyOf(string hospital) => $"Pathway:Hospitals:{hospital}:TimeZone";

    /// <summary>The zone name configured for <paramref name="hospital"/>: its own, else the default hospital's.</summary>
    public string ZoneNameOf(string hospital) =>
        Hospitals.TryGetValue(hospital, out var settings) && settings.TimeZone is { } own ? own : TimeZone;
}

/// <summary>What one hospital configures under <c>Pathway:Hospitals:&lt;hospital&gt;</c>.</summary>
public sealed class HospitalSettings
{
    public string? TimeZone { get; set; }
}
