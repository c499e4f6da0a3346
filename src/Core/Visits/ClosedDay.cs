namespace Timpora.Core.Visits;

/// <summary>A day a supervisor closed for visits (a training, an operation, a flood); no window of it is offered.</summary>
public sealed class ClosedDay
{
    private ClosedDay()
    {
    }

    public ClosedDay(DateOnly date, long closedBy, DateTime nowUtc)
    {
        Date = date;
        ClosedBy = closedBy;
        CreatedAt = nowUtc;
    }

    public DateOnly Date { get; private set; }

    /// <summary>The supervisor (officer id) who closed it.</summary>
    public long ClosedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
