namespace Timpora.Testing;

/// <summary>How the fake Bot API behaves. The defaults mimic Telegram closely enough for integration tests.</summary>
public sealed record FakeBotApiOptions
{
    /// <summary>The token the fake accepts. The digits before the colon become the bot's user id, as with real tokens.</summary>
    public string Token { get; init; } = "123456:TEST-token-abc";

    public string BotUsername { get; init; } = "TimporaTestBot";

    public string BotFirstName { get; init; } = "Timpora Test Bot";

    /// <summary>The first update_id handed out; later ones increase by one.</summary>
    public long FirstUpdateId { get; init; } = 1000;

    /// <summary>
    /// When true, sending to a chat the bot has never heard from (no update created for it, no <see cref="FakeBotApi.AddChat"/>)
    /// fails with 400 "chat not found", as Telegram does for users who never started the bot.
    /// </summary>
    public bool RequireKnownChats { get; init; }

    /// <summary>When true, send* methods answer 429 with retry_after once the limits below are exceeded.</summary>
    public bool EnforceRateLimits { get; init; }

    /// <summary>Sliding one-second window over all chats.</summary>
    public int GlobalMessagesPerSecond { get; init; } = 30;

    /// <summary>Token bucket per private chat: this many messages may go out back to back...</summary>
    public int PrivateChatBurst { get; init; } = 3;

    /// <summary>...and the bucket refills at this rate.</summary>
    public double PrivateChatMessagesPerSecond { get; init; } = 1;

    /// <summary>Sliding one-minute window per group (negative chat id).</summary>
    public int GroupMessagesPerMinute { get; init; } = 20;

    /// <summary>Webhook deliveries answered with a non-2xx status (or failing) are tried this many times in total, then dropped.</summary>
    public int WebhookMaxAttempts { get; init; } = 3;

    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Only feeds the Unix <c>date</c> fields of messages; waits and rate limits always use real elapsed time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
