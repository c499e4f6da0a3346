namespace Timpora.Core.Delivery;

/// <summary>
/// A message waiting to be sent, written in the same transaction as the turn or job that decided to send it.
/// Once delivered, the address and text are erased; a row with an idempotency key stays as a tombstone so the
/// same notification is never queued twice.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(string channel, string chatKey, string message, string? idempotencyKey, DateTime nowUtc)
    {
        Channel = channel;
        ChatKey = chatKey;
        Message = message;
        IdempotencyKey = idempotencyKey;
        CreatedAt = nowUtc;
        NextAttemptAt = nowUtc;
    }

    public long Id { get; private set; }

    public string Channel { get; private set; } = "";

    /// <summary>The channel's address key (Telegram: chat id); null once the message is settled.</summary>
    public string? ChatKey { get; private set; }

    /// <summary>The <see cref="Messaging.OutgoingMessage"/> as JSON; null once the message is settled.</summary>
    public string? Message { get; private set; }

    public string? IdempotencyKey { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public void MarkSent() => Settle(OutboxStatus.Sent, null);

    public void MarkUnreachable(string reason) => Settle(OutboxStatus.Unreachable, reason);

    public void MarkFailed(string reason) => Settle(OutboxStatus.Failed, reason);

    /// <summary>Flood control: try again later without counting it as a failed attempt.</summary>
    public void Postpone(DateTime whenUtc, string reason)
    {
        NextAttemptAt = whenUtc;
        LastError = reason;
    }

    public void RetryAt(DateTime whenUtc, string reason)
    {
        Attempts++;
        NextAttemptAt = whenUtc;
        LastError = reason;
    }

    private void Settle(OutboxStatus status, string? reason)
    {
        Status = status;
        Attempts++;
        LastError = reason;
        ChatKey = null;
        Message = null;
    }
}
