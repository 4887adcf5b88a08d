using System.Text;
using HccPathway.Scheduling.Calendars;

namespace HccPathway.Scheduling.Tests.Calendars;

public sealed class ICalendarWriterTests
{
    private static readonly Guid PathwayId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static CalendarRow Row(string itemId = "CAM-2", string status = ItemStatuses.Upcoming, string? cancelledReason = null, int revision = 0) =>
        new(PathwayId, itemId, "camrelizumab", "camrelizumab", "conversion", 2, new DateOnly(2026, 7, 21), 200m, "IV", "SCHED-CAM",
            status, null, null, false, null, cancelledReason, null, revision);

    [Fact]
    public void Every_line_ends_in_CRLF_and_is_at_most_75_octets()
    {
        var ics = ICalendarWriter.Write("Therapy", [Row(cancelledReason: new string('é', 60) + "; a reason, with commas")], DateTimeOffset.UnixEpoch);

        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));
    }

    [Fact]
    public void Unfolding_restores_the_escaped_text()
    {
        var reason = new string('é', 60) + "; a reason, with commas\\ and a\nnewline";

        var unfolded = ICalendarWriter.Write("Therapy", [Row(status: ItemStatuses.Cancelled, cancelledReason: reason)], DateTimeOffset.UnixEpoch)
            .Replace("\r\n ", "", StringComparison.Ordinal);

        Assert.Contains("Cancelled: " + new string('é', 60) + "\\; a reason\\, with commas\\\\ and a\\nnewline", unfolded, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED\r\n", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_is_an_all_day_event_with_a_stable_uid_and_its_revision_as_sequence()
    {
        var ics = ICalendarWriter.Write("Therapy", [Row(revision: 3)], new DateTimeOffset(2026, 6, 1, 9, 30, 0, TimeSpan.Zero));

        Assert.Contains($"UID:{PathwayId:D}-CAM-2@hccpathway\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20260721\r\nDTEND;VALUE=DATE:20260722\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20260601T093000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:3\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Camrelizumab 200 mg IV\\, dose 2 (CAM-2)\r\n", ics, StringComparison.Ordinal);
    }
}
