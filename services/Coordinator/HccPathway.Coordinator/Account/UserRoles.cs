using System.Security.Claims;

namespace HccPathway.Coordinator.Account;

/// <summary>The services' roles (ServiceDefaults Security/Roles) and what each may do in this app.</summary>
public static class UserRoles
{
    public const string Coordinator = "coordinator";
    public const string Clinician = "clinician";
    public const string Scheduler = "scheduler";
    public const string Auditor = "auditor";

    /// <summary>For AuthorizeView: the services' record-care policy.</summary>
    public const string CanRecord = Coordinator + "," + Clinician;

    public static IReadOnlyList<string> All { get; } = [Coordinator, Clinician, Scheduler, Auditor];

    /// <summary>Patient identity (name, record number) is searchable by the roles that care for the patient.</summary>
    public static bool MaySeeIdentity(this ClaimsPrincipal user) => user.IsInRole(Coordinator) || user.IsInRole(Clinician);

    public static bool MayRecord(this ClaimsPrincipal user) => user.IsInRole(Coordinator) || user.IsInRole(Clinician);

    public static bool MayDecide(this ClaimsPrincipal user) => user.IsInRole(Clinician);
}
