using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Intake.Pathways.Enrolling;

/// <summary>A clinician's explicit decision to start conversion therapy for an eligible patient.</summary>
public static class EnrolPatient
{
    public sealed record Request(DateOnly? EnrolledOn, string? Rationale);

    public static Decision Decide(IntakePathway pathway, Request request, string clinician, DateOnly today, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(request.Rationale))
        {
            return Rejection.Invalid("rationale", "A clinician's rationale is required.");
        }

        if (request.EnrolledOn is not { } enrolledOn || enrolledOn > today || enrolledOn < pathway.ReferralDate)
        {
            return Rejection.Invalid("enrolledOn", "Required; not in the future and not before the referral.");
        }

        switch (pathway)
        {
            case { Phase: IntakePhase.Enrolled }:
                return Rejection.Conflict("The patient is already enrolled.");
            case { Phase: IntakePhase.Declined }:
                return Rejection.Conflict("Enrolment was declined for this patient.");
            case { Eligibility: null }:
                return Rejection.Conflict("Eligibility has not been decided on the latest baseline.", "ELIG-X");
            case { Eligibility.Eligible: false }:
                return Rejection.Conflict(
                    "The patient is not eligible for conversion therapy (ELIG-X): " + FailedCriteria(pathway.Eligibility), "ELIG-X");
        }

        return Decision.Append(new PatientEnrolled(
            pathway.Id,
            pathway.Eligibility.MatchedRules,
            pathway.Baseline!.Measurements.WeightKg,
            enrolledOn,
            clinician,
            request.Rationale.Trim(),
            now));
    }

    public static RouteGroupBuilder MapEnrolPatient(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/enrolment", (
                Guid pathwayId,
                Request request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http,
                PathwayWriter writer,
                CancellationToken ct) =>
            writer.Append<IntakePathway>(pathwayId, ifMatch, p => Decide(p, request, http.User.ActorName(), writer.Today, writer.Now), ct))
            .RequireAuthorization(Policies.DecideCare)
            .WithName("EnrolPatient")
            .WithSummary("Enrol an eligible patient into LEN-TAP conversion therapy (clinicians only).");
        return pathways;
    }

    private static string FailedCriteria(EligibilityDecided decision) =>
        string.Join("; ", decision.Criteria.Where(c => c.Outcome != "pass").Select(c => $"{c.RuleId} {c.Criterion}: {c.Observed}").Take(6));
}
