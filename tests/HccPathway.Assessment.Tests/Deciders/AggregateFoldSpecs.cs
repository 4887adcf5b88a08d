using HccPathway.Assessment.Pathways;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.EventStore;
using JasperFx.Events;

namespace HccPathway.Assessment.Tests.Deciders;

/// <summary>
/// The one fold of an aggregate is its Apply methods: AggregateFold calls the same ones Marten's live aggregation
/// does, for stored events and for the data a decider is about to append alike.
/// </summary>
public sealed class AggregateFoldSpecs
{
    [Fact]
    public void Given_data_or_a_stored_event_when_folded_then_the_aggregate_applies_it_through_the_same_Apply_method()
    {
        var state = Given.Enrolled();
        var sample = Markers(state.Id, Guid.NewGuid());

        var fromData = AggregateFold<AssessmentPathway>.Apply(state, sample);
        var fromStored = AggregateFold<AssessmentPathway>.Apply(state, new Event<TumourMarkersRecorded>(sample) { Id = Guid.NewGuid(), Version = 5 });

        Assert.Equal(state.Apply(sample).Samples, fromData.Samples);
        Assert.Equal([sample], fromData.Samples.Except(state.Samples));
        Assert.Equal(fromData.Samples, fromStored.Samples);
    }

    [Fact]
    public void Given_an_event_the_aggregate_has_no_Apply_for_when_folded_then_the_state_is_unchanged()
    {
        var state = Given.Enrolled();

        var after = AggregateFold<AssessmentPathway>.Apply(state, new EligibilityDecided(state.Id, true, ["ELIG-2"], [], 2, "v", DateTimeOffset.UnixEpoch));

        Assert.Same(state, after);
    }

    [Fact]
    public void Given_an_Apply_that_needs_the_stored_event_when_only_data_is_folded_then_it_refuses_rather_than_dropping_it()
    {
        var state = Given.Registered();
        var enrolled = IntakeFacts.Enrolled(state.Id, Given.EnrolledOn);

        Assert.Throws<InvalidOperationException>(() => AggregateFold<AssessmentPathway>.Apply(state, enrolled));
        var stored = AggregateFold<AssessmentPathway>.Apply(state, new Event<PatientEnrolled>(enrolled) { Id = Guid.NewGuid(), Version = 3 });
        Assert.Equal(Given.EnrolledOn, stored.Enrolment?.EnrolledOn);
    }

    private static TumourMarkersRecorded Markers(Guid pathwayId, Guid sampleId) => new(
        pathwayId, sampleId, Given.Day(10), [new TumourMarkerValue(TumourMarkers.Afp, 120m, "ng/mL", 120m, "ng/mL", 20m, null, null, true, "none")],
        null, Given.Rules.Version, "coordinator", DateTimeOffset.UnixEpoch);
}
