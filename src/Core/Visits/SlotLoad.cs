namespace Timpora.Core.Visits;

/// <summary>
/// How much of one window is taken. The version makes two bookings that read the same load conflict in the
/// database, so the last place of a window goes to exactly one of them (the other turn runs again and sees it full).
/// </summary>
public sealed class SlotLoad
{
    private SlotLoad()
    {
    }

    public SlotLoad(DateOnly date, TimeOnly starts)
    {
        Date = date;
        Starts = starts;
    }

    public DateOnly Date { get; private set; }

    public TimeOnly Starts { get; private set; }

    /// <summary>Applicants or visits, as <c>JemputBola:CapacityUnit</c> says.</summary>
    public int Units { get; private set; }

    public int Version { get; private set; }

    public void Add(int units)
    {
        Units = Math.Max(0, Units + units);
        Version++;
    }
}
