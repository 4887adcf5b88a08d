using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Security;
using Marten;

namespace HccPathway.Intake.Tests.Api;

public sealed class ProtectedInformationTests(IntakeService service) : IClassFixture<IntakeService>
{
    [Fact]
    public async Task Erasing_identity_masks_the_protected_fields_and_keeps_the_pathway()
    {
        var coordinator = new IntakeClient(service.Factory.ClientAs(Roles.Coordinator));
        var id = await coordinator.RegisterNew();
        var other = await coordinator.RegisterNew();

        await service.Store.Advanced.ApplyEventDataMasking(x => x.IncludeStream(id));

        await using var session = service.Store.QuerySession();
        var masked = Assert.IsType<PatientRegistered>((await session.Events.FetchStreamAsync(id))[0].Data);
        var untouched = Assert.IsType<PatientRegistered>((await session.Events.FetchStreamAsync(other))[0].Data);
        Assert.Equal(new PatientIdentity("masked", "masked", DateOnly.MinValue), masked.Identity);
        Assert.Equal("City Hospital", masked.ReferringCentre);
        Assert.Equal("MRN-7", untouched.Identity.MedicalRecordNumber);
    }
}
