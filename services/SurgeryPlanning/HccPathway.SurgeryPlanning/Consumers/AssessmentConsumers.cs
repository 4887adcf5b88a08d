using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.SurgeryPlanning.Facts;
using Marten;

namespace HccPathway.SurgeryPlanning.Consumers;

// One consumer per upstream message type, each on its own queue (surgery-planning-<message>-...), each recording its
// fact in the checklist (FactRecording) and re-evaluating readiness.

public sealed class LiverFunctionAssessedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<LiverFunctionAssessed>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-LiverFunctionAssessed";

    protected override Guid PathwayIdOf(LiverFunctionAssessed message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, LiverFunctionAssessed message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class LiverFunctionAssessedConsumerDefinition : RetryingConsumerDefinition<LiverFunctionAssessedConsumer>;

public sealed class ResponseAssessedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<ResponseAssessed>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-ResponseAssessed";

    protected override Guid PathwayIdOf(ResponseAssessed message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, ResponseAssessed message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class ResponseAssessedConsumerDefinition : RetryingConsumerDefinition<ResponseAssessedConsumer>;

public sealed class AdverseEventReportedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<AdverseEventReported>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-AdverseEventReported";

    protected override Guid PathwayIdOf(AdverseEventReported message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, AdverseEventReported message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class AdverseEventReportedConsumerDefinition : RetryingConsumerDefinition<AdverseEventReportedConsumer>;

public sealed class AdverseEventGradeChangedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<AdverseEventGradeChanged>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-AdverseEventGradeChanged";

    protected override Guid PathwayIdOf(AdverseEventGradeChanged message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, AdverseEventGradeChanged message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class AdverseEventGradeChangedConsumerDefinition : RetryingConsumerDefinition<AdverseEventGradeChangedConsumer>;

public sealed class AdverseEventResolvedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<AdverseEventResolved>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-AdverseEventResolved";

    protected override Guid PathwayIdOf(AdverseEventResolved message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, AdverseEventResolved message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class AdverseEventResolvedConsumerDefinition : RetryingConsumerDefinition<AdverseEventResolvedConsumer>;

public sealed class ClinicalCompleteResponseConfirmedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<ClinicalCompleteResponseConfirmed>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-ClinicalCompleteResponseConfirmed";

    protected override Guid PathwayIdOf(ClinicalCompleteResponseConfirmed message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, ClinicalCompleteResponseConfirmed message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class ClinicalCompleteResponseConfirmedConsumerDefinition : RetryingConsumerDefinition<ClinicalCompleteResponseConfirmedConsumer>;

public sealed class ClinicalCompleteResponseLostConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<ClinicalCompleteResponseLost>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-ClinicalCompleteResponseLost";

    protected override Guid PathwayIdOf(ClinicalCompleteResponseLost message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, ClinicalCompleteResponseLost message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class ClinicalCompleteResponseLostConsumerDefinition : RetryingConsumerDefinition<ClinicalCompleteResponseLostConsumer>;

public sealed class ProgressionDetectedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<ProgressionDetected>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-ProgressionDetected";

    protected override Guid PathwayIdOf(ProgressionDetected message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, ProgressionDetected message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class ProgressionDetectedConsumerDefinition : RetryingConsumerDefinition<ProgressionDetectedConsumer>;

public sealed class TumourMarkersRecordedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<TumourMarkersRecorded>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-TumourMarkersRecorded";

    protected override Guid PathwayIdOf(TumourMarkersRecorded message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, TumourMarkersRecorded message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class TumourMarkersRecordedConsumerDefinition : RetryingConsumerDefinition<TumourMarkersRecordedConsumer>;

public sealed class ResponseWithdrawnConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<ResponseWithdrawn>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-ResponseWithdrawn";

    protected override Guid PathwayIdOf(ResponseWithdrawn message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, ResponseWithdrawn message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class ResponseWithdrawnConsumerDefinition : RetryingConsumerDefinition<ResponseWithdrawnConsumer>;

public sealed class ProgressionWithdrawnConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<ProgressionWithdrawn>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-ProgressionWithdrawn";

    protected override Guid PathwayIdOf(ProgressionWithdrawn message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, ProgressionWithdrawn message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class ProgressionWithdrawnConsumerDefinition : RetryingConsumerDefinition<ProgressionWithdrawnConsumer>;
