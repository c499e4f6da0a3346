using Microsoft.Extensions.Options;
using Timpora.Core.Scheduling;
using Timpora.Core.Tests.Support;
using static Timpora.Core.Tests.Scheduling.Schedules;

namespace Timpora.Core.Tests.Scheduling;

public sealed class WorkingCalendarTests
{
    /// <summary>Fixed by law, or computed (Easter and what hangs on it, the lunar new year): no estimate in the name.</summary>
    private static readonly HashSet<DateOnly> Certain2027 =
        [.. new[] { "2027-01-01", "2027-02-06", "2027-03-26", "2027-03-28", "2027-05-01", "2027-05-06", "2027-06-01", "2027-08-17", "2027-12-25" }.Select(Date)];

    [Theory]
    [InlineData("2026-01-05T16:59:59Z", "2026-01-05")]
    [InlineData("2026-01-05T17:00:00Z", "2026-01-06")]
    [InlineData("2026-01-04T16:30:00Z", "2026-01-04")]
    [InlineData("2026-01-04T23:30:00Z", "2026-01-05")]
    [InlineData("2026-01-05T23:59:00+07:00", "2026-01-05")]
    public void Starts_the_office_day_at_midnight_WIB(string now, string today)
    {
        Assert.Equal(Date(today), Calendar().Today(Instant(now)));
    }

    [Fact]
    public void Turns_an_office_date_and_time_into_a_WIB_instant()
    {
        var at = Calendar().At(Date("2026-01-05"), new TimeOnly(9, 0));

        Assert.Equal(Instant("2026-01-05T02:00:00Z"), at);
        Assert.Equal(TimeSpan.FromHours(7), at.Offset);
    }

    [Theory]
    [InlineData("2026-01-01", "Tahun Baru 2026 Masehi", false)]
    [InlineData("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", false)]
    [InlineData("2026-02-16", "Tahun Baru Imlek", true)]
    [InlineData("2026-03-24", "Idulfitri", true)]
    [InlineData("2026-12-24", "Natal", true)]
    [InlineData("2027-05-06", "Kenaikan Yesus Kristus", false)]
    public void Knows_the_shipped_holidays_and_cuti_bersama(string date, string name, bool cutiBersama)
    {
        var calendar = Calendar();

        var holiday = calendar.HolidayOn(Date(date));

        Assert.NotNull(holiday);
        Assert.Equal(name, holiday.Name);
        Assert.Equal(cutiBersama, holiday.CutiBersama);
        Assert.False(calendar.IsWorkingDay(Date(date)));
    }

    [Theory]
    [InlineData("2026-01-10")]
    [InlineData("2026-01-11")]
    public void Does_not_work_at_weekends(string date)
    {
        var calendar = Calendar();

        Assert.Null(calendar.HolidayOn(Date(date)));
        Assert.False(calendar.IsWorkingDay(Date(date)));
    }

    [Theory]
    [InlineData("2026-01-05")]
    [InlineData("2026-01-09")]
    [InlineData("2026-01-15")]
    public void Works_on_a_weekday_that_is_no_holiday(string date)
    {
        Assert.True(Calendar().IsWorkingDay(Date(date)));
    }

    [Fact]
    public void Lists_working_days_past_a_holiday_and_a_weekend()
    {
        var days = Calendar().WorkingDaysFrom(Date("2026-01-15")).Take(3);

        Assert.Equal([Date("2026-01-15"), Date("2026-01-19"), Date("2026-01-20")], days);
    }

    [Fact]
    public void Finds_no_working_day_when_the_office_has_no_hours_rather_than_searching_forever()
    {
        var office = Some.Office();
        office.Hours = [];
        var calendar = new WorkingCalendar(Options.Create(office), Options.Create(new CalendarOptions()));

        Assert.Empty(calendar.WorkingDaysFrom(Date("2026-01-05")));
    }

    [Fact]
    public void Ships_every_2026_holiday_and_cuti_bersama_of_the_SKB()
    {
        var holidays2026 = ShippedSections.Calendar().Holidays.Where(h => h.Date.Year == 2026).ToList();

        Assert.Equal(17, holidays2026.Count(h => !h.CutiBersama));
        Assert.Equal(8, holidays2026.Count(h => h.CutiBersama));
    }

    [Theory]
    [InlineData("2027-01-01")]
    [InlineData("2027-03-26")]
    [InlineData("2027-05-01")]
    [InlineData("2027-05-06")]
    [InlineData("2027-06-01")]
    [InlineData("2027-08-17")]
    [InlineData("2027-12-25")]
    public void Ships_the_2027_holidays_that_are_already_certain(string date)
    {
        var holiday = Calendar().HolidayOn(Date(date));

        Assert.NotNull(holiday);
        Assert.DoesNotContain("perkiraan", holiday.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Marks_the_estimated_2027_holidays_as_estimates()
    {
        var estimates = ShippedSections.Calendar().Holidays.Where(h => h.Date.Year == 2027 && !Certain2027.Contains(h.Date)).ToList();

        Assert.NotEmpty(estimates);
        Assert.All(estimates, h => Assert.EndsWith("(perkiraan)", h.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Ships_a_valid_calendar()
    {
        Assert.Empty(Problems(ShippedSections.Calendar()));
    }

    [Fact]
    public void Refuses_a_date_listed_twice()
    {
        var calendar = new CalendarOptions
        {
            Holidays =
            [
                new Holiday { Date = Date("2026-03-09"), Name = "Nyepi" },
                new Holiday { Date = Date("2026-03-09"), Name = "Idulfitri" },
            ],
        };

        var problem = Assert.Single(Problems(calendar));
        Assert.Contains("2026-03-09", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_holiday_without_a_name()
    {
        var calendar = new CalendarOptions { Holidays = [new Holiday { Date = Date("2026-01-01"), Name = " " }] };

        Assert.Single(Problems(calendar));
    }
}
