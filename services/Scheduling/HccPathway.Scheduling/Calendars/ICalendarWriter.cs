using System.Globalization;
using HccPathway.Contracts.Scheduling;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace HccPathway.Scheduling.Calendars;

/// <summary>
/// The iCalendar (RFC 5545) feed for calendar clients, written with Ical.Net (which folds lines and escapes TEXT). One
/// VEVENT per item. The UID is stable per pathway and item, and SEQUENCE is the item's revision, so a subscribed client
/// updates an event instead of duplicating it. No patient identifiers: the pathway id is the only reference.
/// </summary>
/// <remarks>
/// Every entry is all-day (DTSTART;VALUE=DATE): a plan item carries a date and no time of day (<see cref="CalendarRow"/>),
/// and a time is never invented. A timed DTSTART belongs here once a row carries a booked time; none does yet, including
/// labs, MDT reviews, follow-up imaging, surveillance and the end of adjuvant therapy (their events carry dates only).
/// </remarks>
public static class ICalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string calendarName, IEnumerable<CalendarRow> rows, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//HccPathway//Scheduling//EN", Method = "PUBLISH", Scale = "GREGORIAN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        var stamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId);
        foreach (var row in rows)
        {
            calendar.Events.Add(Event(row, stamp));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(CalendarRow row, CalDateTime stamp)
    {
        var entry = new CalendarEvent
        {
            Uid = $"{row.PathwayId:D}-{row.ItemId}@hccpathway",
            DtStamp = stamp,
            DtStart = new CalDateTime(row.Date),
            DtEnd = new CalDateTime(row.Date.AddDays(1)),
            Summary = Summary(row),
            Description = Description(row),
            // A skipped item will not happen either: calendar clients drop both.
            Status = row.Status is ItemStatuses.Cancelled or ItemStatuses.Skipped ? EventStatus.Cancelled : EventStatus.Confirmed,
            Sequence = row.Revision,
            Transparency = TransparencyType.Transparent,
        };
        entry.Categories.Add(row.ItemType);
        return entry;
    }

    public static string Summary(CalendarRow row)
    {
        var what = row.ItemType switch
        {
            TherapyItemTypes.LenvatinibStart => $"Start lenvatinib {Dose(row.DoseMg)} daily",
            TherapyItemTypes.LenvatinibStop => "Last lenvatinib dose before surgery",
            TherapyItemTypes.Tace => $"TACE session {row.Sequence}",
            TherapyItemTypes.ResponseImaging => $"Response imaging (CT/MRI, mRECIST) {row.Sequence}",
            TherapyItemTypes.PreDoseLabs => $"Pre-dose labs (blood count, liver, thyroid) before {Preceded(row.ItemId)}",
            TherapyItemTypes.MdtReview => $"MDT review of response assessment {row.Sequence}",
            TherapyItemTypes.FollowUpImaging => $"Follow-up imaging {row.Sequence}",
            TherapyItemTypes.Surveillance => $"Surveillance imaging and tumour markers {row.Sequence}",
            TherapyItemTypes.AdjuvantEnd => "End of adjuvant therapy",
            TherapyItemTypes.Resection => $"Resection ({row.Route})",
            _ => $"Camrelizumab {Dose(row.DoseMg)} IV, dose {row.Sequence}",
        };
        var prefix = row.Status switch
        {
            ItemStatuses.Held => "HELD: ",
            ItemStatuses.Cancelled => "CANCELLED: ",
            ItemStatuses.Skipped => "SKIPPED: ",
            ItemStatuses.Overdue => "OVERDUE: ",
            _ => "",
        };
        return $"{prefix}{what} ({row.ItemId})";
    }

    private static string Description(CalendarRow row)
    {
        var lines = new List<string> { $"Pathway {row.PathwayId:D}", $"Item {row.ItemId} ({row.Phase}), rule {row.RuleId}", $"Status: {row.Status}" };
        if (row.ActualOn is { } actual)
        {
            lines.Add($"Done on {actual:yyyy-MM-dd}, planned {row.DueOn:yyyy-MM-dd}");
        }

        if (row.MissedReason is { } missed)
        {
            lines.Add("Missed: " + missed);
        }

        if (row.SkippedReason is { } skipped)
        {
            lines.Add("Skipped: " + skipped);
        }

        if (row.CancelledReason is { } cancelled)
        {
            lines.Add("Cancelled: " + cancelled);
        }

        return string.Join("\n", lines);
    }

    private static string Preceded(string labsItemId) =>
        labsItemId.StartsWith(TherapyPlans.PlanIds.PreDoseLabsPrefix, StringComparison.Ordinal) ? labsItemId[TherapyPlans.PlanIds.PreDoseLabsPrefix.Length..] : labsItemId;

    private static string Dose(decimal? mg) => mg is { } value ? value.ToString("0.##", CultureInfo.InvariantCulture) + " mg" : "";
}
