namespace Timpora.Core.Delivery;

public enum OutboxStatus
{
    Pending,
    Sent,
    /// <summary>The person blocked the bot or left; nothing more is sent until they write again.</summary>
    Unreachable,
    /// <summary>The platform refused the message for good (a 400); kept for the log, never retried.</summary>
    Failed,
}
