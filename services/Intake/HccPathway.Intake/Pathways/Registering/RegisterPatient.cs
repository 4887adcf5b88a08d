using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;

namespace HccPathway.Intake.Pathways.Registering;

/// <summary>Opens a patient's pathway on referral. The server assigns the pathway id.</summary>
public static class RegisterPatient
{
    private static readonly string[] Sexes = ["female", "male", "other", "unknown"];

    public sealed record Request(
        string? MedicalRecordNumber,
        string? FullName,
        DateOnly? DateOfBirth,
        string? Sex,
        DateOnly? ReferralDate,
        string? ReferringCentre);

    public static Decision Decide(Guid pathwayId, Request request, DateOnly today, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        Require(errors, "medicalRecordNumber", request.MedicalRecordNumber, 64);
        Require(errors, "fullName", request.FullName, 200);
        Require(errors, "referringCentre", request.ReferringCentre, 200);
        if (request.Sex is null || !Sexes.Contains(request.Sex))
        {
            errors["sex"] = [$"Must be one of: {string.Join(", ", Sexes)}."];
        }

        if (request.DateOfBirth is not { } dateOfBirth || dateOfBirth > today || dateOfBirth < today.AddYears(-120))
        {
            errors["dateOfBirth"] = ["Required; not in the future and not more than 120 years ago."];
        }

        if (request.ReferralDate is not { } referral || referral > today || (request.DateOfBirth is { } dob && referral < dob))
        {
            errors["referralDate"] = ["Required; not in the future and not before the date of birth."];
        }

        if (errors.Count > 0)
        {
            return Rejection.Invalid("The registration has invalid fields.", errors);
        }

        return Decision.Append(new PatientRegistered(
            pathwayId,
            new PatientIdentity(request.MedicalRecordNumber!.Trim(), request.FullName!.Trim(), request.DateOfBirth!.Value),
            request.Sex!,
            request.ReferralDate!.Value,
            request.ReferringCentre!.Trim(),
            now));
    }

    public static RouteGroupBuilder MapRegisterPatient(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/", (Request request, PathwayWriter writer, CancellationToken ct) =>
            {
                var pathwayId = Guid.CreateVersion7();
                return writer.Start<IntakePathway>(pathwayId, Decide(pathwayId, request, writer.Today, writer.Now), ct);
            })
            .RequireAuthorization(Policies.RecordCare)
            .WithName("RegisterPatient")
            .WithSummary("Register a referred patient and open their pathway.");
        return pathways;
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength)
        {
            errors[field] = [$"Required, at most {maxLength} characters."];
        }
    }
}
