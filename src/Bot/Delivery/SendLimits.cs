namespace Timpora.Bot.Delivery;

/// <summary>
/// A channel's flood limits as sliding windows: at most <c>Count</c> messages in any <c>Window</c>. Telegram publishes
/// about 30/s overall, about 1/s per private chat after a short burst, and 20/min per group.
/// </summary>
public sealed record SendLimits(Limit Overall, Limit PerChat, Limit PerGroup)
{
    public static SendLimits Unlimited { get; } = new(Limit.None, Limit.None, Limit.None);
}

public sealed record Limit(int Count, TimeSpan Window)
{
    public static Limit None { get; } = new(int.MaxValue, TimeSpan.Zero);
}
