using System.Net;
using HccPathway.Coordinator.Components.Pages.Forms.LiverFunction;
using HccPathway.Coordinator.Components.Pages.Forms.Markers;
using HccPathway.Coordinator.Components.Pages.Forms.Surgery;

namespace HccPathway.Coordinator.Tests;

/// <summary>The forms that record evidence for readiness and surgery: field errors in place, stale writes, request bodies.</summary>
public sealed class PatientFormTests : BunitContext
{
    private static readonly Guid PathwayId = Guid.Parse("0193aa11-2222-7333-8444-555566667777");

    private static readonly string Summary = $$"""
        {"id":"{{PathwayId}}","version":7,"medicalRecordNumber":"MRN-9","fullName":"Ada Example","dateOfBirth":"1960-01-02","sex":"male",
         "referralDate":"2026-01-01","referringCentre":"City","phase":"Enrolled","eligibilityRules":[],"eligibilityCriteria":[]}
        """;

    /// <summary>Intake's summary (with its version as ETag) for reads; <paramref name="write"/> for the form's POST.</summary>
    private StubServices Stub(Func<HttpResponseMessage> write, string role = "coordinator")
    {
        var stub = new StubServices(request =>
        {
            if (request.Method == HttpMethod.Get)
            {
                var read = StubServices.Json(HttpStatusCode.OK, Summary);
                read.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"7\"");
                return read;
            }

            return write();
        });
        StubServices.Register(this, stub, role: role);
        return stub;
    }

    [Fact]
    public void Liver_function_errors_appear_under_their_fields_and_the_body_carries_the_units_the_service_names()
    {
        var stub = Stub(() => StubServices.Json(HttpStatusCode.BadRequest, """
            {"title":"The liver function assessment is invalid.","status":400,
             "errors":{"albuminGramsPerLitre":["Required with the other Child–Pugh factors (SCORE-CP)."],"icgR15Percent":["Outside 0–100 %."]}}
            """));
        var form = Render<LiverFunctionForm>(p => p.Add(c => c.PathwayId, PathwayId));
        form.WaitForAssertion(() => Assert.Contains("Ada Example", form.Find("[data-testid=form-patient]").TextContent));

        form.Find("#bilirubinMicromolesPerLitre").Change("14");
        form.Find("#icgR15Percent").Change("130");
        form.Find("#immuneHepatitisExcluded").Change("excluded");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Required with the other Child–Pugh factors (SCORE-CP).", form.Find("[data-field=albuminGramsPerLitre]").TextContent));
        Assert.Equal("Outside 0–100 %.", form.Find("[data-field=icgR15Percent]").TextContent);
        Assert.Equal("true", form.Find("#icgR15Percent").GetAttribute("aria-invalid"));
        Assert.Null(form.Find("#bilirubinMicromolesPerLitre").GetAttribute("aria-invalid"));
        Assert.Contains("(µmol/L)", form.Find("label[for=bilirubinMicromolesPerLitre]").TextContent);
        var (method, path, body) = stub.Requests.Single(r => r.Method == HttpMethod.Post);
        Assert.Equal($"/pathways/{PathwayId}/liver-function", path);
        Assert.Contains("\"bilirubinMicromolesPerLitre\":14", body);
        Assert.Contains("\"immuneHepatitisExcluded\":true", body);
        Assert.Contains("\"ascites\":null", body);
    }

    [Fact]
    public void Tumour_marker_errors_keyed_by_marker_and_part_appear_under_that_input()
    {
        var stub = Stub(() => StubServices.Json(HttpStatusCode.BadRequest, """
            {"title":"The tumour markers are invalid.","status":400,"errors":{"afp.value":["Required; 0–1000000 ng/mL."]}}
            """));
        var form = Render<TumourMarkersForm>(p => p.Add(c => c.PathwayId, PathwayId));

        form.Find("#dcp\\.value").Change("20");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Required; 0–1000000 ng/mL.", form.Find("[data-field='afp.value']").TextContent));
        Assert.Empty(form.FindAll("[data-field='dcp.value']"));
        var body = stub.Requests.Single(r => r.Method == HttpMethod.Post).Body;
        Assert.Contains("\"dcp\":{\"value\":20,\"unit\":\"mAU/mL\"}", body);
        Assert.Contains("\"afp\":null", body);
    }

    [Fact]
    public void A_stale_surgical_decision_says_someone_else_changed_the_patient_and_reload_reads_the_patient_again()
    {
        var stub = Stub(() => StubServices.Json(HttpStatusCode.Conflict,
            """{"title":"The pathway was changed by someone else.","status":409,"detail":"Pathway x is no longer at version 7."}"""), role: "clinician");
        var form = Render<FeasibilityForm>(p => p.Add(c => c.PathwayId, PathwayId));
        form.WaitForAssertion(() => Assert.Contains("Ada Example", form.Markup));
        form.Find("#r0ResectionFeasible").Change("yes");
        form.Find("#otherContraindication").Change("no");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Someone else changed this patient", form.Find("[data-testid=problem]").TextContent));
        var reads = stub.Requests.Count(r => r.Method == HttpMethod.Get);
        form.Find("[data-testid=problem] button").Click();
        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=problem]")));
        Assert.Equal(reads + 1, stub.Requests.Count(r => r.Method == HttpMethod.Get));
        Assert.Equal("yes", form.Find("#r0ResectionFeasible").GetAttribute("value"));
        var post = stub.Requests.Single(r => r.Method == HttpMethod.Post);
        Assert.Contains("\"r0ResectionFeasible\":true", post.Body);
        Assert.Contains("\"otherContraindication\":false", post.Body);
    }

    [Fact]
    public void A_rule_refusal_of_the_resection_shows_the_rule_and_override_reason_errors_sit_under_the_reason()
    {
        Stub(() => StubServices.Json(HttpStatusCode.BadRequest,
            """{"title":"The resection request has invalid fields.","status":400,"errors":{"override.reason":["An override needs the clinician's reason."]}}"""),
            role: "clinician");
        var form = Render<ScheduleResectionForm>(p => p.Add(c => c.PathwayId, PathwayId));
        form.Find("#procedure").Change("right hepatectomy");
        form.Find("#override").Change(true);

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("An override needs the clinician's reason.", form.Find("[data-field='override.reason']").TextContent));
        Assert.DoesNotContain("Someone else", form.Find("[data-testid=problem]").TextContent);
    }

    [Fact]
    public void A_reschedule_refused_for_the_washout_shows_SURG_WASH_and_the_earliest_safe_date_in_the_banner()
    {
        var stub = Stub(() => StubServices.Json(HttpStatusCode.Conflict, """
            {"title":"The pathway's state does not allow this.","status":409,"ruleId":"SURG-WASH",
             "detail":"The new date is not cleared; a clinician may override with a reason. Blocking on 2026-03-10: washout: earliest safe date 2026-03-18"}
            """), role: "clinician");
        var form = Render<RescheduleResectionForm>(p => p.Add(c => c.PathwayId, PathwayId));
        form.WaitForAssertion(() => Assert.Contains("Ada Example", form.Find("[data-testid=form-patient]").TextContent));
        form.Find("#scheduledOn").Change("2026-03-10");
        form.Find("#reason").Change("Theatre list moved.");

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("(SURG-WASH)", form.Find("[data-testid=problem]").TextContent));
        Assert.Contains("earliest safe date 2026-03-18", form.Find("[data-testid=problem]").TextContent);
        var (_, path, body) = stub.Requests.Single(r => r.Method == HttpMethod.Post);
        Assert.Equal($"/pathways/{PathwayId}/resection/reschedule", path);
        Assert.Contains("\"scheduledOn\":\"2026-03-10\"", body);
        Assert.Contains("\"reason\":\"Theatre list moved.\"", body);
        Assert.Contains("\"override\":null", body);
    }

    [Fact]
    public void A_cancellation_without_a_reason_shows_the_error_under_the_reason_and_a_performed_resection_shows_in_the_banner()
    {
        var responses = new Queue<HttpResponseMessage>([
            StubServices.Json(HttpStatusCode.BadRequest,
                """{"title":"The request is invalid.","status":400,"errors":{"reason":["Say why the resection is cancelled."]}}"""),
            StubServices.Json(HttpStatusCode.Conflict,
                """{"title":"The pathway's state does not allow this.","status":409,"ruleId":"SURG-PATH","detail":"The resection was performed on 2026-03-01; it cannot be cancelled."}"""),
        ]);
        var stub = Stub(responses.Dequeue, role: "clinician");
        var form = Render<CancelResectionForm>(p => p.Add(c => c.PathwayId, PathwayId));
        form.WaitForAssertion(() => Assert.Contains("Ada Example", form.Find("[data-testid=form-patient]").TextContent));

        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Equal("Say why the resection is cancelled.", form.Find("[data-field=reason]").TextContent));

        form.Find("#reason").Change("Patient declined surgery.");
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Contains("(SURG-PATH)", form.Find("[data-testid=problem]").TextContent));
        Assert.Contains("it cannot be cancelled", form.Find("[data-testid=problem]").TextContent);
        Assert.Equal($"/pathways/{PathwayId}/resection/cancellation", stub.Requests.Last(r => r.Method == HttpMethod.Post).Path);
        Assert.Contains("\"reason\":\"Patient declined surgery.\"", stub.Requests.Last(r => r.Method == HttpMethod.Post).Body);
    }

    [Fact]
    public void Resection_outcome_complication_errors_appear_in_their_row()
    {
        var stub = Stub(() => StubServices.Json(HttpStatusCode.BadRequest, """
            {"title":"The resection outcome has invalid fields.","status":400,
             "errors":{"complications[0].description":["Required."],"margin":["Must be R0, R1 or R2."]}}
            """));
        var form = Render<ResectionOutcomeForm>(p => p.Add(c => c.PathwayId, PathwayId));
        form.Find("button.secondary").Click();

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Must be R0, R1 or R2.", form.Find("[data-field=margin]").TextContent));
        Assert.Contains("Required.", form.Find("tbody tr").TextContent);
        Assert.Contains("\"complications\":[{\"description\":null,\"clavienDindoGrade\":\"I\"", stub.Requests.Single(r => r.Method == HttpMethod.Post).Body);
    }

    [Fact]
    public void The_adjuvant_decision_sends_the_chosen_drugs()
    {
        var stub = Stub(() => StubServices.Json(HttpStatusCode.BadRequest,
            """{"title":"The adjuvant decision has invalid fields.","status":400,"errors":{"rationale":["The rationale is required (tolerance, pathology)."]}}"""),
            role: "clinician");
        var form = Render<AdjuvantForm>(p => p.Add(c => c.PathwayId, PathwayId));
        form.Find("#drug-lenvatinib").Change(false);

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("The rationale is required (tolerance, pathology).", form.Find("[data-field=rationale]").TextContent));
        Assert.Contains("\"drugs\":[\"camrelizumab\"]", stub.Requests.Single(r => r.Method == HttpMethod.Post).Body);
    }
}
