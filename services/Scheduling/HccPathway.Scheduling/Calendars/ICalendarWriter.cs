using System.Globalization;
using System.Text;

namespace HccPathway.Scheduling.Calendars;

/// <summary>
/// A minimal RFC 5545 writer for calendar clients: one all-day VEVENT per item, CRLF line ends, lines folded at 75
/// octets without splitting a UTF-8 character, TEXT values escaped. The UID is stable per pathway and item, and
/// SEQUENCE grows with each move, so a subscribed client updates an event instead of duplicating it. No patient
/// identifiers: the pathway id is the only reference.
/// </summary>
public static class ICalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string calendarName, IEnumerable<CalendarRow> rows, DateTimeOffset now)
    {
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//HccPathway//Scheduling//EN");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, "X-WR-CALNAME:" + Text(calendarName));
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var row in rows)
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, $"UID:{row.PathwayId:D}-{row.ItemId}@hccpathway");
            Line(ics, "DTSTAMP:" + stamp);
            Line(ics, "DTSTART;VALUE=DATE:" + Date(row.Date));
            Line(ics, "DTEND;VALUE=DATE:" + Date(row.Date.AddDays(1)));
            Line(ics, "SUMMARY:" + Text(Summary(row)));
            Line(ics, "DESCRIPTION:" + Text(Description(row)));
            Line(ics, "CATEGORIES:" + Text(row.ItemType));
            // A skipped item will not happen either: calendar clients drop both.
            Line(ics, "STATUS:" + (row.Status is ItemStatuses.Cancelled or ItemStatuses.Skipped ? "CANCELLED" : "CONFIRMED"));
            Line(ics, "SEQUENCE:" + row.Revision.ToString(CultureInfo.InvariantCulture));
            Line(ics, "TRANSP:TRANSPARENT");
            Line(ics, "END:VEVENT");
        }

        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    public static string Summary(CalendarRow row)
    {
        var what = row.ItemType switch
        {
            "lenvatinib-start" => $"Start lenvatinib {Dose(row.DoseMg)} daily",
            "lenvatinib-stop" => "Last lenvatinib dose before surgery",
            "tace" => $"TACE session {row.Sequence}",
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

    private static string Dose(decimal? mg) => mg is { } value ? value.ToString("0.##", CultureInfo.InvariantCulture) + " mg" : "";

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT.</summary>
    public static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545 §3.1: lines of at most 75 octets; a continuation line starts with one space.</summary>
    public static void Line(StringBuilder ics, string content)
    {
        var octets = 0;
        var limit = 75;
        var e = StringInfo.GetTextElementEnumerator(content);
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }

            ics.Append(element);
            octets += size;
        }

        ics.Append("\r\n");
    }
}
