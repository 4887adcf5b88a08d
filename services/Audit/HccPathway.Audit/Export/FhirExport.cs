using System.Security.Cryptography;
using System.Text;
using HccPathway.Audit.Events;
using HccPathway.Audit.Privacy;
using HccPathway.Audit.Replay;
using HccPathway.Contracts.Intake;
using Hl7.Fhir.Model;

namespace HccPathway.Audit.Export;

/// <summary>An event to export: the stored row (for who and when) and its body (null when the type is unknown).</summary>
public sealed record ExportedEvent(StoredEvent Row, object? Data);

/// <summary>
/// One pathway as a FHIR R4 collection Bundle: the Patient (pseudonymised unless the identity is disclosed), the
/// Condition (hepatocellular carcinoma, its CNLC stage an Observation), the regimen as a PlanDefinition and the CarePlan
/// that follows it, drug orders as MedicationRequest and drugs given as MedicationAdministration (both for the
/// Condition), TACE and resection as Procedure, labs, responses and the cancer disease status as Observation, adverse
/// events as AdverseEvent, a Provenance per source event (who recorded it, when, which event) and an AuditEvent for
/// this export.
/// Resource ids derive from event ids, so exporting the same record twice gives the same resources.
/// </summary>
public static partial class FhirExport
{
    public static Bundle Build(
        Guid pathwayId, IReadOnlyList<ExportedEvent> events, bool discloseIdentity, string exportedBy, DateTimeOffset now)
    {
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Type = Bundle.BundleType.Collection,
            Timestamp = now,
            Meta = discloseIdentity ? null : new Meta { Security = [Pseudonymised] },
        };

        var patient = Patient(pathwayId, events, discloseIdentity);
        var subject = Reference(patient);
        Add(bundle, patient);
        var condition = Condition(pathwayId, events, subject);
        Add(bundle, condition);

        var state = PathwayFold.Fold(pathwayId, events.Select(e => new FoldedEvent(
            e.Row.Version, e.Row.Sequence, e.Row.Timestamp, e.Row.Name, e.Data)));
        foreach (var e in events)
        {
            var amendment = AmendmentOf(e, events);
            var source = amendment?.Corrected is { } corrected ? e with { Data = corrected } : e;
            foreach (var resource in Resources(source, events, state, subject, Reference(condition)))
            {
                Add(bundle, resource);
                Add(bundle, Provenance(resource, e.Row));
                if (amendment is not null)
                {
                    Amend(resource, amendment);
                    Add(bundle, AmendmentProvenance(resource, amendment));
                }
            }

            if (e.Data is PatientRegistered)
            {
                Add(bundle, Provenance(patient, e.Row));
                Add(bundle, Provenance(condition, e.Row));
            }
        }

        foreach (var codeSystem in FhirCodes.LocalCodeSystems())
        {
            Add(bundle, codeSystem);
        }

        Add(bundle, ExportAudit(subject, exportedBy, discloseIdentity, now));
        return bundle;
    }

    private static readonly Coding Pseudonymised =
        new("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "PSEUDED", "pseudonymized");

    private static Patient Patient(Guid pathwayId, IReadOnlyList<ExportedEvent> events, bool discloseIdentity)
    {
        var registration = events.Select(e => e.Data).OfType<PatientRegistered>().FirstOrDefault();
        var patient = new Patient
        {
            Id = pathwayId.ToString(),
            Identifier = [new Identifier("urn:hccpathway:pathway-id", pathwayId.ToString())],
            Gender = registration?.Sex switch
            {
                "female" => AdministrativeGender.Female,
                "male" => AdministrativeGender.Male,
                "other" => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            },
        };

        // A death is clinical, so the pseudonymised export says it too, but its date only with the identity (like the
        // date of birth, a date of death helps re-identify the patient).
        if (events.Select(e => e.Data).OfType<PathwayExited>().FirstOrDefault(x => x.Reason == PathwayExitReason.Died) is { } death)
        {
            patient.Deceased = discloseIdentity
                ? new FhirDateTime(death.ExitedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                : new FhirBoolean(true);
        }

        if (!discloseIdentity || registration is null)
        {
            patient.Meta = new Meta { Security = [Pseudonymised] };
            return patient;
        }

        var identity = registration.Identity;
        patient.Identifier.Add(new Identifier("urn:hccpathway:medical-record-number", identity.MedicalRecordNumber)
        {
            Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR"),
        });
        patient.Name = [new HumanName { Text = identity.FullName }];
        patient.BirthDate = identity.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return patient;
    }

    private static AuditEvent ExportAudit(ResourceReference subject, string exportedBy, bool discloseIdentity, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Type = new Coding("http://dicom.nema.org/resources/ontology/DCM", "110106", "Export"),
        Action = AuditEvent.AuditEventAction.R,
        Recorded = now,
        Outcome = AuditEvent.AuditEventOutcome.N0,
        OutcomeDesc = discloseIdentity ? "exported with the patient's identity" : "exported pseudonymised",
        Agent = [new AuditEvent.AgentComponent { Who = new ResourceReference { Display = exportedBy }, Requestor = true }],
        Source = new AuditEvent.SourceComponent { Observer = new ResourceReference { Display = "HccPathway audit service" } },
        Entity = [new AuditEvent.EntityComponent { What = subject }],
    };

    private static Provenance Provenance(Resource target, StoredEvent source) => new()
    {
        Id = DerivedId(source.Id, "provenance/" + target.TypeName + "/" + target.Id),
        Target = [Reference(target)],
        Recorded = source.Timestamp,
        Agent = [new Provenance.AgentComponent { Who = new ResourceReference { Display = source.UserName ?? "unknown" } }],
        Entity =
        [
            new Provenance.EntityComponent
            {
                Role = Hl7.Fhir.Model.Provenance.ProvenanceEntityRole.Source,
                What = new ResourceReference
                {
                    Identifier = new Identifier("urn:ietf:rfc:3986", $"urn:uuid:{source.Id}"),
                    Display = $"{source.Name} (pathway version {source.Version}, by {source.Owner})",
                },
            },
        ],
    };

    private static void Add(Bundle bundle, Resource resource) =>
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = FullUrl(resource), Resource = resource });

    private static ResourceReference Reference(Resource resource) => new(FullUrl(resource));

    private static string FullUrl(Resource resource) =>
        Guid.TryParse(resource.Id, out var id) ? $"urn:uuid:{id}" : $"urn:uuid:{DerivedId(Guid.Empty, resource.TypeName + "/" + resource.Id)}";

    /// <summary>A stable id for the n-th resource made from one event.</summary>
    internal static string DerivedId(Guid eventId, string discriminator)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId:N}/{discriminator}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
