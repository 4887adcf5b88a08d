using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Clinical.Units;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.SurgeryPlanning.Facts;

namespace HccPathway.SurgeryPlanning.Readiness;

/// <summary>
/// From the checklist's facts to the clinical library's SURG-READY inputs. Facts dated after the evaluation date are
/// left out (they count from their date), and assessments before the treatment start are not on-treatment.
/// </summary>
public static class ReadinessInputsMapping
{
    public static ReadinessInputs ToInputs(PatientChecklist c, DateOnly today, DateOnly treatmentStart) => new()
    {
        TreatmentStart = treatmentStart,
        MrecistAssessments = c.Responses
            .Where(r => r.StudyOn <= today && r.StudyOn >= treatmentStart && ToCategory(r.MrecistCategory) is not null)
            .OrderBy(r => r.StudyOn)
            .Select(r => new Evidenced<ResponseCategory>(ToCategory(r.MrecistCategory)!.Value, Ref(r.EventId, r.StudyOn)))
            .ToArray(),
        R0ResectionFeasible = Current(c.R0ResectionFeasible, today),
        FlrToSlvRatio = Current(c.FlrToSlvRatio, today),
        ChildPughScore = Current(c.ChildPughScore, today),
        IcgR15 = Current(c.IcgR15Percent, today) is { } icg
            ? new Evidenced<IcgR15Percent>(IcgR15Percent.FromPercent(icg.Value), icg.Evidence)
            : null,
        Ecog = Current(c.Ecog, today),
        ExtrahepaticDisease = Current(c.ExtrahepaticDisease, today),
        OtherContraindication = Current(c.OtherContraindication, today),
        AdverseEvents = c.AdverseEvents
            .Select(a => ToAdverseEvent(a, today))
            .Where(a => a.Gradings.Count > 0)
            .ToArray(),
    };

    public static ResponseCategory? ToCategory(string? category) => category switch
    {
        ResponseCategories.CompleteResponse => ResponseCategory.CompleteResponse,
        ResponseCategories.PartialResponse => ResponseCategory.PartialResponse,
        ResponseCategories.StableDisease => ResponseCategory.StableDisease,
        ResponseCategories.ProgressiveDisease => ResponseCategory.ProgressiveDisease,
        ResponseCategories.NotEvaluable => ResponseCategory.NotEvaluable,
        _ => null,
    };

    public static RegimenComponent? ToComponent(string drug) => drug switch
    {
        Drugs.Lenvatinib => RegimenComponent.Lenvatinib,
        Drugs.Tace => RegimenComponent.Tace,
        Drugs.Camrelizumab => RegimenComponent.Camrelizumab,
        _ => null,
    };

    public static EvidenceRef Ref(Guid eventId, DateOnly on) => new(eventId.ToString(), on);

    private static Evidenced<T>? Current<T>(Fact<T>? fact, DateOnly today) =>
        fact is { } f && f.On <= today ? new Evidenced<T>(f.Value, Ref(f.EventId, f.On)) : null;

    private static AdverseEvent ToAdverseEvent(AdverseEventFact a, DateOnly today) => new(
        a.AdverseEventId.ToString(),
        a.Term,
        a.TreatmentRelated,
        a.SuspectedDrugs.Select(ToComponent).OfType<RegimenComponent>().ToArray(),
        a.Gradings
            .Where(g => g.On <= today)
            .OrderBy(g => g.On)
            .Select(g => new AdverseEventGrading(g.On, Math.Clamp(g.Grade, 0, 5), g.EventId.ToString()))
            .ToArray());
}
