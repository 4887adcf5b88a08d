using System.Security.Cryptography;
using System.Text;

namespace HccPathway.ServiceDefaults.Deadlines;

/// <summary>
/// The event id of a deadline is derived from what passed, so every replica and every retry names the same event and
/// the relay publishes it under that message id: a subscriber that dedupes by message id sees each deadline once.
/// </summary>
public static class DeadlineEventIds
{
    /// <summary>A name-based UUID (version 5 layout, SHA-256) of <paramref name="name"/>.</summary>
    public static Guid NameBased(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
