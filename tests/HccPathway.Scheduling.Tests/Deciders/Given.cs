using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;
using HccPathway.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Planning;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.EventStore;

namespace HccPathway.Scheduling.Tests.Deciders;

/// <summary>Builds states by folding real decider output, the way the stream would.</summary>
internal static class Given
{
    /// <summary>Monday 1 June 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 6, 1);
    public static readonly ClinicalRuleSet Rules = ClinicalRuleSet.Default;
    public static readonly SchedulingOptions Options = new();
    public const string Coordinator = "coordinator-1";

    public static PatientEnrolled Enrolment(Guid? pathwayId = null, decimal weightKg = 70m, DateOnly? enrolledOn = null) =>
        new(pathwayId ?? Guid.NewGuid(), ["ELIG-2"], weightKg, enrolledOn ?? Today, "dr-house", "MDT: convert first.", Now);

    /// <summary>A plan as <see cref="PlanRegimen"/> makes it on enrolment.</summary>
    public static TherapyPlan Planned(decimal weightKg = 70m, DateOnly? enrolledOn = null) =>
        Fold(new TherapyPlan(), PlanRegimen.Decide(new TherapyPlan(), Enrolment(weightKg: weightKg, enrolledOn: enrolledOn), Guid.NewGuid(), Rules, Today, Now).Events);

    /// <summary>Planned on Monday 1 June 2026; lenvatinib started on Tuesday 2 June as planned.</summary>
    public static TherapyPlan Started(decimal weightKg = 70m)
    {
        var plan = Planned(weightKg);
        var on = new DateOnly(2026, 6, 2);
        return plan.Then(Scheduling.TherapyPlans.RecordingActuals.StartLenvatinib.Decide(plan, new(on, null, null), Coordinator, on, At(on), Options));
    }

    public static TherapyPlan Fold(TherapyPlan state, IEnumerable<object> events) => AggregateFold<TherapyPlan>.Apply(state, events);

    /// <summary>Applies an accepted decision; fails the test when the decider refused.</summary>
    public static TherapyPlan Then(this TherapyPlan state, Decision decision)
    {
        Assert.Null(decision.Rejection);
        return Fold(state, decision.Events);
    }

    /// <summary>The clock at <paramref name="date"/> 09:00 UTC, for recording actuals that must not be in the future.</summary>
    public static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    public static T Single<T>(Decision decision)
    {
        Assert.Null(decision.Rejection);
        return Assert.Single(decision.Events.OfType<T>());
    }

    /// <summary>The one item planned that is not pre-dose labs (SCHED-LAB plans labs with every dose and session).</summary>
    public static Contracts.Scheduling.TherapyItemPlanned SinglePlanned(Decision decision) => Single<Contracts.Scheduling.TherapyItemPlanned>(WithoutLabs(decision));

    /// <summary>The one item cancelled that is not pre-dose labs (a cancelled dose cancels its labs, SCHED-LAB).</summary>
    public static Contracts.Scheduling.TherapyItemCancelled SingleCancelled(Decision decision) => Single<Contracts.Scheduling.TherapyItemCancelled>(WithoutLabs(decision));

    private static Decision WithoutLabs(Decision decision) => Decision.Append([.. decision.Events.Where(e => e switch
    {
        Contracts.Scheduling.TherapyItemPlanned p => p.ItemType != Contracts.Scheduling.TherapyItemTypes.PreDoseLabs,
        Contracts.Scheduling.TherapyItemCancelled c => c.ItemType != Contracts.Scheduling.TherapyItemTypes.PreDoseLabs,
        Contracts.Scheduling.TherapyItemRescheduled r => r.ItemType != Contracts.Scheduling.TherapyItemTypes.PreDoseLabs,
        _ => true,
    })]);

    public static Rejection Refused(Decision decision, RejectionKind kind)
    {
        var rejection = Assert.IsType<Rejection>(decision.Rejection);
        Assert.Equal(kind, rejection.Kind);
        Assert.Empty(decision.Events);
        return rejection;
    }
}
