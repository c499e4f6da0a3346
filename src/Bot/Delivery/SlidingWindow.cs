namespace Timpora.Bot.Delivery;

/// <summary>
/// At most N sends in any window of time, as the platform sees them. A send holds its place from the moment it
/// starts until the window has passed since its answer came back: the platform received it somewhere in between,
/// so requests that bunch up on the way can never put more than N into one of the platform's windows.
/// (A token bucket is not enough: a full burst and a full refill can land in the same second.)
/// </summary>
internal sealed class SlidingWindow(Limit limit, TimeProvider clock)
{
    private const long InFlight = long.MaxValue;

    private readonly List<Lease> _places = [];
    private readonly Lock _gate = new();

    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>Waits for a free place; complete the lease when the platform has answered.</summary>
    public async Task<Lease> TakeAsync(CancellationToken ct)
    {
        if (limit.Window == TimeSpan.Zero)
        {
            return new Lease(this);
        }

        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetTimestamp();
                _places.RemoveAll(p => p.Stamp != InFlight && clock.GetElapsedTime(p.Stamp, now) >= limit.Window);
                if (_places.Count < limit.Count)
                {
                    var lease = new Lease(this) { Stamp = InFlight };
                    _places.Add(lease);
                    LastUsed = clock.GetUtcNow();
                    return lease;
                }

                var oldest = _places.Where(p => p.Stamp != InFlight).Select(p => p.Stamp).DefaultIfEmpty(InFlight).Min();
                wait = oldest == InFlight ? TimeSpan.FromMilliseconds(5) : limit.Window - clock.GetElapsedTime(oldest, now);
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, clock, ct);
        }
    }

    private void Complete(Lease lease)
    {
        lock (_gate)
        {
            lease.Stamp = clock.GetTimestamp();
            LastUsed = clock.GetUtcNow();
        }
    }

    /// <summary>One place in the window; completing it starts its countdown.</summary>
    internal sealed class Lease(SlidingWindow window) : IDisposable
    {
        public long Stamp { get; set; }

        public void Dispose()
        {
            if (Stamp == InFlight)
            {
                window.Complete(this);
            }
        }
    }
}
