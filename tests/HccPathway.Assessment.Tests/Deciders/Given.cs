using HccPathway.Assessment.Pathways;
using HccPathway.Assessment.Pathways.Imaging;
using HccPathway.Assessment.Pathways.Markers;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Http;
using JasperFx.Events;
using HccPathway.ServiceDefaults.EventStore;

namespace HccPathway.Assessment.Tests.Deciders;

/// <summary>States built the way the stream builds them: Intake's events, then the deciders' own output folded in.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The hospital's date at <see cref="Now"/> (a UTC hospital).</summary>
    public static readonly DateOnly Today = new(2026, 6, 1);

    public static readonly DateOnly EnrolledOn = new(2025, 12, 1);
    public static readonly ClinicalRuleSet Rules = ClinicalRuleSet.Default;

    public static AssessmentPathway Registered()
    {
        var id = Guid.NewGuid();
        return AssessmentPathway.Create(IntakeFacts.Registered(id, EnrolledOn.AddDays(-30)))
            .Apply(new Event<BaselineAssessed>(IntakeFacts.Baseline(id, EnrolledOn.AddDays(-10))) { Id = Guid.NewGuid(), Version = 2 });
    }

    public static AssessmentPathway Enrolled(decimal afp = 400m, decimal? dcp = 30m)
    {
        var id = Guid.NewGuid();
        return AssessmentPathway.Create(IntakeFacts.Registered(id, EnrolledOn.AddDays(-30)))
            .Apply(new Event<BaselineAssessed>(IntakeFacts.Baseline(id, EnrolledOn.AddDays(-10), afp, dcp)) { Id = Guid.NewGuid(), Version = 2 })
            .Apply(new Event<PatientEnrolled>(IntakeFacts.Enrolled(id, EnrolledOn)) { Id = Guid.NewGuid(), Version = 4 });
    }

    public static DateOnly Day(int daysAfterEnrolment) => EnrolledOn.AddDays(daysAfterEnrolment);

    public static IReadOnlyList<object> Accepted(Decision decision)
    {
        Assert.True(decision.Rejection is null, decision.Rejection?.Detail + " " + string.Join("; ", decision.Rejection?.Errors?.Select(e => $"{e.Key}: {string.Join(",", e.Value)}") ?? []));
        return decision.Events;
    }

    public static AssessmentPathway After(this AssessmentPathway state, Decision decision) =>
        AggregateFold<AssessmentPathway>.Apply(state, Accepted(decision));

    /// <summary>Records a study and returns its events; <paramref name="state"/> moves on.</summary>
    public static IReadOnlyList<object> Study(ref AssessmentPathway state, RecordImagingRequest request)
    {
        var decision = RecordImaging.Decide(state, request, Guid.NewGuid(), "dr-rad", Rules, Today, Now);
        state = state.After(decision);
        return decision.Events;
    }

    public static IReadOnlyList<object> Markers(ref AssessmentPathway state, DateOnly on, decimal? afp, decimal? dcp = null)
    {
        var request = new RecordTumourMarkers.Request(null, on,
            afp is { } a ? new RecordTumourMarkers.MarkerValue(a, "ng/mL") : null,
            dcp is { } d ? new RecordTumourMarkers.MarkerValue(d, "mAU/mL") : null);
        var decision = RecordTumourMarkers.Decide(state, request, Guid.NewGuid(), "dr-lab", Rules, Today, Now);
        state = state.After(decision);
        return decision.Events;
    }

    public static ResponseAssessed Response(IReadOnlyList<object> events) => events.OfType<ResponseAssessed>().Single();
}

/// <summary>Study requests in the words a radiologist would use.</summary>
internal static class Studies
{
    public static RecordImagingRequest Baseline(DateOnly on, params TargetLesionRequest[] targets) =>
        new(null, on, ImagingModalities.Ct, false, targets, NonTargetStatuses.Absent, [], ExtrahepaticStatuses.None);

    public static RecordImagingRequest FollowUp(DateOnly on, params TargetLesionRequest[] targets) =>
        new(null, on, ImagingModalities.Ct, false, targets, NonTargetStatuses.Absent, [], ExtrahepaticStatuses.None);

    public static TargetLesionRequest Liver(string id, decimal diameter, decimal? viable = null) => new(id, "liver", false, diameter, viable ?? diameter);

    public static TargetLesionRequest Lung(string id, decimal diameter) => new(id, "lung", false, diameter, diameter);

    public static TargetLesionRequest Node(string id, decimal shortAxis) => new(id, "lymph-node", true, shortAxis, null);

    public static NewLesionRequest NewIn(string site, string id, string organ = "liver") => new(id, site, organ, 12m);
}
