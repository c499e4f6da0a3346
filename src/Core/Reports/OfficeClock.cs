using Microsoft.Extensions.Options;
using Timpora.Core.Information;
using Timpora.Core.Scheduling;

namespace Timpora.Core.Reports;

/// <summary>
/// Counts office time: the opening hours of working days only. A report sent on Friday night has waited no office
/// time by Monday morning, so its supervisors are not woken on the weekend for a claim nobody could have made.
/// </summary>
public sealed class OfficeClock
{
    private readonly WorkingCalendar _calendar;
    private readonly Dictionary<DayOfWeek, (TimeOnly Opens, TimeOnly Closes)[]> _hours;

    public OfficeClock(WorkingCalendar calendar, IOptions<OfficeOptions> office)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(office);
        _calendar = calendar;

        // Two entries that name the same day with overlapping hours must not count the overlap twice.
        _hours = Enum.GetValues<DayOfWeek>().ToDictionary(
            day => day,
            day => Merge([.. office.Value.Hours.Where(h => h.Days.Contains(day) && h.Opens < h.Closes).Select(h => (h.Opens, h.Closes))]));
    }

    /// <summary>
    /// The instant at which <paramref name="officeTime"/> of office time has passed since <paramref name="start"/>;
    /// <see cref="DateTimeOffset.MaxValue"/> for an office that never opens.
    /// </summary>
    public DateTimeOffset DeadlineAfter(DateTimeOffset start, TimeSpan officeTime)
    {
        if (officeTime <= TimeSpan.Zero)
        {
            return start;
        }

        var left = officeTime;
        foreach (var day in _calendar.WorkingDaysFrom(_calendar.Today(start)))
        {
            foreach (var (opens, closes) in _hours[day.DayOfWeek])
            {
                var from = Later(start, _calendar.At(day, opens));
                var to = _calendar.At(day, closes);
                if (from >= to)
                {
                    continue;
                }

                if (to - from >= left)
                {
                    return from + left;
                }

                left -= to - from;
            }
        }

        return DateTimeOffset.MaxValue;
    }

    /// <summary>The office time between two instants (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        var last = _calendar.Today(to);
        foreach (var day in _calendar.WorkingDaysFrom(_calendar.Today(from)).TakeWhile(d => d <= last))
        {
            foreach (var (opens, closes) in _hours[day.DayOfWeek])
            {
                var start = Later(from, _calendar.At(day, opens));
                var end = Earlier(to, _calendar.At(day, closes));
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    private static (TimeOnly Opens, TimeOnly Closes)[] Merge(List<(TimeOnly Opens, TimeOnly Closes)> hours)
    {
        var merged = new List<(TimeOnly Opens, TimeOnly Closes)>();
        foreach (var (opens, closes) in hours.OrderBy(h => h.Opens))
        {
            if (merged.Count > 0 && opens <= merged[^1].Closes)
            {
                merged[^1] = (merged[^1].Opens, closes > merged[^1].Closes ? closes : merged[^1].Closes);
            }
            else
            {
                merged.Add((opens, closes));
            }
        }

        return [.. merged];
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
