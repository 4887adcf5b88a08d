using HccPathway.Contracts.Intake;
using HccPathway.Intake.Pathways.Registering;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Intake.Tests.Deciders.PathwayStates;

namespace HccPathway.Intake.Tests.Deciders;

public sealed class RegisterPatientSpecs
{
    private static readonly RegisterPatient.Request Valid =
        new("MRN-0042", "  Ada Example ", new DateOnly(1960, 1, 2), "female", Today, "City Hospital");

    [Fact]
    public void When_a_complete_referral_is_registered_then_the_pathway_opens_with_the_trimmed_identity()
    {
        var id = Guid.NewGuid();
        var registered = Single<PatientRegistered>(RegisterPatient.Decide(id, Valid, Today, Now));

        Assert.Equal(id, registered.PathwayId);
        Assert.Equal(new PatientIdentity("MRN-0042", "Ada Example", new DateOnly(1960, 1, 2)), registered.Identity);
        Assert.Equal(Now, registered.RegisteredAt);
    }

    [Fact]
    public void When_every_field_is_missing_then_each_is_named_and_nothing_is_appended()
    {
        var decision = RegisterPatient.Decide(Guid.NewGuid(), new RegisterPatient.Request(null, null, null, null, null, null), Today, Now);

        Assert.Empty(decision.Events);
        Assert.Equal(RejectionKind.Invalid, decision.Rejection!.Kind);
        Assert.Equal(
            ["dateOfBirth", "fullName", "medicalRecordNumber", "referralDate", "referringCentre", "sex"],
            decision.Rejection.Errors!.Keys.Order());
    }

    [Fact]
    public void When_the_referral_predates_birth_then_referralDate_is_rejected()
    {
        var decision = RegisterPatient.Decide(Guid.NewGuid(), Valid with { ReferralDate = new DateOnly(1959, 12, 31) }, Today, Now);

        Assert.Equal(["referralDate"], decision.Rejection!.Errors!.Keys);
    }

    [Fact]
    public void When_a_date_is_already_today_at_the_hospital_it_is_accepted_but_a_later_one_is_not()
    {
        // 21:00 UTC is already the next morning at a hospital east of UTC: the hospital's date, passed in, decides.
        var lateInTheUtcDay = Now.AddHours(12);
        var tomorrow = Today.AddDays(1);
        var accepted = RegisterPatient.Decide(Guid.NewGuid(), Valid with { DateOfBirth = tomorrow, ReferralDate = tomorrow }, tomorrow, lateInTheUtcDay);
        var refused = RegisterPatient.Decide(Guid.NewGuid(), Valid with { DateOfBirth = tomorrow }, Today, Now);

        Assert.Null(accepted.Rejection);
        Assert.Contains("dateOfBirth", refused.Rejection!.Errors!.Keys);
    }

    [Fact]
    public void When_sex_is_not_in_the_vocabulary_then_it_is_rejected()
    {
        var decision = RegisterPatient.Decide(Guid.NewGuid(), Valid with { Sex = "F" }, Today, Now);

        Assert.Equal(["sex"], decision.Rejection!.Errors!.Keys);
    }
}
