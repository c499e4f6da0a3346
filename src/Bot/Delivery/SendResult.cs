namespace Timpora.Bot.Delivery;

public enum SendOutcome
{
    Sent,
    /// <summary>Flood control: wait <see cref="SendResult.RetryAfter"/>, then send the same message again.</summary>
    RateLimited,
    /// <summary>A server error, a timeout, a dropped connection: worth trying again later.</summary>
    Transient,
    /// <summary>The person blocked the bot or is gone: send nothing more.</summary>
    Unreachable,
    /// <summary>The platform refused this message for good (a 400); retrying would fail the same way.</summary>
    Rejected,
}

public sealed record SendResult(SendOutcome Outcome, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static SendResult Sent { get; } = new(SendOutcome.Sent);
}
