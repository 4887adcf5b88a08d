using System.Security.Cryptography;
using System.Text;

namespace HccPathway.Scheduling.TherapyPlans.Deadlines;

/// <summary>
/// The event id of a deadline is derived from what passed (pathway, item, the item's revision), so every replica and
/// every retry names the same event, and the relay publishes it under that message id: a subscriber that dedupes by
/// message id sees one overdue event per due window however the sweep ran.
/// </summary>
public static class DeadlineIds
{
    public static Guid Overdue(Guid pathwayId, string itemId, int revision) => NameBased($"overdue/{pathwayId:N}/{itemId}/{revision}");

    public static Guid SurveillanceDue(Guid pathwayId, string itemId, int revision) =>
        NameBased($"surveillance-due/{pathwayId:N}/{itemId}/{revision}");

    private static Guid NameBased(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // name-based (version 5 layout)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
