namespace HccPathway.Contracts.Intake;

/// <summary>
/// A baseline assessment corrected: <see cref="Corrected"/> is the assessment as it should have been recorded, its
/// scores and stage computed again by the rule set it names; it replaces the recorded one (<see cref="BaselineId"/>,
/// the id of the <see cref="BaselineAssessed"/> event). <see cref="IsLatest"/> says whether it is the baseline in
/// effect, the one eligibility and the lenvatinib dose (SCHED-LEN, from <see cref="BaselineMeasurements.WeightKg"/>)
/// rest on; <see cref="PreviousWeightKg"/> is the weight it replaces. Eligibility decided on it is decided again, as an
/// <see cref="EligibilityDecided"/> whose <c>CausedBy</c> is <see cref="CorrectionId"/>.
/// </summary>
public sealed record BaselineCorrected(
    Guid PathwayId,
    Guid BaselineId,
    Guid CorrectionId,
    BaselineAssessed Corrected,
    decimal PreviousWeightKg,
    bool IsLatest,
    string Reason,
    string CorrectedBy,
    DateTimeOffset CorrectedAt);

/// <summary>
/// A baseline assessment that should never have been recorded (another patient's, a duplicate): it no longer counts.
/// <see cref="WasInEffect"/> says whether it was the baseline in effect; <see cref="InEffect"/> is the baseline in
/// effect after it (an earlier one; null when none is left), so a reader needs no history; eligibility decided on the withdrawn baseline is decided again on that one, or is withdrawn.
/// Only a pathway not yet enrolled or declined may lose its baseline; after that the baseline is corrected instead.
/// </summary>
public sealed record BaselineEnteredInError(
    Guid PathwayId,
    Guid BaselineId,
    Guid CorrectionId,
    bool WasInEffect,
    Guid? InEffectBaselineId,
    BaselineAssessed? InEffect,
    string Reason,
    string MarkedBy,
    DateTimeOffset MarkedAt);
