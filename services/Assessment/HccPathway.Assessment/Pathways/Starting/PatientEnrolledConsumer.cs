using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace HccPathway.Assessment.Pathways.Starting;

/// <summary>
/// Opens response assessment when Intake enrols a patient. Duplicates are dropped by message id; a pathway already
/// opened (by an earlier delivery, or by a study recorded before this message arrived) is left as it is.
/// </summary>
public sealed class PatientEnrolledConsumer : IdempotentConsumer<PatientEnrolled>
{
    private readonly TimeProvider clock;

    public PatientEnrolledConsumer(IDocumentStore store, TimeProvider clock)
        : base(store, clock) => this.clock = clock;

    protected override string ConsumerName => "assessment-patient-enrolled";

    protected override async Task Handle(ConsumeContext<PatientEnrolled> context, IDocumentSession session)
    {
        var message = context.Message;
        await AppendToExisting<AssessmentPathway>(session, message.PathwayId, pathway => Decision.Append([.. StartAssessment.IfNeeded(
            pathway, pathway.Enrolment ?? new Enrolment(message.EnrolledOn, context.MessageId!.Value), clock.GetUtcNow())]), context.CancellationToken);
    }
}

public sealed class PatientEnrolledConsumerDefinition : RetryingConsumerDefinition<PatientEnrolledConsumer>;
