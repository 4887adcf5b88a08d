using System.Security.Claims;

namespace HccPathway.ServiceDefaults.Security;

/// <summary>
/// Who may see who the patient is. Those who care for the patient must (they call them, they check the wristband);
/// auditors read the pathway without the identity, as subscribers on the wire do.
/// </summary>
public static class IdentityAccess
{
    public static bool MaySeeIdentity(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Clinician);
}
