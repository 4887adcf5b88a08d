namespace HccPathway.Audit;

/// <summary>Marks the Audit service's assembly (for hosting it in tests beside other services).</summary>
public sealed class AuditApi
{
    /// <summary>The service's name: its document schema, its queue prefix and the prefix of its subscription.</summary>
    public const string ServiceName = "audit";
}
