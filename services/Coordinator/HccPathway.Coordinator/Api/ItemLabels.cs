using System.Globalization;
using HccPathway.Contracts.Scheduling;

namespace HccPathway.Coordinator.Api;

/// <summary>
/// Readable names for Scheduling's plan items: the type names the worklist filter offers (every
/// <see cref="TherapyItemTypes"/> value) and the label of one row ("Pre-dose labs before CAM-3", "MDT review 2").
/// Items that give no drug have an empty <c>Drug</c>, so a row is never labelled by its drug alone.
/// </summary>
public static class ItemLabels
{
    public static string TypeName(string itemType) => itemType switch
    {
        TherapyItemTypes.LenvatinibStart => "lenvatinib start",
        TherapyItemTypes.LenvatinibStop => "lenvatinib stop",
        TherapyItemTypes.Tace => "TACE",
        TherapyItemTypes.Camrelizumab => "camrelizumab",
        TherapyItemTypes.ResponseImaging => "response imaging",
        TherapyItemTypes.PreDoseLabs => "pre-dose labs",
        TherapyItemTypes.MdtReview => "MDT review",
        TherapyItemTypes.Resection => "resection",
        TherapyItemTypes.FollowUpImaging => "follow-up imaging",
        TherapyItemTypes.Surveillance => "surveillance",
        TherapyItemTypes.AdjuvantEnd => "end of adjuvant therapy",
        _ => itemType,
    };

    public static string Label(CalendarRowView row) => row.ItemType switch
    {
        TherapyItemTypes.LenvatinibStart => "Lenvatinib start",
        TherapyItemTypes.LenvatinibStop => "Lenvatinib stop",
        TherapyItemTypes.Tace => $"TACE {Number(row)}",
        TherapyItemTypes.Camrelizumab => $"Camrelizumab {Number(row)}",
        TherapyItemTypes.ResponseImaging => $"Response imaging {Number(row)}",
        // LAB-CAM-3 precedes CAM-3 (SCHED-LAB).
        TherapyItemTypes.PreDoseLabs => row.ItemId.StartsWith("LAB-", StringComparison.Ordinal) ? $"Pre-dose labs before {row.ItemId[4..]}" : "Pre-dose labs",
        TherapyItemTypes.MdtReview => $"MDT review {Number(row)}",
        TherapyItemTypes.Resection => "Resection",
        TherapyItemTypes.FollowUpImaging => $"Follow-up imaging {Number(row)}",
        TherapyItemTypes.Surveillance => row.ItemId.StartsWith("SURV-WW-", StringComparison.Ordinal)
            ? $"Watch-and-wait surveillance {Number(row)}"
            : $"Recurrence surveillance {Number(row)}",
        TherapyItemTypes.AdjuvantEnd => "End of adjuvant therapy",
        _ => $"{row.Drug} {Number(row)}",
    };

    /// <summary>The overdue date as Scheduling's deadline event recorded it (SCHED-DUE), for the row's status.</summary>
    public static string? OverdueSince(CalendarRowView row) =>
        row.OverdueOn is { } on && row.Outstanding ? "overdue since " + on.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : null;

    private static string Number(CalendarRowView row) => row.Sequence.ToString(CultureInfo.InvariantCulture);
}
