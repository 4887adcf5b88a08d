using HccPathway.Scheduling.Calendars;

namespace HccPathway.Scheduling.Tests.Calendars;

/// <summary>Statuses follow the clinical library's due/overdue rules (grace 3 days), with future items judged on their own day.</summary>
public sealed class ItemStatusTests
{
    private static readonly DateOnly Due = new(2026, 6, 16);

    [Theory]
    [InlineData("2026-06-10", null, "upcoming")]
    [InlineData("2026-06-16", null, "due")]
    [InlineData("2026-06-19", null, "due")]
    [InlineData("2026-06-20", null, "overdue")]
    [InlineData("2026-06-20", "2026-06-12", "held")]
    [InlineData("2026-06-10", "2026-06-12", "held")]
    public void Given_a_planned_TACE_the_status_on_a_day(string asOf, string? heldFrom, string expected)
    {
        var status = ItemStatuses.Of("TACE-1", "tace", WorklistEntry.States.Planned, Due, null,
            heldFrom is null ? null : DateOnly.Parse(heldFrom, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), graceDays: 3);

        Assert.Equal(expected, status);
    }

    [Fact]
    public void Done_and_cancelled_items_say_so_whatever_the_day()
    {
        Assert.Equal("done", ItemStatuses.Of("TACE-1", "tace", WorklistEntry.States.Done, Due, Due.AddDays(2), Due, Due.AddDays(30), 3));
        Assert.Equal("cancelled", ItemStatuses.Of("TACE-1", "tace", WorklistEntry.States.Cancelled, Due, null, null, Due, 3));
    }
}
