using Microsoft.Extensions.Options;

namespace HccPathway.ServiceDefaults.Tenancy;

/// <summary>
/// Checked when the service starts: a hospital whose zone this machine does not know would get wrong clinical dates, so
/// the service refuses to start and names the hospital, the zone and the key to fix.
/// </summary>
internal sealed class HospitalTimeZonesValidator(Hospitals hospitals) : IValidateOptions<HospitalTimeZones>
{
    public ValidateOptionsResult Validate(string? name, HospitalTimeZones options)
    {
        var failures = new List<string>();
        if (!HospitalClock.IsKnownZone(options.TimeZone))
        {
            failures.Add(Unknown(hospitals.DefaultHospital, options.TimeZone, HospitalTimeZones.DefaultKey));
        }

        foreach (var (hospital, settings) in options.Hospitals)
        {
            if (settings.TimeZone is { } zone && !HospitalClock.IsKnownZone(zone))
            {
                failures.Add(Unknown(hospital, zone, HospitalTimeZones.KeyOf(hospital)));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Unknown(string hospital, string zone, string key) =>
        $"Hospital '{hospital}' is configured with the unknown time zone '{zone}' ({key}); use an IANA zone such as Europe/London.";
}
