using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;

namespace HccPathway.SurgeryPlanning.Facts;

/// <summary>
/// Folds other services' messages into the checklist. Every method is idempotent and order-tolerant: facts are keyed
/// by their natural id (study, sample, adverse event, hold) and a value replaces another only when it is newer.
/// </summary>
public static class FactRecording
{
    public static void Record(PatientChecklist c, PatientEnrolled e, Guid eventId) =>
        c.EnrolledOn = Facts.Newest(c.EnrolledOn, new Fact<DateOnly>(e.EnrolledOn, e.EnrolledOn, eventId, e.EnrolledAt));

    public static void Record(PatientChecklist c, BaselineAssessed e, Guid eventId)
    {
        Fact<T> F<T>(T value) => new(value, e.AssessedOn, eventId, e.RecordedAt);
        var m = e.Measurements;
        c.BaselineChildPughScore = Facts.Newest(c.BaselineChildPughScore, F(e.Scores.ChildPughPoints));
        c.ChildPughScore = Facts.Newest(c.ChildPughScore, F(e.Scores.ChildPughPoints));
        c.Ecog = Facts.Newest(c.Ecog, F(m.Ecog));
        if (m.IcgR15Percent is { } icg)
        {
            c.IcgR15Percent = Facts.Newest(c.IcgR15Percent, F(icg));
        }

        if (e.Scores.FutureLiverRemnantRatio is { } flr)
        {
            c.FlrToSlvRatio = Facts.Newest(c.FlrToSlvRatio, F(flr));
        }

        var extrahepatic = m.PulmonaryNoduleCount > 0 || m.ExtrahepaticLymphNodes || m.OtherExtrahepaticSites;
        c.ExtrahepaticDisease = Facts.Newest(c.ExtrahepaticDisease, F(extrahepatic));
    }

    public static void Record(PatientChecklist c, LiverFunctionAssessed e, Guid eventId)
    {
        Fact<T> F<T>(T value) => new(value, e.AssessedOn, eventId, e.RecordedAt);
        if (e.ChildPugh is { } cp)
        {
            c.ChildPughScore = Facts.Newest(c.ChildPughScore, F(cp.Points));
        }

        if (e.IcgR15Percent is { } icg)
        {
            c.IcgR15Percent = Facts.Newest(c.IcgR15Percent, F(icg));
        }

        if (e.Ecog is { } ecog)
        {
            c.Ecog = Facts.Newest(c.Ecog, F(ecog));
        }

        if (e.FutureLiverRemnantRatio is { } flr)
        {
            c.FlrToSlvRatio = Facts.Newest(c.FlrToSlvRatio, F(flr));
        }

        if (e.ImmuneHepatitisExcluded is { } excluded)
        {
            c.ImmuneHepatitisExcluded = Facts.Newest(c.ImmuneHepatitisExcluded, F(excluded));
        }
    }

    public static void Record(PatientChecklist c, ResponseAssessed e, Guid eventId)
    {
        if (e.IsBaseline || Withdrawn(c.WithdrawnResponses, e.StudyId, e.AssessedAt))
        {
            return;
        }

        var fact = new ResponseFact(e.StudyId, eventId, e.StudyOn, e.Recist.Category, e.Mrecist.Category,
            e.Recist.BestOverallResponse, e.Mrecist.BestOverallResponse, e.ExtrahepaticStatus, e.AssessedAt);
        var existing = c.Responses.FindIndex(r => r.StudyId == e.StudyId);
        if (existing < 0)
        {
            c.Responses.Add(fact);
        }
        else if (fact.AssessedAt > c.Responses[existing].AssessedAt)
        {
            c.Responses[existing] = fact;
        }

        // SURG-READY (5): the radiologist's reading of extrahepatic disease on the latest study.
        var present = e.ExtrahepaticStatus != ExtrahepaticStatuses.None;
        c.ExtrahepaticDisease = Facts.Newest(c.ExtrahepaticDisease, new Fact<bool>(present, e.StudyOn, eventId, e.AssessedAt));
    }

    public static void Record(PatientChecklist c, AdverseEventReported e, Guid eventId)
    {
        var ae = AdverseEvent(c, e.AdverseEventId);
        ae.Reported = true;
        ae.Term = e.CtcaeTerm;
        ae.TreatmentRelated = e.TreatmentRelated;
        ae.SuspectedDrugs = [.. e.SuspectedDrugs];
        AddGrading(ae, new GradingFact(e.OnsetOn, e.Grade, eventId, e.ReportedAt));
    }

    public static void Record(PatientChecklist c, AdverseEventGradeChanged e, Guid eventId) =>
        AddGrading(AdverseEvent(c, e.AdverseEventId), new GradingFact(e.ChangedOn, e.Grade, eventId, e.RecordedAt));

    public static void Record(PatientChecklist c, AdverseEventResolved e, Guid eventId) =>
        AddGrading(AdverseEvent(c, e.AdverseEventId), new GradingFact(e.ResolvedOn, e.ResidualGrade, eventId, e.RecordedAt));

    public static void Record(PatientChecklist c, ClinicalCompleteResponseConfirmed e, Guid eventId) =>
        c.ClinicalCompleteResponse = Facts.Newest(c.ClinicalCompleteResponse, new Fact<bool>(true, e.ConfirmedOn, eventId, e.RecordedAt));

    public static void Record(PatientChecklist c, ClinicalCompleteResponseLost e, Guid eventId) =>
        c.ClinicalCompleteResponse = Facts.Newest(c.ClinicalCompleteResponse, new Fact<bool>(false, e.LostOn, eventId, e.RecordedAt));

    /// <summary>PATH-CORRECT: the study's response no longer holds; readiness is evaluated without it.</summary>
    public static void Record(PatientChecklist c, ResponseWithdrawn e, Guid eventId)
    {
        Withdraw(c.WithdrawnResponses, e.StudyId, e.WithdrawnAt);
        c.Responses.RemoveAll(r => r.StudyId == e.StudyId && r.AssessedAt <= e.WithdrawnAt);
    }

    /// <summary>PATH-CORRECT: FAIL-1 no longer rests on the study's progression.</summary>
    public static void Record(PatientChecklist c, ProgressionWithdrawn e, Guid eventId)
    {
        Withdraw(c.WithdrawnProgressions, e.StudyId, e.WithdrawnAt);
        c.Progressions.RemoveAll(p => p.StudyId == e.StudyId);
    }

    public static void Record(PatientChecklist c, ProgressionDetected e, Guid eventId)
    {
        if (!Withdrawn(c.WithdrawnProgressions, e.StudyId, e.DetectedAt) && c.Progressions.All(p => p.StudyId != e.StudyId))
        {
            c.Progressions.Add(new ProgressionFact(e.StudyId, eventId, e.StudyOn, e.Pattern, e.FailureRuleId));
        }
    }

    public static void Record(PatientChecklist c, TumourMarkersRecorded e, Guid eventId)
    {
        if (c.Markers.Any(m => m.SampleId == e.SampleId))
        {
            return;
        }

        decimal? Value(string marker) => e.Markers.FirstOrDefault(m => m.Marker == marker)?.Value;
        c.Markers.Add(new MarkerFact(e.SampleId, eventId, e.SampledOn, Value(TumourMarkers.Afp), Value(TumourMarkers.Dcp)));
    }

    public static void Record(PatientChecklist c, LenvatinibStarted e, Guid eventId)
    {
        var started = new Fact<DateOnly>(e.StartedOn, e.StartedOn, eventId, e.RecordedAt);
        c.LenvatinibLastStartedOn = Facts.Newest(c.LenvatinibLastStartedOn, started);

        // The conversion regimen starts with lenvatinib; an adjuvant restart (ADJ-LEN-*) is not a treatment start.
        if (!e.ItemId.StartsWith("ADJ", StringComparison.OrdinalIgnoreCase)
            && (c.TreatmentStartedOn is null || e.StartedOn < c.TreatmentStartedOn.Value))
        {
            c.TreatmentStartedOn = started;
        }
    }

    public static void Record(PatientChecklist c, LenvatinibStopped e, Guid eventId) =>
        c.LenvatinibLastDoseOn = Facts.Newest(c.LenvatinibLastDoseOn, new Fact<DateOnly>(e.LastDoseOn, e.LastDoseOn, eventId, e.RecordedAt));

    public static void Record(PatientChecklist c, TacePerformed e, Guid eventId) =>
        c.LastTaceOn = Facts.Newest(c.LastTaceOn, new Fact<DateOnly>(e.PerformedOn, e.PerformedOn, eventId, e.RecordedAt));

    public static void Record(PatientChecklist c, CamrelizumabAdministered e, Guid eventId) =>
        c.LastCamrelizumabOn = Facts.Newest(c.LastCamrelizumabOn, new Fact<DateOnly>(e.AdministeredOn, e.AdministeredOn, eventId, e.RecordedAt));

    public static void Record(PatientChecklist c, TreatmentHeld e, Guid eventId)
    {
        if (c.Holds.All(h => h.HoldId != e.HoldId))
        {
            c.Holds.Add(new HoldFact(e.HoldId, e.Drug, e.HeldFrom, eventId));
        }
    }

    public static void Record(PatientChecklist c, TreatmentResumed e, Guid eventId) =>
        c.ResumedHoldIds = [.. c.ResumedHoldIds.Union(e.HoldIds)];

    public static void Record(PatientChecklist c, PathwayExited e, Guid eventId) =>
        c.Exit ??= new ExitFact(e.Reason, e.ExitedOn, eventId);

    /// <summary>
    /// Records an event of another service read from the pathway stream, as its message would; false for the many
    /// types the checklist does not keep (surgery planning's own events are applied when they are appended).
    /// </summary>
    public static bool RecordUpstream(PatientChecklist c, object e, Guid eventId)
    {
        switch (e)
        {
            case PatientEnrolled x: Record(c, x, eventId); return true;
            case BaselineAssessed x: Record(c, x, eventId); return true;
            case LiverFunctionAssessed x: Record(c, x, eventId); return true;
            case ResponseAssessed x: Record(c, x, eventId); return true;
            case AdverseEventReported x: Record(c, x, eventId); return true;
            case AdverseEventGradeChanged x: Record(c, x, eventId); return true;
            case AdverseEventResolved x: Record(c, x, eventId); return true;
            case ClinicalCompleteResponseConfirmed x: Record(c, x, eventId); return true;
            case ClinicalCompleteResponseLost x: Record(c, x, eventId); return true;
            case ProgressionDetected x: Record(c, x, eventId); return true;
            case ResponseWithdrawn x: Record(c, x, eventId); return true;
            case ProgressionWithdrawn x: Record(c, x, eventId); return true;
            case TumourMarkersRecorded x: Record(c, x, eventId); return true;
            case LenvatinibStarted x: Record(c, x, eventId); return true;
            case LenvatinibStopped x: Record(c, x, eventId); return true;
            case TacePerformed x: Record(c, x, eventId); return true;
            case CamrelizumabAdministered x: Record(c, x, eventId); return true;
            case TreatmentHeld x: Record(c, x, eventId); return true;
            case TreatmentResumed x: Record(c, x, eventId); return true;
            case PathwayExited x: Record(c, x, eventId); return true;
            default: return false;
        }
    }

    // A withdrawal may arrive before the assessment it withdraws (messages of one pathway can be redelivered late).
    private static void Withdraw(Dictionary<Guid, DateTimeOffset> withdrawn, Guid studyId, DateTimeOffset at) =>
        withdrawn[studyId] = withdrawn.TryGetValue(studyId, out var earlier) && earlier > at ? earlier : at;

    private static bool Withdrawn(Dictionary<Guid, DateTimeOffset> withdrawn, Guid studyId, DateTimeOffset assessedAt) =>
        withdrawn.TryGetValue(studyId, out var at) && assessedAt <= at;

    public static IEnumerable<HoldFact> ActiveHolds(PatientChecklist c) => c.Holds.Where(h => !c.ResumedHoldIds.Contains(h.HoldId));

    public static bool IsOnHold(PatientChecklist c, string drug) => ActiveHolds(c).Any(h => h.Drug == drug);

    private static AdverseEventFact AdverseEvent(PatientChecklist c, Guid id)
    {
        var ae = c.AdverseEvents.FirstOrDefault(a => a.AdverseEventId == id);
        if (ae is null)
        {
            ae = new AdverseEventFact { AdverseEventId = id };
            c.AdverseEvents.Add(ae);
        }

        return ae;
    }

    // One grading per clinical date: of two gradings on one day the later-recorded one holds (RESP-AE gradings are
    // strictly ordered by date). The same event delivered twice is one grading.
    private static void AddGrading(AdverseEventFact ae, GradingFact grading)
    {
        var sameDay = ae.Gradings.FindIndex(g => g.On == grading.On);
        if (sameDay < 0)
        {
            ae.Gradings.Add(grading);
        }
        else if (grading.RecordedAt > ae.Gradings[sameDay].RecordedAt)
        {
            ae.Gradings[sameDay] = grading;
        }

        ae.Gradings.Sort((a, b) => a.On.CompareTo(b.On));
    }
}
