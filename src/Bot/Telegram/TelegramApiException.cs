namespace Timpora.Bot.Telegram;

/// <summary>
/// The Bot API answered <c>{"ok": false}</c>. The helpers encode the handling table of the Bot API doc (§2.2) so the
/// dispatcher and the poller do not compare numbers. The description has already been scrubbed of the token.
/// </summary>
public sealed class TelegramApiException : Exception
{
    public TelegramApiException(string method, int errorCode, string description, TimeSpan? retryAfter = null, long? migrateToChatId = null)
        : base($"Bot API {method} failed with {errorCode}: {description}")
    {
        Method = method;
        ErrorCode = errorCode;
        Description = description;
        RetryAfter = retryAfter;
        MigrateToChatId = migrateToChatId;
    }

    public string Method { get; }

    public int ErrorCode { get; }

    public string Description { get; }

    /// <summary>From <c>parameters.retry_after</c>: how long Telegram wants us to wait before trying again.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>From <c>parameters.migrate_to_chat_id</c>: the group became a supergroup with this id.</summary>
    public long? MigrateToChatId { get; }

    public bool IsRateLimited => ErrorCode == 429 || RetryAfter is not null;

    /// <summary>The user blocked the bot, was deactivated, or never started it: mark the chat unreachable.</summary>
    public bool IsForbidden => ErrorCode == 403;

    /// <summary>Our request was wrong; retrying the same request cannot help.</summary>
    public bool IsBadRequest => ErrorCode == 400;

    public bool IsServerError => ErrorCode >= 500;

    /// <summary>Bad token (401), malformed token or unknown method (404), or another poller or a webhook (409).</summary>
    public bool IsFatalForPolling => ErrorCode is 401 or 404 or 409;

    /// <summary>An edit to identical content: the message already looks the way we want, so it counts as success.</summary>
    public bool IsMessageNotModified =>
        IsBadRequest && Description.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    public bool IsChatMigrated => MigrateToChatId is not null;
}
