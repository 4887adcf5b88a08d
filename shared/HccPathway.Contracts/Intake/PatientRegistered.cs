namespace HccPathway.Contracts.Intake;

/// <summary>
/// A patient was referred and their conversion-therapy pathway opened. The pathway id is the stream id and
/// the only identifier other messages carry. <see cref="Identity"/> is protected health information: it is
/// masked on erasure and never appears in logs or in any other event.
/// </summary>
public sealed record PatientRegistered(
    Guid PathwayId,
    PatientIdentity Identity,
    string Sex,
    DateOnly ReferralDate,
    string ReferringCentre,
    DateTimeOffset RegisteredAt);

/// <summary>Protected health information. Only <see cref="PatientRegistered"/> carries it.</summary>
public sealed record PatientIdentity(string MedicalRecordNumber, string FullName, DateOnly DateOfBirth);
