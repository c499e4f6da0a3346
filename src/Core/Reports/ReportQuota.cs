using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Timpora.Core.Reports;

/// <summary>
/// How many reports each conversation sent in the last 24 hours. Kept in memory only (design §6): a restart forgets
/// it, which is the price of never writing down who reported how often.
/// </summary>
public sealed class ReportQuota(IOptions<ReportsOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _sent = new(StringComparer.Ordinal);

    public bool Allows(string pseudonym, DateTimeOffset now) => Recent(pseudonym, now) < options.Value.DailyLimit;

    public void Count(string pseudonym, DateTimeOffset now)
    {
        var times = _sent.GetOrAdd(pseudonym, _ => []);
        lock (times)
        {
            times.Add(now);
        }

        Forget(now);
    }

    private int Recent(string pseudonym, DateTimeOffset now)
    {
        if (!_sent.TryGetValue(pseudonym, out var times))
        {
            return 0;
        }

        lock (times)
        {
            times.RemoveAll(t => now - t >= Window);
            return times.Count;
        }
    }

    /// <summary>Drops conversations with nothing left in the window, so memory does not grow with every reporter ever.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (id, times) in _sent)
        {
            bool stale;
            lock (times)
            {
                stale = times.TrueForAll(t => now - t >= Window);
            }

            if (stale)
            {
                _sent.TryRemove(id, out _);
            }
        }
    }
}
