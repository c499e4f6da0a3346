using Microsoft.Extensions.Options;
using Timpora.Core.Information;
using Timpora.Core.Reports;
using Timpora.Core.Scheduling;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Reports;

/// <summary>Office time as the Serang office keeps it: Monday–Thursday 07:30–16:00, Friday 07:30–16:30, WIB, holidays off.</summary>
public sealed class OfficeClockTests
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);

    private readonly OfficeClock _clock = Clock(Some.Office());

    [Fact]
    public void Counts_hours_within_one_working_day()
    {
        var deadline = _clock.DeadlineAfter(At(2026, 1, 5, 9, 0), FourHours);

        Assert.Equal(At(2026, 1, 5, 13, 0), deadline);
    }

    [Fact]
    public void Counts_a_report_sent_at_night_from_the_next_opening()
    {
        var deadline = _clock.DeadlineAfter(At(2026, 1, 5, 22, 0), FourHours);

        Assert.Equal(At(2026, 1, 6, 11, 30), deadline);
    }

    [Fact]
    public void Counts_a_report_sent_before_opening_from_the_opening_that_day()
    {
        var deadline = _clock.DeadlineAfter(At(2026, 1, 6, 5, 45), TimeSpan.FromHours(1));

        Assert.Equal(At(2026, 1, 6, 8, 30), deadline);
    }

    [Fact]
    public void Carries_what_is_left_at_closing_time_to_the_next_morning()
    {
        var deadline = _clock.DeadlineAfter(At(2026, 1, 5, 14, 0), FourHours);

        Assert.Equal(At(2026, 1, 6, 9, 30), deadline);
    }

    [Fact]
    public void Goes_from_Friday_afternoon_to_Monday_counting_Fridays_longer_hours()
    {
        // Friday closes at 16:30: two and a half hours on Friday, the last one and a half on Monday.
        var deadline = _clock.DeadlineAfter(At(2026, 1, 9, 14, 0), FourHours);

        Assert.Equal(At(2026, 1, 12, 9, 0), deadline);
    }

    [Fact]
    public void Ends_on_Friday_in_the_half_hour_other_days_do_not_have()
    {
        var friday = _clock.DeadlineAfter(At(2026, 1, 9, 13, 0), TimeSpan.FromHours(3.5));
        var thursday = _clock.DeadlineAfter(At(2026, 1, 8, 13, 0), TimeSpan.FromHours(3.5));

        Assert.Equal(At(2026, 1, 9, 16, 30), friday);
        Assert.Equal(At(2026, 1, 9, 8, 0), thursday);
    }

    [Fact]
    public void Counts_a_report_sent_on_the_weekend_from_Monday_morning()
    {
        var deadline = _clock.DeadlineAfter(At(2026, 1, 10, 10, 0), TimeSpan.FromHours(1));

        Assert.Equal(At(2026, 1, 12, 8, 30), deadline);
    }

    [Fact]
    public void Skips_a_national_holiday()
    {
        // Friday 16 January 2026 is Isra Mikraj: from Thursday afternoon the count goes on on Monday.
        var deadline = _clock.DeadlineAfter(At(2026, 1, 15, 14, 0), FourHours);

        Assert.Equal(At(2026, 1, 19, 9, 30), deadline);
    }

    [Fact]
    public void Skips_cuti_bersama_as_well_as_holidays()
    {
        // 18 March 2026 (cuti bersama Nyepi) to 24 March (cuti bersama Idulfitri) is one long break.
        var deadline = _clock.DeadlineAfter(At(2026, 3, 17, 15, 0), TimeSpan.FromHours(2));

        Assert.Equal(At(2026, 3, 25, 8, 30), deadline);
    }

    [Fact]
    public void Measures_the_office_time_between_two_instants_the_same_way()
    {
        var waited = _clock.Between(At(2026, 1, 9, 14, 0), At(2026, 1, 12, 9, 0));
        var overHoliday = _clock.Between(At(2026, 1, 15, 14, 0), At(2026, 1, 19, 9, 30));
        var backwards = _clock.Between(At(2026, 1, 12, 9, 0), At(2026, 1, 9, 14, 0));
        var atNight = _clock.Between(At(2026, 1, 5, 17, 0), At(2026, 1, 6, 7, 0));

        Assert.Equal(FourHours, waited);
        Assert.Equal(FourHours, overHoliday);
        Assert.Equal(TimeSpan.Zero, backwards);
        Assert.Equal(TimeSpan.Zero, atNight);
    }

    [Fact]
    public void Gives_the_start_itself_for_no_office_time()
    {
        var start = At(2026, 1, 10, 23, 0);

        Assert.Equal(start, _clock.DeadlineAfter(start, TimeSpan.Zero));
    }

    [Fact]
    public void Does_not_count_hours_twice_when_two_entries_overlap()
    {
        var office = Some.Office();
        office.Hours.Add(new OfficeHours { Days = [DayOfWeek.Monday], Opens = new(12, 0), Closes = new(17, 0) });
        var clock = Clock(office);

        // Monday now runs 07:30–17:00: 9.5 hours, not 9.5 plus the 4 overlapping ones.
        var waited = clock.Between(At(2026, 1, 5, 0, 0), At(2026, 1, 5, 23, 0));
        var deadline = clock.DeadlineAfter(At(2026, 1, 5, 15, 0), FourHours);

        Assert.Equal(TimeSpan.FromHours(9.5), waited);
        Assert.Equal(At(2026, 1, 6, 9, 30), deadline);
    }

    [Fact]
    public void Never_comes_due_for_an_office_that_never_opens()
    {
        var office = Some.Office();
        office.Hours.Clear();

        var deadline = Clock(office).DeadlineAfter(At(2026, 1, 5, 9, 0), FourHours);

        Assert.Equal(DateTimeOffset.MaxValue, deadline);
    }

    private static OfficeClock Clock(OfficeOptions office) =>
        new(new WorkingCalendar(Options.Create(office), Options.Create(Some.Calendar())), Options.Create(office));

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, Wib);
}
