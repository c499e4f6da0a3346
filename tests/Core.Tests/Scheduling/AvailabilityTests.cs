using Timpora.Core.Scheduling;
using Timpora.Core.Tests.Support;
using static Timpora.Core.Tests.Scheduling.Schedules;

namespace Timpora.Core.Tests.Scheduling;

public sealed class AvailabilityTests
{
    private static readonly TimeOnly Morning = new(9, 0);
    private static readonly TimeOnly Afternoon = new(13, 0);

    [Fact]
    public void Opens_tomorrow_morning_to_someone_asking_at_nine_with_a_day_of_lead_time()
    {
        var open = Availability().Open(Some.Now, 1, _ => 0, NoClosedDays);

        Assert.Equal(MorningOf("2026-01-06"), open[0]);
    }

    [Fact]
    public void Refuses_this_afternoon_as_too_soon()
    {
        var availability = Availability();

        Assert.DoesNotContain(AfternoonOf("2026-01-05"), availability.Open(Some.Now, 1, _ => 0, NoClosedDays));
        Assert.Equal(SlotProblem.TooSoon, availability.Check(AfternoonOf("2026-01-05"), Some.Now, 1, 0, NoClosedDays));
    }

    [Fact]
    public void Refuses_tomorrow_morning_a_second_after_the_lead_time_has_passed()
    {
        var availability = Availability();

        Assert.Null(availability.Check(MorningOf("2026-01-06"), Some.Now, 1, 0, NoClosedDays));
        Assert.Equal(SlotProblem.TooSoon, availability.Check(MorningOf("2026-01-06"), Some.Now.AddSeconds(1), 1, 0, NoClosedDays));
    }

    [Fact]
    public void Offers_slots_by_date_then_time_on_working_days_only()
    {
        var open = Availability().Open(Some.Now, 1, _ => 0, NoClosedDays);

        Assert.Equal(open.OrderBy(s => s.Date).ThenBy(s => s.Starts), open);
        Assert.Equal(["20260106-0900", "20260106-1300", "20260107-0900"], open.Take(3).Select(s => s.Key));
        Assert.DoesNotContain(open, s => s.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.DoesNotContain(open, s => s.Date == Date("2026-01-16"));
    }

    [Theory]
    [InlineData(CapacityUnit.Applicants, 2, 2, true)]
    [InlineData(CapacityUnit.Applicants, 2, 3, false)]
    [InlineData(CapacityUnit.Applicants, 4, 0, true)]
    [InlineData(CapacityUnit.Applicants, 1, 4, false)]
    [InlineData(CapacityUnit.Visits, 5, 3, true)]
    [InlineData(CapacityUnit.Visits, 1, 4, false)]
    public void Fills_a_window_up_to_its_capacity_and_no_further(CapacityUnit unit, int applicants, int booked, bool fits)
    {
        var availability = Availability(o => o.CapacityUnit = unit);
        var slot = MorningOf("2026-01-06");

        var open = availability.Open(Some.Now, applicants, _ => booked, NoClosedDays);
        var problem = availability.Check(slot, Some.Now, applicants, booked, NoClosedDays);

        Assert.Equal(fits, open.Contains(slot));
        Assert.Equal(fits ? null : SlotProblem.Full, problem);
    }

    [Fact]
    public void Counts_booked_units_per_slot()
    {
        var full = MorningOf("2026-01-06");

        var open = Availability().Open(Some.Now, 1, s => s == full ? 4 : 0, NoClosedDays);

        Assert.DoesNotContain(full, open);
        Assert.Contains(AfternoonOf("2026-01-06"), open);
    }

    [Fact]
    public void Never_fits_six_applicants_into_windows_of_four()
    {
        var availability = Availability();
        var asked = 0;

        var open = availability.Open(Some.Now, 6, _ => ++asked, NoClosedDays);

        Assert.False(availability.Fits(6));
        Assert.Empty(open);
        Assert.Equal(0, asked);
        Assert.Equal(SlotProblem.Full, availability.Check(MorningOf("2026-01-06"), Some.Now, 6, 0, NoClosedDays));
    }

    [Theory]
    [InlineData(CapacityUnit.Applicants, 4, true)]
    [InlineData(CapacityUnit.Applicants, 5, false)]
    [InlineData(CapacityUnit.Visits, 20, true)]
    [InlineData(CapacityUnit.Applicants, 0, false)]
    public void Tells_whether_a_visit_of_this_size_can_ever_fit(CapacityUnit unit, int applicants, bool fits)
    {
        Assert.Equal(fits, Availability(o => o.CapacityUnit = unit).Fits(applicants));
    }

    [Theory]
    [InlineData(CapacityUnit.Applicants, 3, 3)]
    [InlineData(CapacityUnit.Visits, 3, 1)]
    public void Counts_units_as_configured(CapacityUnit unit, int applicants, int units)
    {
        Assert.Equal(units, Availability(o => o.CapacityUnit = unit).Units(applicants));
    }

    [Fact]
    public void Includes_the_last_day_of_the_horizon_and_not_the_next()
    {
        var availability = Availability();

        var open = availability.Open(Some.Now, 1, _ => 0, NoClosedDays);

        Assert.Equal(AfternoonOf("2026-02-04"), open[^1]);
        Assert.Null(availability.Check(AfternoonOf("2026-02-04"), Some.Now, 1, 0, NoClosedDays));
        Assert.Equal(SlotProblem.BeyondHorizon, availability.Check(MorningOf("2026-02-05"), Some.Now, 1, 0, NoClosedDays));
    }

    [Fact]
    public void Leaves_out_days_the_office_has_closed()
    {
        var availability = Availability();
        var closed = new HashSet<DateOnly> { Date("2026-01-07") };

        var open = availability.Open(Some.Now, 1, _ => 0, closed);

        Assert.DoesNotContain(open, s => s.Date == Date("2026-01-07"));
        Assert.Contains(MorningOf("2026-01-08"), open);
        Assert.Equal(SlotProblem.Closed, availability.Check(MorningOf("2026-01-07"), Some.Now, 1, 0, closed));
    }

    [Theory]
    [InlineData("2026-01-04T16:30:00Z", new[] { "20260105-0900", "20260105-1300" })]
    [InlineData("2026-01-04T23:30:00+07:00", new[] { "20260105-0900", "20260105-1300" })]
    [InlineData("2026-01-04T23:30:00Z", new[] { "20260105-0900", "20260105-1300", "20260106-0900", "20260106-1300" })]
    public void Counts_the_horizon_from_the_office_date_not_the_UTC_date(string now, string[] keys)
    {
        // 23:30 WIB on Sunday is still Sunday; 23:30 UTC on Sunday is already 06:30 on Monday in Serang.
        var availability = Availability(o => { o.MinimumLeadHours = 0; o.HorizonDays = 1; });

        var open = availability.Open(Instant(now), 1, _ => 0, NoClosedDays);

        Assert.Equal(keys, open.Select(s => s.Key));
    }

    [Theory]
    [InlineData("2026-01-06", 10, 12, SlotProblem.NoSuchWindow)]
    [InlineData("2026-01-06", 9, 12, SlotProblem.NoSuchWindow)]
    [InlineData("2026-01-05", 9, 11, SlotProblem.Past)]
    [InlineData("2026-01-02", 13, 15, SlotProblem.Past)]
    [InlineData("2026-01-01", 9, 11, SlotProblem.Past)]
    [InlineData("2026-01-16", 9, 11, SlotProblem.Holiday)]
    [InlineData("2026-02-16", 9, 11, SlotProblem.Holiday)]
    [InlineData("2026-03-21", 9, 11, SlotProblem.Holiday)]
    [InlineData("2026-01-10", 9, 11, SlotProblem.NotWorkingDay)]
    [InlineData("2026-01-11", 13, 15, SlotProblem.NotWorkingDay)]
    [InlineData("2026-01-22", 9, 11, SlotProblem.Closed)]
    [InlineData("2026-01-05", 13, 15, SlotProblem.TooSoon)]
    [InlineData("2026-02-05", 9, 11, SlotProblem.BeyondHorizon)]
    [InlineData("2026-01-23", 13, 15, null)]
    public void Says_why_a_slot_cannot_be_booked(string date, int starts, int ends, SlotProblem? problem)
    {
        var slot = new Slot(Date(date), new TimeOnly(starts, 0), new TimeOnly(ends, 0));

        var found = Availability().Check(slot, Some.Now, 1, 0, new HashSet<DateOnly> { Date("2026-01-22") });

        Assert.Equal(problem, found);
    }

    [Fact]
    public void Offers_exactly_the_slots_it_would_accept()
    {
        var availability = Availability(o => o.CapacityUnit = CapacityUnit.Applicants);
        var closed = new HashSet<DateOnly> { Date("2026-01-22") };
        static int Booked(Slot s) => (s.Date.DayNumber + s.Starts.Hour) % 5;

        var open = availability.Open(Some.Now, 2, Booked, closed).ToHashSet();

        var days = Enumerable.Range(-3, 45).Select(d => Date("2026-01-05").AddDays(d));
        foreach (var slot in days.SelectMany(d => availability.WindowsOn(d)))
        {
            Assert.Equal(open.Contains(slot), availability.Check(slot, Some.Now, 2, Booked(slot), closed) is null);
        }
    }

    [Fact]
    public void Stops_after_as_many_slots_as_asked_for()
    {
        var availability = Availability();

        var few = availability.Open(Some.Now, 1, _ => 0, NoClosedDays, max: 3);

        Assert.Equal(availability.Open(Some.Now, 1, _ => 0, NoClosedDays).Take(3), few);
    }

    [Fact]
    public void Lists_the_windows_of_a_day_earliest_first()
    {
        var availability = Availability(o => o.Windows.Reverse());

        var windows = availability.WindowsOn(Date("2026-01-06"));

        Assert.Equal([MorningOf("2026-01-06"), AfternoonOf("2026-01-06")], windows);
    }

    private static Slot MorningOf(string date) => new(Date(date), Morning, new TimeOnly(11, 0));

    private static Slot AfternoonOf(string date) => new(Date(date), Afternoon, new TimeOnly(15, 0));
}
