using System.Text;
using HccPathway.Scheduling.Calendars;
using HccPathway.Scheduling.Tests.Deciders;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

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
        Assert.Contains("\r\nDTSTART;VALUE=DATE:20260721\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND;VALUE=DATE:20260722\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20260601T093000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:3\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Camrelizumab 200 mg IV\\, dose 2 (CAM-2)\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calendar_names_its_producer_version_and_method()
    {
        var ics = ICalendarWriter.Write("Therapy", [Row()], DateTimeOffset.UnixEpoch);

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nVERSION:2.0\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nPRODID:-//HccPathway//Scheduling//EN\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nMETHOD:PUBLISH\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("\r\nX-WR-CALNAME:Therapy\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_imaging_item_is_summarised_as_the_study_and_its_number()
    {
        var row = Row(itemId: "IMG-2") with { ItemType = "response-imaging", Drug = "", DoseMg = null, Route = "", RuleId = "SCHED-IMG" };

        var unfolded = ICalendarWriter.Write("Therapy", [row], DateTimeOffset.UnixEpoch).Replace("\r\n ", "", StringComparison.Ordinal);

        Assert.Contains("SUMMARY:Response imaging (CT/MRI\\, mRECIST) 2 (IMG-2)\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("CATEGORIES:response-imaging\r\n", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsed_back_with_Ical_Net_every_item_of_a_real_plan_keeps_its_uid_date_revision_and_status()
    {
        var plan = Given.Started();
        plan = plan.Then(plan.Tace(D(6, 16)));
        plan = plan.Then(plan.Camrelizumab(D(7, 2)));
        plan = plan.Then(plan.Skip("IMG-1", D(7, 14), "Scanner down"));
        plan = plan.Then(plan.Reschedule("CAM-3", D(8, 14), D(7, 20)));
        plan = plan.Then(plan.Cancel("CAM-4", D(7, 20)));
        var rows = plan.Items.Select(i => CalendarRow.From(WorklistEntry.From(plan, i), D(7, 20), Given.Rules.ScheduleOverdueGraceDays)).ToList();

        var parsed = Ical.Net.Calendar.Load(ICalendarWriter.Write("Therapy", rows, Given.At(D(7, 20))))!;

        Assert.Equal(rows.Count, parsed.Events.Count);
        Assert.Contains(rows, r => r.Revision > 0);
        Assert.Contains(rows, r => r.ItemId.StartsWith("IMG-", StringComparison.Ordinal));
        foreach (var row in rows)
        {
            var entry = Assert.Single(parsed.Events, e => e.Uid == $"{row.PathwayId:D}-{row.ItemId}@hccpathway");
            Assert.False(entry.DtStart!.HasTime);
            Assert.Equal(row.Date, entry.DtStart.Date);
            Assert.Equal(row.Date.AddDays(1), entry.DtEnd!.Date);
            Assert.Equal(row.Revision, entry.Sequence);
            Assert.Equal(row.Status is ItemStatuses.Cancelled or ItemStatuses.Skipped ? "CANCELLED" : "CONFIRMED", entry.Status);
            Assert.Equal(ICalendarWriter.Summary(row), entry.Summary);
        }
    }

    [Fact]
    public void Parsed_back_with_Ical_Net_labs_MDT_review_follow_up_surveillance_and_adjuvant_end_keep_their_uid_date_and_summary()
    {
        var plan = Given.Started();
        plan = plan.Then(plan.Tace(D(6, 16)));
        plan = MdtReviewSpecs.Imaged(plan, D(7, 10));
        var secondLine = MdtReviewSpecs.MdtDecided(plan, Contracts.SurgeryPlanning.MdtOutcomes.SecondLine, D(7, 15));
        var (withDecision, followed) = MdtReviewSpecs.Decided(plan, secondLine);
        plan = withDecision.Then(followed);
        var watch = MdtReviewSpecs.MdtDecided(plan, Contracts.SurgeryPlanning.MdtOutcomes.WatchAndWait, D(9, 1));
        (withDecision, followed) = MdtReviewSpecs.Decided(plan, watch);
        plan = withDecision.Then(followed);
        var adjuvant = new Contracts.SurgeryPlanning.AdjuvantTherapyDecided(plan.Id, D(10, 1), D(11, 1), 6, [Contracts.Drugs.Camrelizumab], "R0", "2026.2",
            "dr-house", Given.At(D(10, 20)));
        plan = plan.Then(Scheduling.TherapyPlans.Adjuvant.PlanAdjuvant.Decide(plan, adjuvant, Guid.NewGuid(), Given.Rules, Given.At(D(10, 20))));
        var rows = plan.Items.Select(i => CalendarRow.From(WorklistEntry.From(plan, i), D(10, 20), Given.Rules.ScheduleOverdueGraceDays)).ToList();

        var parsed = Ical.Net.Calendar.Load(ICalendarWriter.Write("Therapy", rows, Given.At(D(10, 20))))!;

        Assert.Equal(rows.Count, parsed.Events.Count);
        string Summary(string itemId) => Assert.Single(parsed.Events, e => e.Uid == $"{plan.Id:D}-{itemId}@hccpathway").Summary!;
        Assert.Equal("Pre-dose labs (blood count, liver, thyroid) before ADJ-CAM-2 (LAB-ADJ-CAM-2)", Summary("LAB-ADJ-CAM-2"));
        Assert.Equal("MDT review of response assessment 1 (MDT-1)", Summary("MDT-1"));
        Assert.Equal("CANCELLED: Follow-up imaging 2 (FU-2)", Summary("FU-2"));
        Assert.Equal("CANCELLED: Surveillance imaging and tumour markers 1 (SURV-WW-1)", Summary("SURV-WW-1"));
        Assert.Equal("Surveillance imaging and tumour markers 1 (SURV-R-1)", Summary("SURV-R-1"));
        Assert.Equal("End of adjuvant therapy (ADJ-END)", Summary("ADJ-END"));
        foreach (var row in rows.Where(r => r.ItemType is not (Contracts.Scheduling.TherapyItemTypes.Camrelizumab or Contracts.Scheduling.TherapyItemTypes.Tace
                     or Contracts.Scheduling.TherapyItemTypes.LenvatinibStart)))
        {
            var entry = Assert.Single(parsed.Events, e => e.Uid == $"{row.PathwayId:D}-{row.ItemId}@hccpathway");
            Assert.False(entry.DtStart!.HasTime);
            Assert.Equal((row.Date, row.Revision), (entry.DtStart.Date, entry.Sequence));
            Assert.Equal(row.ItemType, Assert.Single(entry.Categories));
        }
    }
}
