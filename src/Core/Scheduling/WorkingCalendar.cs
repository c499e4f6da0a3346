using Microsoft.Extensions.Options;
using Timpora.Core.Information;

namespace Timpora.Core.Scheduling;

/// <summary>The office's days and clock: which dates it works, and which instant a date and time in office time is.</summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DayOfWeek> _openDays;
    private readonly Dictionary<DateOnly, Holiday> _holidays = [];

    public WorkingCalendar(IOptions<OfficeOptions> office, IOptions<CalendarOptions> calendar)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(calendar);
        Zone = TimeZoneInfo.FindSystemTimeZoneById(office.Value.TimeZone);
        _openDays = [.. office.Value.Hours.SelectMany(h => h.Days)];
        foreach (var holiday in calendar.Value.Holidays)
        {
            // Validation refuses duplicates; should one slip through, the first entry wins rather than a crash.
            _holidays.TryAdd(holiday.Date, holiday);
        }
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>A stored UTC instant as the office's clock shows it.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The office's date at <paramref name="now"/>: in WIB a new day starts at 17:00 UTC.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>The instant a date and time on the office's clock stands for, with the office's offset (+07:00).</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public Holiday? HolidayOn(DateOnly date) => _holidays.GetValueOrDefault(date);

    /// <summary>A day of the week the office has hours, and neither a national holiday nor cuti bersama.</summary>
    public bool IsWorkingDay(DateOnly date) => _openDays.Contains(date.DayOfWeek) && !_holidays.ContainsKey(date);

    /// <summary>Working days from <paramref name="first"/> (included when it is one) onwards, without end: take what you need.</summary>
    public IEnumerable<DateOnly> WorkingDaysFrom(DateOnly first)
    {
        // An office with no hours at all has no working day to find; searching would never end.
        if (_openDays.Count == 0)
        {
            yield break;
        }

        for (var day = first; ; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                yield return day;
            }

            if (day == DateOnly.MaxValue)
            {
                yield break;
            }
        }
    }
}
