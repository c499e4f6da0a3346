namespace Timpora.Testing;

/// <summary>
/// Real time, moved to another day: it runs at the real pace (so timers, rate windows and timeouts behave as in
/// production) but reads as <paramref name="startAt"/> plus whatever time has passed, and can jump ahead, e.g. to the
/// next morning's schedule.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset startAt) : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _offset = startAt - System.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return System.GetUtcNow() + _offset;
        }
    }

    public void JumpTo(DateTimeOffset at)
    {
        lock (_gate)
        {
            _offset = at - System.GetUtcNow();
        }
    }
}
