using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.EventStore;
using JasperFx.Events;

namespace HccPathway.Assessment.Pathways;

/// <summary>The enrolment that makes a pathway assessable: its date and the intake event that recorded it.</summary>
public sealed record Enrolment(DateOnly EnrolledOn, Guid EventId);

/// <summary>RESP-CCR (4): the date from which (1)–(3) held and the stability period counted from it.</summary>
public sealed record CcrStabilityStart(DateOnly ConditionsMetSince, int StabilityMonths);

/// <summary>A marker value that later values of the same marker are compared with (SCORE-AFPR, RESP-CCR (2)).</summary>
public sealed record MarkerBaseline(decimal Value, DateOnly MeasuredOn, Guid SourceEventId);

/// <summary>
/// An adverse event as Assessment needs it to decide the next grading or a correction of its report. The grade at onset
/// and the worst later grade are kept apart, so a corrected onset grade changes the worst grade as it should.
/// </summary>
public sealed record AdverseEventState(
    Guid Id, int Grade, int OnsetGrade, DateOnly OnsetOn, int LaterMaxGrade, DateOnly? FirstRegradedOn, DateOnly LastGradedOn, bool Resolved)
{
    public int MaxGrade => Math.Max(OnsetGrade, LaterMaxGrade);

    public bool Regraded => FirstRegradedOn is not null;
}

/// <summary>
/// What Assessment needs to decide, rebuilt from the pathway stream. Of Intake's events it keeps the referral date,
/// the latest baseline (markers, height and weight) and the enrolment; everything else of other services is ignored.
/// </summary>
public sealed record AssessmentPathway : IExitablePathway
{
    public required Guid Id { get; init; }

    public DateOnly ReferralDate { get; init; }

    public IEvent<BaselineAssessed>? IntakeBaseline { get; init; }

    public Enrolment? Enrolment { get; init; }

    public bool Started { get; init; }

    public MarkerBaseline? AfpBaseline { get; init; }

    public MarkerBaseline? DcpBaseline { get; init; }

    /// <summary>
    /// Every study that counts, in recording (and so date) order, with its corrections applied; a study entered in error
    /// is left out.
    /// </summary>
    public IReadOnlyList<ImagingStudyRecorded> Studies { get; init; } = [];

    /// <summary>Every study id ever recorded, entered in error or not: an id is never reused.</summary>
    public IReadOnlyList<Guid> StudyIds { get; init; } = [];

    public IReadOnlyList<Guid> StudiesEnteredInError { get; init; } = [];

    /// <summary>The current response of each study; a re-assessment replaces it, a withdrawal removes it.</summary>
    public IReadOnlyDictionary<Guid, ResponseAssessed> Responses { get; init; } = new Dictionary<Guid, ResponseAssessed>();

    /// <summary>The progression each progressing study currently shows (RESP-PROG).</summary>
    public IReadOnlyDictionary<Guid, ProgressionDetected> Progressions { get; init; } = new Dictionary<Guid, ProgressionDetected>();

    /// <summary>The current baseline study and the studies since (a study marked baseline starts a new series).</summary>
    public IReadOnlyList<ImagingStudyRecorded> Series => Studies.Skip(LastBaselineIndex(Studies)).ToArray();

    /// <summary>The response of every study of <see cref="Series"/>, in order.</summary>
    public IReadOnlyList<ResponseAssessed> Assessments =>
        Series.Where(s => Responses.ContainsKey(s.StudyId)).Select(s => Responses[s.StudyId]).ToArray();

    public DateOnly? LatestStudyOn => Studies.Count > 0 ? Studies[^1].StudyOn : null;

    public IReadOnlyList<string> NewLesionIds => Studies.SelectMany(s => s.NewLesions.Select(l => l.LesionId)).ToArray();

    /// <summary>The samples that count, as corrected; one entered in error is left out.</summary>
    public IReadOnlyList<TumourMarkersRecorded> Samples { get; init; } = [];

    public IReadOnlyList<Guid> SamplesEnteredInError { get; init; } = [];

    /// <summary>The cCR currently held; null when never confirmed or lost since.</summary>
    public ClinicalCompleteResponseConfirmed? Ccr { get; init; }

    /// <summary>
    /// RESP-CCR (4): the start dates (with their period) whose stability period was recorded as reached; each is
    /// recorded once.
    /// </summary>
    public IReadOnlyList<CcrStabilityStart> CcrStabilityReached { get; init; } = [];

    /// <summary>The adverse events that count; one entered in error is left out.</summary>
    public IReadOnlyDictionary<Guid, AdverseEventState> AdverseEvents { get; init; } = new Dictionary<Guid, AdverseEventState>();

    public IReadOnlyList<Guid> AdverseEventsEnteredInError { get; init; } = [];

    /// <summary>Every liver function assessment id ever recorded, entered in error or not: an id is never reused.</summary>
    public IReadOnlyList<Guid> LiverFunctionIds { get; init; } = [];

    public IReadOnlyList<Guid> LiverFunctionEnteredInError { get; init; } = [];

    /// <summary>How the patient left the pathway; every later command is refused (PATHWAY-EXITED).</summary>
    public PathwayExited? Exit { get; init; }

    public ImagingStudyRecorded? Baseline => Series.FirstOrDefault(s => s.IsBaseline);

    public static AssessmentPathway Create(PatientRegistered e) => new() { Id = e.PathwayId, ReferralDate = e.ReferralDate };

    public AssessmentPathway Apply(IEvent<BaselineAssessed> e) => this with { IntakeBaseline = e };

    public AssessmentPathway Apply(IEvent<PatientEnrolled> e) => this with { Enrolment = new Enrolment(e.Data.EnrolledOn, e.Id) };

    public AssessmentPathway Apply(PathwayExited e) => this with { Exit = e };

    public AssessmentPathway Apply(ResponseAssessmentStarted e) => this with
    {
        Started = true,
        Enrolment = Enrolment ?? new Enrolment(e.EnrolledOn, e.EnrolmentEventId),
        AfpBaseline = e.BaselineMarkers is { } b ? new MarkerBaseline(b.AfpNanogramsPerMillilitre, b.MeasuredOn, b.SourceEventId) : null,
        DcpBaseline = e.BaselineMarkers is { DcpMilliUnitsPerMillilitre: { } dcp } d ? new MarkerBaseline(dcp, d.MeasuredOn, d.SourceEventId) : null,
    };

    public AssessmentPathway Apply(ImagingStudyRecorded e) => this with { Studies = [.. Studies, e], StudyIds = [.. StudyIds, e.StudyId] };

    // The corrected values replace the study's where it stands: its id, place and baseline flag are kept.
    public AssessmentPathway Apply(ImagingStudyCorrected e) => this with
    {
        Studies = Studies.Select(s => s.StudyId != e.StudyId ? s : s with
        {
            StudyOn = e.StudyOn,
            Modality = e.Modality,
            TargetLesions = e.TargetLesions,
            NonTargetStatus = e.NonTargetStatus,
            NewLesions = e.NewLesions,
            ExtrahepaticStatus = e.ExtrahepaticStatus,
        }).ToArray(),
    };

    public AssessmentPathway Apply(ImagingStudyEnteredInError e) => this with
    {
        Studies = Studies.Where(s => s.StudyId != e.StudyId).ToArray(),
        StudiesEnteredInError = [.. StudiesEnteredInError, e.StudyId],
    };

    public AssessmentPathway Apply(ResponseAssessed e) => this with
    {
        Responses = new Dictionary<Guid, ResponseAssessed>(Responses) { [e.StudyId] = e },
    };

    public AssessmentPathway Apply(ResponseWithdrawn e) => this with
    {
        Responses = Responses.Where(r => r.Key != e.StudyId).ToDictionary(),
    };

    public AssessmentPathway Apply(ProgressionDetected e) => this with
    {
        Progressions = new Dictionary<Guid, ProgressionDetected>(Progressions) { [e.StudyId] = e },
    };

    public AssessmentPathway Apply(ProgressionWithdrawn e) => this with
    {
        Progressions = Progressions.Where(p => p.Key != e.StudyId).ToDictionary(),
    };

    // Without an intake baseline, the first value of a marker is the one later values are compared with.
    public AssessmentPathway Apply(TumourMarkersRecorded e) => this with
    {
        Samples = [.. Samples, e],
        AfpBaseline = AfpBaseline ?? FirstValue(e, TumourMarkers.Afp),
        DcpBaseline = DcpBaseline ?? FirstValue(e, TumourMarkers.Dcp),
    };

    // A corrected sample that was a marker's first value stays that marker's baseline, with its corrected value.
    public AssessmentPathway Apply(TumourMarkersCorrected e) => this with
    {
        Samples = Samples.Select(s => s.SampleId == e.SampleId ? e.Corrected : s).ToArray(),
        AfpBaseline = AfpBaseline?.SourceEventId == e.SampleId ? FirstValue(e.Corrected, TumourMarkers.Afp) : AfpBaseline,
        DcpBaseline = DcpBaseline?.SourceEventId == e.SampleId ? FirstValue(e.Corrected, TumourMarkers.Dcp) : DcpBaseline,
    };

    public AssessmentPathway Apply(TumourMarkersEnteredInError e) => this with
    {
        Samples = Samples.Where(s => s.SampleId != e.SampleId).ToArray(),
        SamplesEnteredInError = [.. SamplesEnteredInError, e.SampleId],
        AfpBaseline = AfpBaseline?.SourceEventId == e.SampleId ? null : AfpBaseline,
        DcpBaseline = DcpBaseline?.SourceEventId == e.SampleId ? null : DcpBaseline,
    };

    public AssessmentPathway Apply(LiverFunctionEnteredInError e) => this with { LiverFunctionEnteredInError = [.. LiverFunctionEnteredInError, e.AssessmentId] };

    public AssessmentPathway Apply(ClinicalCompleteResponseConfirmed e) => this with { Ccr = e };

    public AssessmentPathway Apply(ClinicalCompleteResponseLost e) => this with { Ccr = null };

    public AssessmentPathway Apply(CcrStabilityPeriodReached e) =>
        this with { CcrStabilityReached = [.. CcrStabilityReached, new CcrStabilityStart(e.ConditionsMetSince, e.StabilityMonths)] };

    public AssessmentPathway Apply(LiverFunctionAssessed e) => this with { LiverFunctionIds = [.. LiverFunctionIds, e.AssessmentId] };

    public AssessmentPathway Apply(AdverseEventReported e) =>
        WithAdverseEvent(new AdverseEventState(e.AdverseEventId, e.Grade, e.Grade, e.OnsetOn, 0, null, e.OnsetOn, false));

    public AssessmentPathway Apply(AdverseEventGradeChanged e) => AdverseEvents.TryGetValue(e.AdverseEventId, out var ae)
        ? WithAdverseEvent(ae with
        {
            Grade = e.Grade, LaterMaxGrade = Math.Max(ae.LaterMaxGrade, e.Grade), FirstRegradedOn = ae.FirstRegradedOn ?? e.ChangedOn, LastGradedOn = e.ChangedOn,
        })
        : this;

    public AssessmentPathway Apply(AdverseEventResolved e) => AdverseEvents.TryGetValue(e.AdverseEventId, out var ae)
        ? WithAdverseEvent(ae with
        {
            Grade = e.ResidualGrade, FirstRegradedOn = ae.FirstRegradedOn ?? e.ResolvedOn, LastGradedOn = e.ResolvedOn, Resolved = true,
        })
        : this;

    public AssessmentPathway Apply(AdverseEventCorrected e) => AdverseEvents.TryGetValue(e.AdverseEventId, out var ae)
        ? WithAdverseEvent(ae with
        {
            Grade = e.CurrentGrade, OnsetGrade = e.Grade, OnsetOn = e.OnsetOn, LastGradedOn = ae.Regraded ? ae.LastGradedOn : e.OnsetOn,
        })
        : this;

    public AssessmentPathway Apply(AdverseEventEnteredInError e) => this with
    {
        AdverseEvents = AdverseEvents.Where(a => a.Key != e.AdverseEventId).ToDictionary(),
        AdverseEventsEnteredInError = [.. AdverseEventsEnteredInError, e.AdverseEventId],
    };

    private AssessmentPathway WithAdverseEvent(AdverseEventState ae) =>
        this with { AdverseEvents = new Dictionary<Guid, AdverseEventState>(AdverseEvents) { [ae.Id] = ae } };

    private static int LastBaselineIndex(IReadOnlyList<ImagingStudyRecorded> studies)
    {
        for (var i = studies.Count - 1; i >= 0; i--)
        {
            if (studies[i].IsBaseline)
            {
                return i;
            }
        }

        return 0;
    }

    private static MarkerBaseline? FirstValue(TumourMarkersRecorded e, string marker) =>
        e.Markers.FirstOrDefault(m => m.Marker == marker) is { } m ? new MarkerBaseline(m.Value, e.SampledOn, e.SampleId) : null;
}
