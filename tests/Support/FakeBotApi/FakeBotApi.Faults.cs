namespace Timpora.Testing;

// Scripted trouble. Faults are consumed in the order queued; each call takes at most one, the first that matches.
public sealed partial class FakeBotApi
{
    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="method"/> ("*" for any), optionally only those to
    /// <paramref name="chatId"/>, fail with this error_code, description and retry_after; the HTTP status equals the error_code.
    /// For server trouble use e.g. <c>FailNext("sendMessage", 502, "Bad Gateway")</c>.
    /// </summary>
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null, int times = 1, long? chatId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(errorCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(errorCode, 599);
        ArgumentException.ThrowIfNullOrEmpty(description);
        _faults.Add(method, chatId, times, new FaultHit(FaultKind.Fail, errorCode, description, retryAfter, TimeSpan.Zero));
    }

    /// <summary>
    /// The next calls answer only after <paramref name="delay"/>, then behave normally. A client that gives up during the
    /// delay leaves no trace beyond a Cancelled call: nothing is sent.
    /// </summary>
    public void DelayNext(string method, TimeSpan delay, int times = 1) =>
        _faults.Add(method, null, times, new FaultHit(FaultKind.Delay, 0, "", null, delay));

    /// <summary>The next calls are aborted without an answer (the client sees a transport error); nothing is sent.</summary>
    public void DropConnectionNext(string method, int times = 1) =>
        _faults.Add(method, null, times, new FaultHit(FaultKind.Drop, 0, "", null, TimeSpan.Zero));

    /// <summary>Faults still waiting to be consumed (counting each remaining repetition).</summary>
    public int PendingFaultCount => _faults.Count;

    public void ClearFaults() => _faults.Clear();
}
