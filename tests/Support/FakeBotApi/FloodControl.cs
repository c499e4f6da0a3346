namespace Timpora.Testing;

/// <summary>
/// Telegram's published send limits, enforced the way a strict server would. Rejected sends consume nothing,
/// so a client that waits retry_after and retries is always let through.
/// Rules: a sliding one-second window over all chats; a token bucket per private chat (a burst of
/// <see cref="FakeBotApiOptions.PrivateChatBurst"/>, refilled at <see cref="FakeBotApiOptions.PrivateChatMessagesPerSecond"/>);
/// a sliding one-minute window per group. Not thread-safe: the caller holds its lock.
/// </summary>
internal sealed class FloodControl(FakeBotApiOptions options)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Queue<TimeSpan> _global = new();
    private readonly Dictionary<long, Bucket> _privateChats = [];
    private readonly Dictionary<long, Queue<TimeSpan>> _groups = [];

    private sealed class Bucket(double tokens, TimeSpan refilledAt)
    {
        public double Tokens { get; set; } = tokens;

        public TimeSpan RefilledAt { get; set; } = refilledAt;
    }

    /// <summary>Takes one send for <paramref name="chatId"/> at <paramref name="now"/>: 0 when allowed, else the retry_after seconds.</summary>
    public int TryAcquire(long chatId, TimeSpan now)
    {
        var wait = WindowWait(_global, options.GlobalMessagesPerSecond, Second, now);
        Queue<TimeSpan>? group = null;
        Bucket? bucket = null;
        if (chatId < 0)
        {
            group = _groups.TryGetValue(chatId, out var existing) ? existing : _groups[chatId] = new Queue<TimeSpan>();
            wait = Max(wait, WindowWait(group, options.GroupMessagesPerMinute, Minute, now));
        }
        else
        {
            bucket = _privateChats.TryGetValue(chatId, out var existing) ? existing : _privateChats[chatId] = new Bucket(options.PrivateChatBurst, now);
            bucket.Tokens = Math.Min(options.PrivateChatBurst, bucket.Tokens + (now - bucket.RefilledAt).TotalSeconds * options.PrivateChatMessagesPerSecond);
            bucket.RefilledAt = now;
            if (bucket.Tokens < 1)
            {
                wait = Max(wait, TimeSpan.FromSeconds((1 - bucket.Tokens) / options.PrivateChatMessagesPerSecond));
            }
        }
        if (wait > TimeSpan.Zero)
        {
            // Telegram never answers retry_after 0; round up so waiting exactly that long always succeeds.
            return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        }
        _global.Enqueue(now);
        group?.Enqueue(now);
        if (bucket is not null)
        {
            bucket.Tokens -= 1;
        }
        return 0;
    }

    private static TimeSpan WindowWait(Queue<TimeSpan> sends, int limit, TimeSpan window, TimeSpan now)
    {
        while (sends.Count > 0 && sends.Peek() <= now - window)
        {
            sends.Dequeue();
        }
        return sends.Count < limit ? TimeSpan.Zero : sends.Peek() + window - now;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
