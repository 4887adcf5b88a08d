namespace HccPathway.Contracts.Scheduling;

/// <summary>What kind of step a planned therapy item is. Worklists filter on it.</summary>
public static class TherapyItemTypes
{
    /// <summary>The first day of oral lenvatinib (SCHED-LEN); daily intake follows until stopped or held.</summary>
    public const string LenvatinibStart = "lenvatinib-start";

    /// <summary>The last day lenvatinib may be taken before surgery (SURG-WASH).</summary>
    public const string LenvatinibStop = "lenvatinib-stop";

    /// <summary>A TACE session (SCHED-TACE).</summary>
    public const string Tace = "tace";

    /// <summary>One camrelizumab infusion (SCHED-CAM, or SURG-ADJ after surgery).</summary>
    public const string Camrelizumab = "camrelizumab";

    /// <summary>
    /// A response imaging study during conversion (SCHED-IMG: CT or MRI, read with mRECIST), every
    /// <c>ResponseImagingIntervalWeeks</c> from the regimen start. It gives no drug: its <c>Drug</c> is empty.
    /// </summary>
    public const string ResponseImaging = "response-imaging";

    /// <summary>Blood count, liver and thyroid function before a camrelizumab dose or a TACE session (SCHED-LAB). No drug.</summary>
    public const string PreDoseLabs = "pre-dose-labs";

    /// <summary>The MDT review that follows each response assessment (SCHED-MDT). No drug.</summary>
    public const string MdtReview = "mdt-review";

    /// <summary>The booked hepatectomy (SURG-WASH: every washout is judged for this date). No drug.</summary>
    public const string Resection = "resection";

    /// <summary>Imaging every 4–6 weeks after conversion failure (SCHED-FU). No drug.</summary>
    public const string FollowUpImaging = "follow-up-imaging";

    /// <summary>
    /// Imaging and tumour markers during watch-and-wait after a cCR, or for recurrence after resection (SCHED-SURV). No drug.
    /// </summary>
    public const string Surveillance = "surveillance";

    /// <summary>The last day of the adjuvant course (SURG-ADJ). No drug.</summary>
    public const string AdjuvantEnd = "adjuvant-end";

    public static IReadOnlyList<string> All { get; } =
    [
        LenvatinibStart, LenvatinibStop, Tace, Camrelizumab, ResponseImaging, PreDoseLabs, MdtReview, Resection,
        FollowUpImaging, Surveillance, AdjuvantEnd,
    ];
}

/// <summary>Which part of the pathway a planned item belongs to.</summary>
public static class TherapyPhases
{
    public const string Conversion = "conversion";
    public const string Washout = "washout";
    public const string Adjuvant = "adjuvant";

    /// <summary>Follow-up after conversion failure (SCHED-FU) and watch-and-wait or post-resection surveillance (SCHED-SURV).</summary>
    public const string FollowUp = "follow-up";
}

/// <summary>Why a planned item moved (<see cref="TherapyItemRescheduled.Cause"/>).</summary>
public static class RescheduleCauses
{
    /// <summary>The coordinator changed the regimen's start date before it started.</summary>
    public const string StartChanged = "start-changed";

    /// <summary>The item itself was delayed, with a reason.</summary>
    public const string Delayed = "delayed";

    /// <summary>An earlier item happened (or was delayed) on another date and this one moved with it (SCHED-CAM cascade).</summary>
    public const string Cascade = "cascade";

    /// <summary>
    /// The coordinator moved the item to a date of their choosing, earlier or later, with a reason (SCHED-SKIP). The item
    /// is then fixed to that date: it no longer follows the item before it, and the items after it cascade from it.
    /// </summary>
    public const string Rescheduled = "rescheduled";
}

/// <summary>SURG-WASH drug classes as messages name them.</summary>
public static class DrugClasses
{
    public const string AntiAngiogenicAntibody = "anti-angiogenic-antibody";
    public const string Tace = "tace";
    public const string SmallMoleculeTki = "small-molecule-tki";
    public const string ImmuneCheckpointInhibitor = "immune-checkpoint-inhibitor";
}
