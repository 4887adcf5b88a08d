namespace HccPathway.Contracts.Intake;

/// <summary>
/// The patient's identity was erased on a data-protection request: the identity in <see cref="PatientRegistered"/>
/// now holds only the mask, in the stream and in every read model. The clinical history stays. This event carries no
/// identifier of the patient; <see cref="RequestReference"/> is the privacy office's reference, not the patient's.
/// </summary>
public sealed record PatientIdentityErased(Guid PathwayId, string RequestReference, string ErasedBy, DateTimeOffset ErasedAt);
