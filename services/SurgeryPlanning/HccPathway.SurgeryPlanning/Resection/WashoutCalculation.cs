using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Readiness;

namespace HccPathway.SurgeryPlanning.Resection;

/// <summary>
/// SURG-WASH from the therapy history in the checklist: the last TACE session, the last camrelizumab dose (ICI, with the
/// immune-hepatitis check) and lenvatinib (TKI: its last dose when stopped or held; still taken, the evaluation date
/// stands in for the last dose). The LEN-TAP regimen has no anti-angiogenic antibody, so that class never appears.
/// </summary>
public static class WashoutCalculation
{
    private sealed record Exposure(LastExposure Last, string Drug, Guid? EventId, bool Ongoing);

    /// <summary>
    /// SURG-WASH for surgery on <paramref name="surgeryOn"/>: the history as it stood on that date when it is past (a
    /// back-dated outcome), or as known today when it is ahead (a drug still taken counts from today; Scheduling plans
    /// its stop before the booked date).
    /// </summary>
    public static WashoutEvaluation ForSurgeryOn(PatientChecklist c, DateOnly surgeryOn, DateOnly today, ClinicalRuleSet rules) =>
        Evaluate(c, surgeryOn < today ? surgeryOn : today, rules);

    public static WashoutEvaluation Evaluate(PatientChecklist c, DateOnly today, ClinicalRuleSet rules)
    {
        var exposures = Exposures(c, today).Where(x => x.Last.LastDate <= today).ToArray();
        var immuneHepatitis = c.ImmuneHepatitisExcluded is { } ih && ih.On <= today
            ? new Evidenced<bool>(ih.Value, ReadinessInputsMapping.Ref(ih.EventId, ih.On))
            : null;

        // Dates are filtered to today above, so the library's only validation cannot fail.
        var plan = WashoutPlanner.Plan(exposures.Select(x => x.Last).ToArray(), immuneHepatitis, today, rules).Value;
        var classes = plan.Items.Select(item =>
        {
            var exposure = exposures.Where(x => x.Last.Class == item.Class).MaxBy(x => x.Last.LastDate)!;
            return new WashoutClass(ClassName(item.Class), exposure.Drug, item.LastDate, exposure.Ongoing, exposure.EventId,
                item.WashoutDays, item.EarliestDate, exposure.Ongoing ? item.Note + "; not stopped yet: the evaluation date stands in" : item.Note);
        }).ToArray();

        var exclusion = plan.ImmuneHepatitisExclusionRequired && plan.PrerequisitesMet ? c.ImmuneHepatitisExcluded?.EventId : null;
        return new WashoutEvaluation(today, classes, plan.EarliestSafeDate, plan.ImmuneHepatitisExclusionRequired, exclusion, plan.OutstandingPrerequisites);
    }

    private static IEnumerable<Exposure> Exposures(PatientChecklist c, DateOnly today)
    {
        if (c.LastTaceOn is { } tace)
        {
            yield return new Exposure(new LastExposure(TherapyClass.Tace, tace.Value, Drugs.Tace), Drugs.Tace, tace.EventId, false);
        }

        if (c.LastCamrelizumabOn is { } cam)
        {
            yield return new Exposure(new LastExposure(TherapyClass.ImmuneCheckpointInhibitor, cam.Value, Drugs.Camrelizumab), Drugs.Camrelizumab, cam.EventId, false);
        }

        if (c.LenvatinibLastStartedOn is { } started)
        {
            // A stop or hold after the evaluation date had not happened yet on it: the drug was still taken then.
            var stopped = c.LenvatinibLastDoseOn is { } s && s.Value >= started.Value && s.Value <= today ? s : null;
            var hold = FactRecording.ActiveHolds(c)
                .Where(h => h.Drug == Drugs.Lenvatinib && h.HeldFrom >= started.Value && h.HeldFrom <= today).MinBy(h => h.HeldFrom);
            var (last, eventId, ongoing) = stopped is not null ? (stopped.Value, stopped.EventId, false)
                : hold is not null ? (hold.HeldFrom, hold.EventId, false)
                : (today, started.EventId, true);
            yield return new Exposure(new LastExposure(TherapyClass.SmallMoleculeTki, last, Drugs.Lenvatinib), Drugs.Lenvatinib, eventId, ongoing);
        }
    }

    private static string ClassName(TherapyClass c) => c switch
    {
        TherapyClass.AntiAngiogenicAntibody => DrugClasses.AntiAngiogenicAntibody,
        TherapyClass.Tace => DrugClasses.Tace,
        TherapyClass.SmallMoleculeTki => DrugClasses.SmallMoleculeTki,
        _ => DrugClasses.ImmuneCheckpointInhibitor,
    };
}
