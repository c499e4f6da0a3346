namespace Timpora.Bot.Delivery;

/// <summary>
/// At most N events in any window of time. Exact where a token bucket is not: a bucket lets a full burst and a
/// full refill land in the same second, which is the 429 we are trying to avoid.
/// </summary>
internal sealed class SlidingWindow(Limit limit, TimeProvider clock)
{
    private readonly Queue<long> _stamps = new();
    private readonly Lock _gate = new();

    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>Takes a place in the window, waiting for one to free up if needed.</summary>
    public async Task TakeAsync(CancellationToken ct)
    {
        if (limit.Window == TimeSpan.Zero)
        {
            return;
        }

        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetTimestamp();
                while (_stamps.Count > 0 && clock.GetElapsedTime(_stamps.Peek(), now) >= limit.Window)
                {
                    _stamps.Dequeue();
                }

                if (_stamps.Count < limit.Count)
                {
                    _stamps.Enqueue(now);
                    LastUsed = clock.GetUtcNow();
                    return;
                }

                wait = limit.Window - clock.GetElapsedTime(_stamps.Peek(), now);
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, clock, ct);
        }
    }
}
