namespace Timpora.Bot.Telegram;

/// <summary>The <c>Telegram</c> configuration section. The token comes from the environment, never from appsettings.json.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>Empty turns the Telegram channel off.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Configurable so tests can point the client at a fake Bot API server on loopback.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>The public HTTPS URL Telegram posts updates to; empty means long polling.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram in <c>X-Telegram-Bot-Api-Secret-Token</c> on every webhook request.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How long one getUpdates call may wait on Telegram's side for new updates.</summary>
    public int PollTimeoutSeconds { get; set; } = 25;

    public bool Enabled => BotToken != "";

    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);
}
