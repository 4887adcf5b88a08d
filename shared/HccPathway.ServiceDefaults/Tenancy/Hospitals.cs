using System.Security.Claims;
using JasperFx;

namespace HccPathway.ServiceDefaults.Tenancy;

/// <summary>
/// Each hospital is a Marten tenant of the one pathway store (conjoined tenancy: a <c>tenant_id</c> on every event,
/// stream and document). A user belongs to the hospital named by the token's <c>hospital</c> claim; a token without
/// it belongs to the configured default hospital, so single-hospital deployments need no claim at all.
/// </summary>
public sealed record Hospitals(string DefaultHospital)
{
    /// <summary>The JWT claim that names the user's hospital.</summary>
    public const string ClaimType = "hospital";

    /// <summary>Configuration key of the hospital for tokens (and messages) that name none.</summary>
    public const string DefaultHospitalKey = "Pathway:DefaultHospital";

    /// <summary>Marten's own default tenant, so data written before tenancy stays where it was.</summary>
    public const string MartenDefault = StorageConstants.DefaultTenantId;

    public static Hospitals FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        new(configuration[DefaultHospitalKey] is { Length: > 0 } configured ? configured : MartenDefault);

    /// <summary>The hospital a signed-in user acts for.</summary>
    public string Of(ClaimsPrincipal? user) =>
        user?.FindFirst(ClaimType)?.Value is { Length: > 0 } hospital ? hospital : DefaultHospital;

    /// <summary>The hospital a relayed message belongs to: the relay's header, else the default.</summary>
    public string OfHeader(string? header) => header is { Length: > 0 } hospital ? hospital : DefaultHospital;
}
