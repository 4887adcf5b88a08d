using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HccPathway.ServiceDefaults.Tenancy;

public static class HospitalClockSetup
{
    /// <summary>Registers <see cref="HospitalClock"/>; the zones are checked when the host starts, not on first use.</summary>
    public static IHostApplicationBuilder AddHospitalClock(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HospitalTimeZones>().BindConfiguration(HospitalTimeZones.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HospitalTimeZones>, HospitalTimeZonesValidator>();
        builder.Services.AddSingleton<HospitalClock>();
        return builder;
    }
}
