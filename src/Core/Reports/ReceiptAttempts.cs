using System.Collections.Concurrent;

namespace Timpora.Core.Reports;

/// <summary>
/// Slows down someone trying codes: after three wrong codes, each further try must wait, one minute at first and
/// doubling to an hour. Kept in memory per conversation; a right code clears it.
/// </summary>
public sealed class ReceiptAttempts
{
    public const int FreeMisses = 3;

    private static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    // Misses older than this are forgiven, so a person who mistyped yesterday starts fresh.
    private static readonly TimeSpan Memory = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, Misses> _misses = new(StringComparer.Ordinal);

    /// <summary>How long this conversation must still wait before trying a code; zero when it may try now.</summary>
    public TimeSpan WaitBeforeTrying(string pseudonym, DateTimeOffset now)
    {
        if (!_misses.TryGetValue(pseudonym, out var misses) || now - misses.Last >= Memory)
        {
            return TimeSpan.Zero;
        }

        var wait = misses.Count < FreeMisses ? TimeSpan.Zero : Wait(misses.Count) - (now - misses.Last);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void Missed(string pseudonym, DateTimeOffset now)
    {
        _misses.AddOrUpdate(
            pseudonym,
            _ => new Misses(1, now),
            (_, m) => now - m.Last >= Memory ? new Misses(1, now) : new Misses(m.Count + 1, now));
        foreach (var (id, m) in _misses)
        {
            if (now - m.Last >= Memory)
            {
                _misses.TryRemove(id, out _);
            }
        }
    }

    public void Matched(string pseudonym) => _misses.TryRemove(pseudonym, out _);

    private static TimeSpan Wait(int count)
    {
        var doublings = Math.Min(count - FreeMisses, 10);
        var wait = FirstWait * Math.Pow(2, doublings);
        return wait < LongestWait ? wait : LongestWait;
    }

    private sealed record Misses(int Count, DateTimeOffset Last);
}
