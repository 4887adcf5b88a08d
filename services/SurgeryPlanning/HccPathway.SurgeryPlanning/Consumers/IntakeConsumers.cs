using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.SurgeryPlanning.Facts;
using Marten;

namespace HccPathway.SurgeryPlanning.Consumers;

// One consumer per upstream message type, each on its own queue (surgery-planning-<message>-...), each recording its
// fact in the checklist (FactRecording) and re-evaluating readiness.

public sealed class PatientEnrolledConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<PatientEnrolled>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-PatientEnrolled";

    protected override Guid PathwayIdOf(PatientEnrolled message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, PatientEnrolled message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class PatientEnrolledConsumerDefinition : RetryingConsumerDefinition<PatientEnrolledConsumer>;

public sealed class BaselineAssessedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<BaselineAssessed>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-BaselineAssessed";

    protected override Guid PathwayIdOf(BaselineAssessed message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, BaselineAssessed message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class BaselineAssessedConsumerDefinition : RetryingConsumerDefinition<BaselineAssessedConsumer>;

/// <summary>Closes the patient's readiness and takes them off the MDT agenda and the follow-up worklist.</summary>
public sealed class PathwayExitedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ChecklistConsumer<PathwayExited>(store, clock, rules)
{
    protected override string ConsumerName => "surgery-planning-PathwayExited";

    protected override Guid PathwayIdOf(PathwayExited message) => message.PathwayId;

    protected override void Record(PatientChecklist checklist, PathwayExited message, Guid eventId) =>
        FactRecording.Record(checklist, message, eventId);
}

public sealed class PathwayExitedConsumerDefinition : RetryingConsumerDefinition<PathwayExitedConsumer>;
