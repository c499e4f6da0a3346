using System.Globalization;
using System.Text;

namespace Timpora.Testing;

// What the bot did, for assertions.
public sealed partial class FakeBotApi
{
    private readonly List<SentMessage> _sent = [];
    private readonly List<BotApiCall> _calls = [];
    private readonly List<AnsweredCallback> _answered = [];
    private readonly Signal _journalChanged = new();
    private int _getUpdatesCount;
    private int _rateLimitedCount;
    private long? _lastOffset;

    /// <summary>Accepted send*/edit* calls in acceptance order (answerCallbackQuery is in <see cref="AnsweredCallbacks"/>).</summary>
    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToArray();
            }
        }
    }

    public IReadOnlyList<SentMessage> SentTo(long chatId)
    {
        lock (_gate)
        {
            return _sent.Where(m => m.ChatId == chatId).ToArray();
        }
    }

    /// <summary>Every request answered or dropped, rejected ones included, in the order they finished.</summary>
    public IReadOnlyList<BotApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToArray();
            }
        }
    }

    public IReadOnlyList<BotApiCall> CallsOf(string method)
    {
        lock (_gate)
        {
            return _calls.Where(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase)).ToArray();
        }
    }

    public IReadOnlyList<AnsweredCallback> AnsweredCallbacks
    {
        get
        {
            lock (_gate)
            {
                return _answered.ToArray();
            }
        }
    }

    public IReadOnlyList<string> AnsweredCallbackQueryIds
    {
        get
        {
            lock (_gate)
            {
                return _answered.Select(a => a.CallbackQueryId).ToArray();
            }
        }
    }

    /// <summary>getUpdates calls received, counted on arrival (a long poll still waiting counts).</summary>
    public int GetUpdatesCount => Volatile.Read(ref _getUpdatesCount);

    /// <summary>The offset of the latest getUpdates that carried one.</summary>
    public long? LastOffset
    {
        get
        {
            lock (_gate)
            {
                return _lastOffset;
            }
        }
    }

    /// <summary>429 answers given, by the rate-limit enforcement or by <see cref="FailNext"/>.</summary>
    public int RateLimitedCount => Volatile.Read(ref _rateLimitedCount);

    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => _webhook.Deliveries;

    /// <summary>Returns the first sent message (already sent or still to come) that matches.</summary>
    /// <exception cref="TimeoutException">Nothing matched in time; the message lists what was sent.</exception>
    public async Task<SentMessage> WaitForMessageAsync(Func<SentMessage, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        SentMessage? found = null;
        var seen = 0;
        bool Probe()
        {
            // Only what arrived since the last look is copied, and matched outside the lock: test code never runs under it.
            found = Fresh(_sent, ref seen).FirstOrDefault(match);
            return found is not null;
        }
        return await _journalChanged.WaitUntilAsync(Probe, timeout)
            ? found!
            : throw new TimeoutException($"No sent message matched within {Seconds(timeout)}.{Environment.NewLine}{DescribeJournal()}");
    }

    /// <exception cref="TimeoutException">Fewer than <paramref name="count"/> messages were sent in time.</exception>
    public async Task WaitForSentCountAsync(int count, TimeSpan timeout)
    {
        bool Enough()
        {
            lock (_gate)
            {
                return _sent.Count >= count;
            }
        }
        if (!await _journalChanged.WaitUntilAsync(Enough, timeout))
        {
            throw new TimeoutException($"Expected {count} sent messages within {Seconds(timeout)}.{Environment.NewLine}{DescribeJournal()}");
        }
    }

    /// <summary>Returns the first call (already made or still to come) that matches, whatever its outcome.</summary>
    public async Task<BotApiCall> WaitForCallAsync(Func<BotApiCall, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        BotApiCall? found = null;
        var seen = 0;
        bool Probe()
        {
            found = Fresh(_calls, ref seen).FirstOrDefault(match);
            return found is not null;
        }
        return await _journalChanged.WaitUntilAsync(Probe, timeout)
            ? found!
            : throw new TimeoutException($"No call matched within {Seconds(timeout)}.{Environment.NewLine}{DescribeJournal()}");
    }

    /// <summary>Waits until the update is gone from the queue: confirmed by a getUpdates offset or accepted by the webhook.</summary>
    public async Task WaitForUpdateConfirmedAsync(long updateId, TimeSpan timeout)
    {
        if (!await _updates.Changed.WaitUntilAsync(() => !_updates.IsPending(updateId), timeout))
        {
            throw new TimeoutException(
                $"Update {updateId} was not confirmed within {Seconds(timeout)} (last offset {LastOffset?.ToString(CultureInfo.InvariantCulture) ?? "none"}, "
                + $"{GetUpdatesCount} getUpdates calls).{Environment.NewLine}{DescribeJournal()}");
        }
    }

    /// <summary>Forgets recorded messages, calls, answers and webhook deliveries, e.g. between benchmark rounds. State (chats, queue) stays.</summary>
    public void ClearJournal()
    {
        lock (_gate)
        {
            _sent.Clear();
            _calls.Clear();
            _answered.Clear();
        }
        _webhook.ClearLog();
    }

    /// <summary>A readable account of what the bot sent and which calls failed, for failure messages.</summary>
    public string DescribeJournal()
    {
        SentMessage[] sent;
        BotApiCall[] failed;
        lock (_gate)
        {
            sent = _sent.ToArray();
            failed = _calls.Where(c => c.Outcome != CallOutcome.Accepted).TakeLast(10).ToArray();
        }
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Sent so far ({sent.Length}):");
        foreach (var (m, i) in sent.TakeLast(20).Select((m, i) => (m, i + Math.Max(0, sent.Length - 20))))
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  #{i + 1} {m.Method} chat {m.ChatId} msg {m.MessageId}: {Summary(m)}");
        }
        if (failed.Length > 0)
        {
            text.AppendLine().Append("Recent calls not accepted:");
            foreach (var c in failed)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {c.Method} chat {c.ChatId?.ToString(CultureInfo.InvariantCulture) ?? "-"} -> {c.StatusCode} {c.Outcome} {c.Description}");
            }
        }
        return text.ToString();
    }

    private List<T> Fresh<T>(List<T> journal, ref int seen)
    {
        lock (_gate)
        {
            // ClearJournal may have emptied the list since the last look.
            seen = Math.Min(seen, journal.Count);
            var fresh = journal.GetRange(seen, journal.Count - seen);
            seen = journal.Count;
            return fresh;
        }
    }

    private static string Summary(SentMessage m)
    {
        var what = m.Text ?? (m.Latitude is not null ? $"location {m.Latitude}, {m.Longitude} {m.Title}" : m.FileId ?? "");
        if (what.Length > 120)
        {
            what = what[..117] + "...";
        }
        return m.ReplyMarkup is null ? $"\"{what}\"" : $"\"{what}\" + {m.ReplyMarkup}";
    }

    private static string Seconds(TimeSpan timeout) => string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalSeconds:0.###} s");

    private void Record(string method, ApiParameters parameters, TimeSpan receivedAt, int statusCode, string? description, CallOutcome outcome)
    {
        var call = new BotApiCall(method, parameters.Long("chat_id"), statusCode, description, outcome, parameters.ToJson(), receivedAt, _clock.Elapsed);
        if (statusCode == 429)
        {
            Interlocked.Increment(ref _rateLimitedCount);
        }
        lock (_gate)
        {
            _calls.Add(call);
        }
        _journalChanged.Pulse();
    }

    // Caller holds _gate.
    private void RecordSent(SentMessage message)
    {
        _sent.Add(message);
        _journalChanged.Pulse();
    }
}
