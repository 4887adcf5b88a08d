using System.Text.Json.Serialization;

namespace HccPathway.Contracts.Intake;

/// <summary>
/// Why a patient left the pathway before it ended. Written by name (<c>"Died"</c>) in the stream and on the wire, as
/// docs/events/intake.md documents it, so the audit history reads as the reason and not as a number.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PathwayExitReason>))]
public enum PathwayExitReason
{
    Died,
    ConsentWithdrawn,
    TransferredToAnotherCentre,
    LostToFollowUp,
}

/// <summary>
/// The patient left the pathway on <see cref="ExitedOn"/> (a date in the hospital's time zone). Every service stops:
/// outstanding plan items are cancelled, worklists and the MDT agenda drop the patient, readiness closes, and any
/// later command for the pathway is refused with 409. <see cref="Detail"/> is the clinician's short explanation (for
/// a transfer, the receiving centre); it must not repeat the patient's identity.
/// </summary>
public sealed record PathwayExited(
    Guid PathwayId,
    PathwayExitReason Reason,
    DateOnly ExitedOn,
    string Detail,
    string RecordedBy,
    DateTimeOffset RecordedAt);
