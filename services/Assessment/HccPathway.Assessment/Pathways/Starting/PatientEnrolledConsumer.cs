using HccPathway.Contracts.Intake;
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
        var stream = await session.Events.FetchForWriting<AssessmentPathway>(message.PathwayId, context.CancellationToken);

        // The relay publishes only after the stream is committed, so a missing stream is a broken message: retried, then _error.
        var pathway = stream.Aggregate
            ?? throw new InvalidOperationException($"Pathway {message.PathwayId} does not exist in the event store.");
        var enrolment = pathway.Enrolment ?? new Enrolment(message.EnrolledOn, context.MessageId!.Value);
        stream.AppendMany(StartAssessment.IfNeeded(pathway, enrolment, clock.GetUtcNow()).ToArray());
    }
}

public sealed class PatientEnrolledConsumerDefinition : RetryingConsumerDefinition<PatientEnrolledConsumer>;
