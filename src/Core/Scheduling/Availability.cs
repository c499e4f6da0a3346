using Microsoft.Extensions.Options;

namespace Timpora.Core.Scheduling;

/// <summary>Which Jemput Bola slots can still be booked, and why a given one cannot.</summary>
public sealed class Availability
{
    private readonly JemputBolaOptions _options;
    private readonly WorkingCalendar _calendar;
    private readonly VisitWindow[] _windows;

    public Availability(IOptions<JemputBolaOptions> options, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        _options = options.Value;
        _calendar = calendar;
        _windows = [.. _options.Windows.OrderBy(w => w.Starts)];
    }

    /// <summary>How many days ahead windows are offered, counted from today in office time.</summary>
    public int HorizonDays => _options.HorizonDays;

    private TimeSpan Lead => TimeSpan.FromHours(_options.MinimumLeadHours);

    /// <summary>How much of a window's capacity a visit for <paramref name="applicants"/> people takes.</summary>
    public int Units(int applicants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(applicants, 1);
        return _options.CapacityUnit == CapacityUnit.Applicants ? applicants : 1;
    }

    /// <summary>
    /// Whether a visit this size fits an empty window at all. When capacity counts applicants, a group larger than
    /// the capacity never does: refuse it before asking for a date rather than offering no slots.
    /// </summary>
    public bool Fits(int applicants) => applicants >= 1 && Units(applicants) <= _options.CapacityPerWindow;

    /// <summary>The configured windows on <paramref name="date"/>, earliest first, whether or not the office works that day.</summary>
    public IReadOnlyList<Slot> WindowsOn(DateOnly date) => [.. _windows.Select(w => new Slot(date, w.Starts, w.Ends))];

    /// <summary>
    /// Slots a visit for <paramref name="applicants"/> people can book, by date then time: working days from today to
    /// today + HorizonDays (office dates), not closed, far enough ahead, with room left.
    /// </summary>
    /// <param name="bookedUnits">Units already booked in a slot; called only for slots that pass every other rule.</param>
    /// <param name="closedDays">Days the office has closed Jemput Bola on (no officers free, a unit out of service).</param>
    /// <param name="max">Stop after this many, e.g. to fill one keyboard.</param>
    /// <param name="capacityOn">Each date's capacity per window (<see cref="DayCapacity"/>); CapacityPerWindow when null.</param>
    public IReadOnlyList<Slot> Open(
        DateTimeOffset now,
        int applicants,
        Func<Slot, int> bookedUnits,
        IReadOnlySet<DateOnly> closedDays,
        int max = int.MaxValue,
        Func<DateOnly, int>? capacityOn = null)
    {
        ArgumentNullException.ThrowIfNull(bookedUnits);
        ArgumentNullException.ThrowIfNull(closedDays);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var units = Units(applicants);
        var open = new List<Slot>();
        if (units > _options.CapacityPerWindow)
        {
            return open;
        }

        var today = _calendar.Today(now);
        var last = today.AddDays(_options.HorizonDays);
        for (var date = today; date <= last && open.Count < max; date = date.AddDays(1))
        {
            var capacity = capacityOn?.Invoke(date) ?? _options.CapacityPerWindow;
            if (!_calendar.IsWorkingDay(date) || closedDays.Contains(date) || units > capacity)
            {
                continue;
            }

            foreach (var slot in WindowsOn(date))
            {
                if (Timing(slot, now) is null && bookedUnits(slot) + units <= capacity)
                {
                    open.Add(slot);
                    if (open.Count == max)
                    {
                        break;
                    }
                }
            }
        }

        return open;
    }

    /// <summary>
    /// Why <paramref name="slot"/> (pressed or typed) cannot be booked, or null when it can. The first reason wins, in
    /// the order a user would want to hear them: a window that does not exist or is over needs no more explanation.
    /// </summary>
    /// <param name="capacity">The date's capacity per window (<see cref="DayCapacity"/>); CapacityPerWindow when null.</param>
    public SlotProblem? Check(Slot slot, DateTimeOffset now, int applicants, int bookedUnits, IReadOnlySet<DateOnly> closedDays, int? capacity = null)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(closedDays);
        if (!_windows.Any(w => w.Starts == slot.Starts && w.Ends == slot.Ends))
        {
            return SlotProblem.NoSuchWindow;
        }

        if (Timing(slot, now) == SlotProblem.Past)
        {
            return SlotProblem.Past;
        }

        if (_calendar.HolidayOn(slot.Date) is not null)
        {
            return SlotProblem.Holiday;
        }

        if (!_calendar.IsWorkingDay(slot.Date))
        {
            return SlotProblem.NotWorkingDay;
        }

        if (closedDays.Contains(slot.Date))
        {
            return SlotProblem.Closed;
        }

        if (Timing(slot, now) == SlotProblem.TooSoon)
        {
            return SlotProblem.TooSoon;
        }

        if (slot.Date > _calendar.Today(now).AddDays(_options.HorizonDays))
        {
            return SlotProblem.BeyondHorizon;
        }

        // A visit the day cannot hold even empty is the session's doing; one that would fit an empty window is
        // refused only because others took the places.
        var units = Units(applicants);
        var left = capacity ?? _options.CapacityPerWindow;
        return units > left && units <= _options.CapacityPerWindow ? SlotProblem.OfficersAway
            : bookedUnits + units > left ? SlotProblem.Full
            : null;
    }

    /// <summary>
    /// A day's capacity per window when <paramref name="away"/> of the <paramref name="pool"/> officers who go out are at
    /// a collective session: the same share of CapacityPerWindow as of the officers, rounded down, so a day with
    /// everyone away takes no visits. With nobody enrolled yet the configured capacity stands: bookings open before
    /// the first officer does.
    /// </summary>
    public int DayCapacity(int pool, int away)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pool);
        ArgumentOutOfRangeException.ThrowIfNegative(away);
        if (pool == 0)
        {
            return _options.CapacityPerWindow;
        }

        var present = pool - Math.Min(away, pool);
        return (int)((long)_options.CapacityPerWindow * present / pool);
    }

    private SlotProblem? Timing(Slot slot, DateTimeOffset now)
    {
        var untilStart = _calendar.At(slot.Date, slot.Starts) - now;
        return untilStart <= TimeSpan.Zero ? SlotProblem.Past
            : untilStart < Lead ? SlotProblem.TooSoon
            : null;
    }
}

public enum SlotProblem
{
    /// <summary>The time is not one of the configured windows (an old button, or a forged one).</summary>
    NoSuchWindow,

    /// <summary>The window has started, or its day is over.</summary>
    Past,

    /// <summary>A national holiday or cuti bersama.</summary>
    Holiday,

    /// <summary>A day of the week the office has no hours (a weekend).</summary>
    NotWorkingDay,

    /// <summary>A day the office closed Jemput Bola on.</summary>
    Closed,

    /// <summary>Less than the minimum lead time from now.</summary>
    TooSoon,

    /// <summary>Further ahead than bookings are taken.</summary>
    BeyondHorizon,

    /// <summary>Not enough capacity left in the window for this visit.</summary>
    Full,

    /// <summary>
    /// The officers who go out are at a collective session that day: what is left of the day's capacity cannot hold
    /// this visit even with nothing else booked.
    /// </summary>
    OfficersAway,
}
