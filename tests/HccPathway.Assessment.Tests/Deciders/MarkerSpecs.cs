using HccPathway.Assessment.Pathways.Markers;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Assessment.Tests.Deciders.Given;

namespace HccPathway.Assessment.Tests.Deciders;

public sealed class MarkerSpecs
{
    [Theory]
    [InlineData(80, "responder")]
    [InlineData(81, "non-responder")]
    public void SCORE_AFPR_given_baseline_AFP_400_when_AFP_falls_to_80_or_81_then_an_80_percent_fall_is_a_response(int afp, string status)
    {
        var state = Enrolled(afp: 400m);

        var recorded = Markers(ref state, Day(30), afp).OfType<TumourMarkersRecorded>().Single();

        Assert.Equal(status, recorded.AfpResponse!.Status);
        Assert.Equal(400m, recorded.AfpResponse.BaselineNanogramsPerMillilitre);
    }

    [Fact]
    public void SCORE_AFPR_given_a_normal_baseline_AFP_when_AFP_is_recorded_then_the_response_is_not_evaluable_and_normalisation_not_required()
    {
        var state = Enrolled(afp: 12m);

        var recorded = Markers(ref state, Day(30), 5m).OfType<TumourMarkersRecorded>().Single();

        Assert.Equal(AfpResponseStatuses.NotEvaluable, recorded.AfpResponse!.Status);
        Assert.Equal(MarkerNormalisation.NotRequired, recorded.Markers.Single().Normalisation);
    }

    [Fact]
    public void RESP_CCR_given_a_positive_baseline_DCP_when_DCP_reaches_the_upper_limit_then_it_is_normalised()
    {
        var state = Enrolled(dcp: 300m);

        var recorded = Markers(ref state, Day(30), null, 40m).OfType<TumourMarkersRecorded>().Single();

        var dcp = recorded.Markers.Single();
        Assert.True(dcp.PositiveAtBaseline);
        Assert.Equal(MarkerNormalisation.Normalised, dcp.Normalisation);
        Assert.Null(recorded.AfpResponse);
    }

    [Fact]
    public void Given_AFP_in_IU_per_mL_when_recorded_then_it_is_stored_in_ng_per_mL_with_the_reported_value()
    {
        var state = Enrolled();
        var request = new RecordTumourMarkers.Request(null, Day(30), new RecordTumourMarkers.MarkerValue(100m, "IU/mL"), null);

        var recorded = Accepted(RecordTumourMarkers.Decide(state, request, Guid.NewGuid(), "lab", Rules, Today, Now)).OfType<TumourMarkersRecorded>().Single();

        var afp = recorded.Markers.Single();
        Assert.Equal(121m, afp.Value);
        Assert.Equal((100m, "IU/mL"), (afp.ReportedValue, afp.ReportedUnit));
    }

    [Fact]
    public void Given_an_unknown_unit_or_a_negative_value_when_recorded_then_invalid_naming_each_field()
    {
        var request = new RecordTumourMarkers.Request(null, Day(30), new RecordTumourMarkers.MarkerValue(10m, "mg/dL"), new RecordTumourMarkers.MarkerValue(-1m, "mAU/mL"));

        var rejection = RecordTumourMarkers.Decide(Enrolled(), request, Guid.NewGuid(), "lab", Rules, Today, Now).Rejection!;

        Assert.Equal(RejectionKind.Invalid, rejection.Kind);
        Assert.Equal(["afp.unit", "dcp.value"], rejection.Errors!.Keys.Order());
    }
}
