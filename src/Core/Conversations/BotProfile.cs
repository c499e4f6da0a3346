namespace Timpora.Core.Conversations;

/// <summary>What the channel told us about ourselves at start-up (Telegram: getMe).</summary>
public sealed class BotProfile
{
    public string Username { get; set; } = "";
}
