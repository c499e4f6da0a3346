using Timpora.Core.Messaging;

namespace Timpora.Bot.Telegram;

/// <summary>What one Telegram update means for the service. Several parts may be set at once.</summary>
/// <param name="UpdateId">The inbox key and the basis of the next getUpdates offset, even for skipped updates.</param>
public sealed record TranslatedUpdate(long UpdateId)
{
    /// <summary>Something to hand to the conversation engine; null when there is nothing to handle.</summary>
    public IncomingMessage? Message { get; init; }

    /// <summary>A pressed button to answer at once, before any slow work, whether or not it leads to a message.</summary>
    public string? CallbackQueryId { get; init; }

    /// <summary>The user blocked the bot in this private chat: stop sending there.</summary>
    public long? BlockedChatId { get; init; }

    /// <summary>The user unblocked (or restarted) the bot in this private chat.</summary>
    public long? UnblockedChatId { get; init; }

    /// <summary>Why nothing is handled, for the log; holds no personal data.</summary>
    public string? SkipReason { get; init; }
}
