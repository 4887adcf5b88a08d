using MassTransit;

namespace HccPathway.SurgeryPlanning.Consumers;

public static class ChecklistConsumers
{
    /// <summary>Every upstream message that can change a patient's checklist.</summary>
    public static void Register(IBusRegistrationConfigurator x)
    {
        x.AddConsumer<PatientEnrolledConsumer, PatientEnrolledConsumerDefinition>();
        x.AddConsumer<BaselineAssessedConsumer, BaselineAssessedConsumerDefinition>();
        x.AddConsumer<LiverFunctionAssessedConsumer, LiverFunctionAssessedConsumerDefinition>();
        x.AddConsumer<ResponseAssessedConsumer, ResponseAssessedConsumerDefinition>();
        x.AddConsumer<AdverseEventReportedConsumer, AdverseEventReportedConsumerDefinition>();
        x.AddConsumer<AdverseEventGradeChangedConsumer, AdverseEventGradeChangedConsumerDefinition>();
        x.AddConsumer<AdverseEventResolvedConsumer, AdverseEventResolvedConsumerDefinition>();
        x.AddConsumer<ClinicalCompleteResponseConfirmedConsumer, ClinicalCompleteResponseConfirmedConsumerDefinition>();
        x.AddConsumer<ClinicalCompleteResponseLostConsumer, ClinicalCompleteResponseLostConsumerDefinition>();
        x.AddConsumer<ProgressionDetectedConsumer, ProgressionDetectedConsumerDefinition>();
        x.AddConsumer<ResponseWithdrawnConsumer, ResponseWithdrawnConsumerDefinition>();
        x.AddConsumer<ProgressionWithdrawnConsumer, ProgressionWithdrawnConsumerDefinition>();
        x.AddConsumer<TumourMarkersRecordedConsumer, TumourMarkersRecordedConsumerDefinition>();
        x.AddConsumer<LenvatinibStartedConsumer, LenvatinibStartedConsumerDefinition>();
        x.AddConsumer<LenvatinibStoppedConsumer, LenvatinibStoppedConsumerDefinition>();
        x.AddConsumer<TacePerformedConsumer, TacePerformedConsumerDefinition>();
        x.AddConsumer<CamrelizumabAdministeredConsumer, CamrelizumabAdministeredConsumerDefinition>();
        x.AddConsumer<TreatmentHeldConsumer, TreatmentHeldConsumerDefinition>();
        x.AddConsumer<TreatmentResumedConsumer, TreatmentResumedConsumerDefinition>();
        x.AddConsumer<PathwayExitedConsumer, PathwayExitedConsumerDefinition>();
    }
}
