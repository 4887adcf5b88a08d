using System.Net;
using HccPathway.Coordinator.Components.Pages.Forms.Register;

namespace HccPathway.Coordinator.Tests;

public sealed class RegisterFormTests : BunitContext
{
    [Fact]
    public void Server_validation_errors_appear_next_to_the_fields_they_name()
    {
        var stub = new StubServices(_ => StubServices.Json(HttpStatusCode.BadRequest, """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The registration has invalid fields.","status":400,
             "errors":{"fullName":["Required, at most 200 characters."],"referralDate":["Required; not in the future and not before the date of birth."]}}
            """));
        StubServices.Register(this, stub);
        var form = Render<RegisterForm>();

        form.Find("#medicalRecordNumber").Change("MRN-1");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Required, at most 200 characters.", form.Find("[data-field=fullName]").TextContent));
        Assert.Equal("Required; not in the future and not before the date of birth.", form.Find("[data-field=referralDate]").TextContent);
        Assert.Equal("true", form.Find("#fullName").GetAttribute("aria-invalid"));
        Assert.Null(form.Find("#medicalRecordNumber").GetAttribute("aria-invalid"));
        Assert.Empty(form.FindAll("[data-field=medicalRecordNumber]"));
        Assert.Equal("true", form.Find("#referralDate").GetAttribute("aria-invalid"));
        var (method, path, body) = Assert.Single(stub.Requests);
        Assert.Equal((HttpMethod.Post, "/pathways"), (method, path));
        Assert.Contains("\"medicalRecordNumber\":\"MRN-1\"", body);
    }

    [Fact]
    public void Errors_no_field_claims_are_shown_above_the_form()
    {
        StubServices.Register(this, new StubServices(_ => StubServices.Json(HttpStatusCode.BadRequest,
            """{"title":"The registration has invalid fields.","status":400,"errors":{"identity":["Already registered at this centre."]}}""")));
        var form = Render<RegisterForm>();

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("identity: Already registered at this centre.", form.Find("[data-testid=problem]").TextContent));
    }

    [Fact]
    public void A_stale_write_says_someone_else_changed_the_patient_and_offers_a_reload()
    {
        StubServices.Register(this, new StubServices(_ => StubServices.Json(HttpStatusCode.Conflict,
            """{"title":"The pathway was changed by someone else.","status":409,"detail":"Pathway x is no longer at version 3. Reload it and try again."}""")));
        var form = Render<RegisterForm>();

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Someone else changed this patient", form.Find("[data-testid=problem]").TextContent));
        Assert.NotNull(form.Find("[data-testid=problem] button"));
    }

    [Fact]
    public void A_rule_conflict_shows_the_rule_not_a_reload()
    {
        StubServices.Register(this, new StubServices(_ => StubServices.Json(HttpStatusCode.Conflict,
            """{"title":"The pathway's state does not allow this.","status":409,"detail":"The patient is already enrolled.","ruleId":"ELIG-X"}""")));
        var form = Render<RegisterForm>();

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("The patient is already enrolled.", form.Find("[data-testid=problem]").TextContent));
        Assert.Contains("ELIG-X", form.Find("[data-testid=problem]").TextContent);
        Assert.DoesNotContain("Someone else", form.Find("[data-testid=problem]").TextContent);
    }
}
