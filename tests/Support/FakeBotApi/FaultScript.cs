namespace Timpora.Testing;

internal enum FaultKind
{
    Fail,
    Delay,
    Drop,
}

internal sealed record FaultHit(FaultKind Kind, int ErrorCode, string Description, int? RetryAfter, TimeSpan Delay);

/// <summary>Scripted faults, consumed strictly in the order the test queued them, one per matching call.</summary>
internal sealed class FaultScript
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];

    private sealed class Fault(string method, long? chatId, int times, FaultHit hit)
    {
        public string Method { get; } = method;

        public long? ChatId { get; } = chatId;

        public int Remaining { get; set; } = times;

        public FaultHit Hit { get; } = hit;

        public bool Matches(string calledMethod, long? calledChatId) =>
            (Method == "*" || string.Equals(Method, calledMethod, StringComparison.OrdinalIgnoreCase))
            && (ChatId is null || ChatId == calledChatId);
    }

    public void Add(string method, long? chatId, int times, FaultHit hit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _faults.Add(new Fault(method, chatId, times, hit));
        }
    }

    public FaultHit? Take(string method, long? chatId)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Matches(method, chatId));
            if (index < 0)
            {
                return null;
            }
            var fault = _faults[index];
            if (--fault.Remaining == 0)
            {
                _faults.RemoveAt(index);
            }
            return fault.Hit;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _faults.Sum(f => f.Remaining);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }
}
