using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace HccPathway.Scheduling.TherapyPlans.Holds;

/// <summary>
/// The three adverse-event messages feed one ledger per AE and then reconcile the holds. The ledger is read and
/// updated while the pathway stream's write lock is held, so two messages about one pathway never update it at once.
/// </summary>
public abstract class AdverseEventConsumer<TMessage> : IdempotentConsumer<TMessage>
    where TMessage : class
{
    private readonly TimeProvider clock;
    private readonly ClinicalRuleSet rules;

    protected AdverseEventConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
        : base(store, clock)
    {
        this.clock = clock;
        this.rules = rules;
    }

    protected abstract Guid PathwayId(TMessage message);

    protected abstract Guid AdverseEventId(TMessage message);

    protected abstract void Record(TMessage message, AdverseEventLedger ledger);

    protected override async Task Handle(ConsumeContext<TMessage> context, IDocumentSession session)
    {
        var message = context.Message;
        var pathwayId = PathwayId(message);
        await AppendToExisting<TherapyPlan>(session, pathwayId, async (plan, ct) =>
        {
            var ledger = await session.LoadAsync<AdverseEventLedger>(AdverseEventId(message), ct)
                ?? new AdverseEventLedger { Id = AdverseEventId(message), PathwayId = pathwayId };
            Record(message, ledger);
            session.Store(ledger);
            return ReconcileHolds.Decide(plan, pathwayId, ledger, rules, clock.GetUtcNow());
        }, context.CancellationToken,
            () => new TherapyPlan { Id = pathwayId });
    }
}

public sealed class AdverseEventReportedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : AdverseEventConsumer<AdverseEventReported>(store, clock, rules)
{
    protected override string ConsumerName => "scheduling-ae-reported";

    protected override Guid PathwayId(AdverseEventReported message) => message.PathwayId;

    protected override Guid AdverseEventId(AdverseEventReported message) => message.AdverseEventId;

    protected override void Record(AdverseEventReported message, AdverseEventLedger ledger)
    {
        ledger.Reported = true;
        if (ledger.CorrectedAt is not null)
        {
            // The correction, which arrived first, replaced everything the report says.
            return;
        }

        ledger.CtcaeTerm = message.CtcaeTerm;
        ledger.TreatmentRelated = message.TreatmentRelated;
        ledger.SuspectedDrugs = [.. message.SuspectedDrugs];
        ledger.Add(new LedgerGrading(message.OnsetOn, message.Grade, message.ReportedAt, "reported"));
    }
}

public sealed class AdverseEventGradeChangedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : AdverseEventConsumer<AdverseEventGradeChanged>(store, clock, rules)
{
    protected override string ConsumerName => "scheduling-ae-grade-changed";

    protected override Guid PathwayId(AdverseEventGradeChanged message) => message.PathwayId;

    protected override Guid AdverseEventId(AdverseEventGradeChanged message) => message.AdverseEventId;

    protected override void Record(AdverseEventGradeChanged message, AdverseEventLedger ledger) =>
        ledger.Add(new LedgerGrading(message.ChangedOn, message.Grade, message.RecordedAt, "grade-changed"));
}

public sealed class AdverseEventResolvedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : AdverseEventConsumer<AdverseEventResolved>(store, clock, rules)
{
    protected override string ConsumerName => "scheduling-ae-resolved";

    protected override Guid PathwayId(AdverseEventResolved message) => message.PathwayId;

    protected override Guid AdverseEventId(AdverseEventResolved message) => message.AdverseEventId;

    protected override void Record(AdverseEventResolved message, AdverseEventLedger ledger) =>
        ledger.Add(new LedgerGrading(message.ResolvedOn, message.ResidualGrade, message.RecordedAt, "resolved"));
}

/// <summary>
/// RESP-AE: the report corrected. Its term, relatedness, suspected drugs and onset grading replace the reported ones;
/// later gradings stand. Only the latest correction counts, whatever order they arrive in.
/// </summary>
public sealed class AdverseEventCorrectedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : AdverseEventConsumer<AdverseEventCorrected>(store, clock, rules)
{
    protected override string ConsumerName => "scheduling-ae-corrected";

    protected override Guid PathwayId(AdverseEventCorrected message) => message.PathwayId;

    protected override Guid AdverseEventId(AdverseEventCorrected message) => message.AdverseEventId;

    protected override void Record(AdverseEventCorrected message, AdverseEventLedger ledger) => ledger.Correct(message);
}

/// <summary>RESP-AE: the adverse event should never have been reported; the holds resting on it are released.</summary>
public sealed class AdverseEventEnteredInErrorConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : AdverseEventConsumer<AdverseEventEnteredInError>(store, clock, rules)
{
    protected override string ConsumerName => "scheduling-ae-entered-in-error";

    protected override Guid PathwayId(AdverseEventEnteredInError message) => message.PathwayId;

    protected override Guid AdverseEventId(AdverseEventEnteredInError message) => message.AdverseEventId;

    protected override void Record(AdverseEventEnteredInError message, AdverseEventLedger ledger) => ledger.MarkEnteredInError(message.CorrectionId);
}

public sealed class AdverseEventCorrectedConsumerDefinition : RetryingConsumerDefinition<AdverseEventCorrectedConsumer>;

public sealed class AdverseEventEnteredInErrorConsumerDefinition : RetryingConsumerDefinition<AdverseEventEnteredInErrorConsumer>;

public sealed class AdverseEventReportedConsumerDefinition : RetryingConsumerDefinition<AdverseEventReportedConsumer>;

public sealed class AdverseEventGradeChangedConsumerDefinition : RetryingConsumerDefinition<AdverseEventGradeChangedConsumer>;

public sealed class AdverseEventResolvedConsumerDefinition : RetryingConsumerDefinition<AdverseEventResolvedConsumer>;
