using HccPathway.Audit.Events;
using HccPathway.Contracts.Assessment;
using Hl7.Fhir.Model;

namespace HccPathway.Audit.Export;

public static partial class FhirExport
{
    /// <summary>
    /// A later event that changed what an earlier one said: a correction (the resources show the corrected values,
    /// status <c>amended</c>) or an entered-in-error mark or a withdrawn response (status <c>entered-in-error</c>).
    /// History is not edited: the resources keep the ids of the original event, and a Provenance for the amendment says
    /// who changed it, when, why, and which event did.
    /// </summary>
    private sealed record Amendment(StoredEvent By, object? Corrected, string Reason)
    {
        public bool EnteredInError => Corrected is null;
    }

    private static Amendment? AmendmentOf(ExportedEvent e, IReadOnlyList<ExportedEvent> all)
    {
        var later = all.Where(x => x.Row.Version > e.Row.Version);
        return e.Data switch
        {
            TumourMarkersRecorded m => later.LastOrDefault(x =>
                x.Data is TumourMarkersCorrected c && c.SampleId == m.SampleId || x.Data is TumourMarkersEnteredInError r && r.SampleId == m.SampleId) switch
            {
                { Data: TumourMarkersCorrected c } x => new Amendment(x.Row, c.Corrected, c.Reason),
                { Data: TumourMarkersEnteredInError r } x => new Amendment(x.Row, null, r.Reason),
                _ => null,
            },
            LiverFunctionAssessed l => later.LastOrDefault(x =>
                x.Data is LiverFunctionCorrected c && c.AssessmentId == l.AssessmentId || x.Data is LiverFunctionEnteredInError r && r.AssessmentId == l.AssessmentId) switch
            {
                { Data: LiverFunctionCorrected c } x => new Amendment(x.Row, c.Corrected, c.Reason),
                { Data: LiverFunctionEnteredInError r } x => new Amendment(x.Row, null, r.Reason),
                _ => null,
            },
            // A study corrected or entered in error withdraws the judgement made from it; a corrected study's new
            // judgement is an event (and resources) of its own.
            ResponseAssessed r => later.FirstOrDefault(x => x.Data is ResponseWithdrawn w && w.StudyId == r.StudyId) is { } withdrawn
                ? new Amendment(withdrawn.Row, null, Why(all, ((ResponseWithdrawn)withdrawn.Data!).CausedBy))
                : null,
            _ => null,
        };
    }

    /// <summary>The reason of the correction that withdrew a response, from the event that caused it.</summary>
    private static string Why(IReadOnlyList<ExportedEvent> all, Guid causedBy) =>
        all.Select(x => x.Data).FirstOrDefault(d => d is ImagingStudyCorrected c && c.CorrectionId == causedBy || d is ImagingStudyEnteredInError r && r.CorrectionId == causedBy) switch
        {
            ImagingStudyCorrected c => $"The study was corrected: {c.Reason}",
            ImagingStudyEnteredInError r => $"The study was entered in error: {r.Reason}",
            _ => "The study it was judged from changed.",
        };

    private static void Amend(Resource resource, Amendment amendment)
    {
        if (resource is Observation observation)
        {
            observation.Status = amendment.EnteredInError ? ObservationStatus.EnteredInError : ObservationStatus.Amended;
        }
    }

    private static Provenance AmendmentProvenance(Resource target, Amendment amendment)
    {
        var provenance = Provenance(target, amendment.By);
        provenance.Activity = amendment.EnteredInError
            ? new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "NULLIFY", "nullify")
            : new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "UPDATE", "revise");
        provenance.Reason = [new CodeableConcept { Text = amendment.Reason }];
        provenance.Entity[0].Role = Hl7.Fhir.Model.Provenance.ProvenanceEntityRole.Revision;
        return provenance;
    }
}
