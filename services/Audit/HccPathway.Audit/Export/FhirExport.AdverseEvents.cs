using HccPathway.Contracts.Assessment;
using Hl7.Fhir.Model;

namespace HccPathway.Audit.Export;

public static partial class FhirExport
{
    /// <summary>
    /// One AdverseEvent per reported CTCAE event, as it stands after every later grade change, correction and
    /// resolution. Its severity is the worst CTCAE grade it reached (1 mild, 2 moderate, 3 or more severe) and the text
    /// keeps the grade itself. An event marked entered in error did not happen, so it is not exported as one.
    /// </summary>
    private static IEnumerable<Resource> AdverseEvent(ExportedEvent e, AdverseEventReported reported, IReadOnlyList<ExportedEvent> all, ResourceReference subject)
    {
        var later = all.Where(x => x.Row.Version > e.Row.Version).Select(x => x.Data).ToList();
        if (later.OfType<AdverseEventEnteredInError>().Any(x => x.AdverseEventId == reported.AdverseEventId))
        {
            yield break;
        }

        var corrected = later.OfType<AdverseEventCorrected>().LastOrDefault(x => x.AdverseEventId == reported.AdverseEventId);
        var term = corrected?.CtcaeTerm ?? reported.CtcaeTerm;
        var onset = corrected?.OnsetOn ?? reported.OnsetOn;
        var suspects = corrected?.SuspectedDrugs ?? reported.SuspectedDrugs;
        var related = corrected?.TreatmentRelated ?? reported.TreatmentRelated;
        var worst = later.OfType<AdverseEventGradeChanged>().Where(x => x.AdverseEventId == reported.AdverseEventId).Select(x => x.Grade)
            .Append(corrected?.Grade ?? reported.Grade).Max();
        var resolved = later.OfType<AdverseEventResolved>().LastOrDefault(x => x.AdverseEventId == reported.AdverseEventId);

        yield return new AdverseEvent
        {
            Id = DerivedId(e.Row.Id, "adverse-event"),
            Identifier = new Identifier("urn:hccpathway:adverse-event-id", reported.AdverseEventId.ToString()),
            Actuality = Hl7.Fhir.Model.AdverseEvent.AdverseEventActuality.Actual,
            Event = new CodeableConcept { Text = $"{term} (CTCAE v5 grade {worst})" },
            Subject = subject,
            Date = Day(onset).Value,
            RecordedDate = reported.ReportedAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            Severity = FhirCodes.AdverseEventSeverity(worst),
            Outcome = FhirCodes.AdverseEventOutcome(resolved is not null),
            SuspectEntity = suspects.Select(drug => new AdverseEvent.SuspectEntityComponent
            {
                Instance = new ResourceReference { Display = drug },
                Causality =
                [
                    new AdverseEvent.CausalityComponent
                    {
                        ProductRelatedness = related ? "treatment-related" : "not treatment-related",
                    },
                ],
            }).ToList(),
        };
    }
}
