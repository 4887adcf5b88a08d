using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.SurgeryPlanning.Facts;
using Marten;

namespace HccPathway.SurgeryPlanning.Consumers;

// One consumer per upstream message type, each on its own queue (surgery-planning-<message>-...), each recording its
// fact in the checklist (FactRecording) and re-evaluating readiness.

public sealed class LenvatinibStartedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<LenvatinibStarted>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-LenvatinibStarted";

    protected override Guid PathwayIdOf(LenvatinibStarted message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, LenvatinibStarted message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class LenvatinibStartedConsumerDefinition : RetryingConsumerDefinition<LenvatinibStartedConsumer>;

public sealed class LenvatinibStoppedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<LenvatinibStopped>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-LenvatinibStopped";

    protected override Guid PathwayIdOf(LenvatinibStopped message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, LenvatinibStopped message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class LenvatinibStoppedConsumerDefinition : RetryingConsumerDefinition<LenvatinibStoppedConsumer>;

public sealed class TacePerformedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<TacePerformed>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-TacePerformed";

    protected override Guid PathwayIdOf(TacePerformed message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, TacePerformed message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class TacePerformedConsumerDefinition : RetryingConsumerDefinition<TacePerformedConsumer>;

public sealed class CamrelizumabAdministeredConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<CamrelizumabAdministered>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-CamrelizumabAdministered";

    protected override Guid PathwayIdOf(CamrelizumabAdministered message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, CamrelizumabAdministered message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class CamrelizumabAdministeredConsumerDefinition : RetryingConsumerDefinition<CamrelizumabAdministeredConsumer>;

public sealed class TreatmentHeldConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<TreatmentHeld>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-TreatmentHeld";

    protected override Guid PathwayIdOf(TreatmentHeld message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, TreatmentHeld message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class TreatmentHeldConsumerDefinition : RetryingConsumerDefinition<TreatmentHeldConsumer>;

public sealed class TreatmentResumedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<TreatmentResumed>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-TreatmentResumed";

    protected override Guid PathwayIdOf(TreatmentResumed message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, TreatmentResumed message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class TreatmentResumedConsumerDefinition : RetryingConsumerDefinition<TreatmentResumedConsumer>;
