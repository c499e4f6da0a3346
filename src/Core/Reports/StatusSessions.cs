using System.Collections.Concurrent;

namespace Timpora.Core.Reports;

/// <summary>
/// Which report a conversation opened with its receipt code, for 30 minutes after its last use. Held in memory only,
/// never in the conversation's stored state: the database must not link a chat to a report, even for a moment. After
/// a restart, or half an hour of quiet, the reporter types the code again.
/// </summary>
public sealed class StatusSessions
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Session> _open = new(StringComparer.Ordinal);

    public void Open(string pseudonym, long reportId, DateTimeOffset now)
    {
        _open[pseudonym] = new Session(reportId, now);
        foreach (var (id, session) in _open)
        {
            if (now - session.Used >= Lifetime)
            {
                _open.TryRemove(id, out _);
            }
        }
    }

    /// <summary>The open report, its half hour renewed; null when none is open or it lapsed.</summary>
    public long? Current(string pseudonym, DateTimeOffset now)
    {
        if (!_open.TryGetValue(pseudonym, out var session))
        {
            return null;
        }

        if (now - session.Used >= Lifetime)
        {
            _open.TryRemove(pseudonym, out _);
            return null;
        }

        _open[pseudonym] = session with { Used = now };
        return session.ReportId;
    }

    public void Close(string pseudonym) => _open.TryRemove(pseudonym, out _);

    private sealed record Session(long ReportId, DateTimeOffset Used);
}
