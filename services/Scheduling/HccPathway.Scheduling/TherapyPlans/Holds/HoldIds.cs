using System.Security.Cryptography;
using System.Text;

namespace HccPathway.Scheduling.TherapyPlans.Holds;

/// <summary>A hold's id is derived from what it is (AE, drug, which hold of that AE), so a redelivered message finds it again.</summary>
public static class HoldIds
{
    public static Guid For(Guid adverseEventId, string drug, int ordinal)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"hold/{adverseEventId:N}/{drug}/{ordinal}"));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // name-based (version 5 layout)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
