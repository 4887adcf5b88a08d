namespace HccPathway.Contracts.Intake;

public static class IntakeEvents
{
    public static IReadOnlyList<EventContract> All { get; } =
    [
        new(typeof(PatientRegistered), "intake.patient-registered.v1", Owners.Intake),
        new(typeof(BaselineAssessed), "intake.baseline-assessed.v1", Owners.Intake),
        new(typeof(EligibilityDecided), "intake.eligibility-decided.v1", Owners.Intake),
        new(typeof(PatientEnrolled), "intake.patient-enrolled.v1", Owners.Intake),
        new(typeof(EnrolmentDeclined), "intake.enrolment-declined.v1", Owners.Intake),
        new(typeof(PatientIdentityErased), "intake.patient-identity-erased.v1", Owners.Intake),
        new(typeof(PathwayExited), "intake.pathway-exited.v1", Owners.Intake),
        new(typeof(BaselineCorrected), "intake.baseline-corrected.v1", Owners.Intake),
        new(typeof(BaselineEnteredInError), "intake.baseline-entered-in-error.v1", Owners.Intake),
    ];
}
