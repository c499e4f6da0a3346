namespace Timpora.Testing;

/// <summary>
/// Wakes every current waiter on each pulse. A waiter takes <see cref="Next"/> before it checks its condition,
/// so a pulse landing between the check and the await is never lost.
/// </summary>
internal sealed class Signal
{
    private TaskCompletionSource _next = Create();

    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, Create()).TrySetResult();

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking on every pulse. False on timeout.</summary>
    public async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var next = Next;
            if (condition())
            {
                return true;
            }
            var remaining = timeout - TimeProvider.System.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }
            try
            {
                await next.WaitAsync(remaining, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Loop once more: the condition may have become true exactly at the deadline.
            }
        }
    }

    // Continuations run elsewhere so a pulse from inside a lock never runs waiter code under that lock.
    private static TaskCompletionSource Create() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
