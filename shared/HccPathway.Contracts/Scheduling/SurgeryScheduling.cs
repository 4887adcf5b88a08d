namespace HccPathway.Contracts.Scheduling;

/// <summary>
/// SURG-WASH: the washout before a hepatectomy the MDT decided (<see cref="MdtDecisionId"/>) for
/// <see cref="IntendedSurgeryOn"/>. Each drug class gets its last exposure (actual so far), the planned last dose under
/// this plan, its washout and the earliest surgery date it allows. <see cref="EarliestSafeSurgeryOn"/> is the latest of
/// those and <see cref="EvaluatedOn"/>; <see cref="IntendedDateIsSafe"/> compares it with the intended date. Planned items
/// that would break the washout are cancelled in the same append.
/// </summary>
public sealed record WashoutPlanned(
    Guid PathwayId,
    Guid MdtDecisionId,
    DateOnly IntendedSurgeryOn,
    DateOnly EvaluatedOn,
    IReadOnlyList<WashoutStop> Stops,
    DateOnly EarliestSafeSurgeryOn,
    bool IntendedDateIsSafe,
    bool ImmuneHepatitisExclusionRequired,
    IReadOnlyList<string> OutstandingPrerequisites,
    string RuleSetVersion,
    DateTimeOffset PlannedAt);

/// <param name="DrugClass">One of <see cref="DrugClasses"/>.</param>
/// <param name="Drug">One of <see cref="Drugs"/>.</param>
/// <param name="LastExposureOn">Last actual dose or session so far; null if never given.</param>
/// <param name="LastPlannedExposureOn">Last dose or session under this plan (the stop date for a continuing drug).</param>
/// <param name="WashoutDays">Days from the last exposure to surgery (configurable per class).</param>
/// <param name="EarliestSurgeryOn">Last planned exposure plus the washout.</param>
public sealed record WashoutStop(
    string DrugClass,
    string Drug,
    DateOnly? LastExposureOn,
    DateOnly LastPlannedExposureOn,
    int WashoutDays,
    DateOnly EarliestSurgeryOn,
    string Note);

/// <summary>
/// SURG-ADJ: adjuvant therapy planned as the surgery-planning service decided it (from <see cref="StartOn"/> for
/// <see cref="DurationMonths"/>). Its items follow as <see cref="TherapyItemPlanned"/> with phase "adjuvant"; any
/// conversion item still outstanding is cancelled in the same append.
/// </summary>
public sealed record AdjuvantTherapyPlanned(
    Guid PathwayId,
    Guid DecisionEventId,
    DateOnly SurgeryOn,
    DateOnly StartOn,
    DateOnly EndOn,
    int DurationMonths,
    IReadOnlyList<string> Drugs,
    IReadOnlyList<string> ItemIds,
    string RuleSetVersion,
    DateTimeOffset PlannedAt);
