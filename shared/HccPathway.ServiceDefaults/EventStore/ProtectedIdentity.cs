using HccPathway.Contracts.Intake;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>What stands in for a patient's identity once it is erased, and wherever it must not travel.</summary>
public static class ProtectedIdentity
{
    public const string MaskText = "masked";

    /// <summary>The mask: the audit service recognises exactly these values as an erasure (see services/Audit/README.md).</summary>
    public static PatientIdentity Masked { get; } = new(MaskText, MaskText, DateOnly.MinValue);

    /// <summary>The event as it may leave the event store: a registration without the identity, anything else as it is.</summary>
    public static object WithoutIdentity(object data) =>
        data is PatientRegistered registered ? registered with { Identity = Masked } : data;
}
