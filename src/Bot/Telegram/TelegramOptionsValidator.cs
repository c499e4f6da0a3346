using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Timpora.Bot.Telegram;

/// <summary>
/// Stops the host at start-up with messages that name the key. The token and the webhook secret are secrets:
/// a message may say how long they are, never what they are.
/// </summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public const int MaxPollTimeoutSeconds = 50;

    private static readonly int[] WebhookPorts = [443, 80, 88, 8443];

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (options.Enabled && !TokenPattern().IsMatch(options.BotToken))
        {
            var whitespace = options.BotToken.Trim().Length != options.BotToken.Length ? " (it has leading or trailing whitespace)" : "";
            errors.Add(
                $"{Key(nameof(options.BotToken))} must look like '123456:ABC...' (digits, a colon, then letters, digits, '-' or '_'); " +
                $"got a value of {options.BotToken.Length} characters{whitespace}.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{Key(nameof(options.ApiBaseUrl))} must be an absolute http(s) URL such as 'https://api.telegram.org'; got '{Shown(options.ApiBaseUrl, options)}'.");
        }

        if (options.UsesWebhook)
        {
            ValidateWebhook(options, errors);
        }

        if (options.PollTimeoutSeconds is < 0 or > MaxPollTimeoutSeconds)
        {
            errors.Add($"{Key(nameof(options.PollTimeoutSeconds))} must be between 0 and {MaxPollTimeoutSeconds} seconds; got {options.PollTimeoutSeconds}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateWebhook(TelegramOptions options, List<string> errors)
    {
        var key = Key(nameof(options.WebhookUrl));
        if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{key} must be an absolute https URL such as 'https://bot.example.go.id/telegram'; got '{Shown(options.WebhookUrl, options)}'.");
        }
        else if (url.IsLoopback)
        {
            // Loopback is only ever a test or a local fake server; Telegram itself can never reach it.
        }
        else if (url.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{key} must use https (http is accepted only for loopback hosts, in tests); got '{Shown(options.WebhookUrl, options)}'.");
        }
        else if (!WebhookPorts.Contains(url.Port))
        {
            errors.Add($"{key} must use port 443, 80, 88 or 8443, the only ports Telegram delivers webhooks to; got port {url.Port}.");
        }

        var secret = options.WebhookSecret ?? "";
        if (!SecretPattern().IsMatch(secret))
        {
            errors.Add(
                $"{Key(nameof(options.WebhookSecret))} must be set when {key} is set: 1 to 256 characters of A-Z, a-z, 0-9, '_' or '-'; " +
                $"got a value of {secret.Length} characters.");
        }
    }

    private static string Key(string property) => $"{TelegramOptions.SectionName}:{property}";

    // Someone may paste the token into the wrong key; a message must not carry it to the log.
    private static string? Shown(string? value, TelegramOptions options) =>
        options.Enabled && value is not null ? value.Replace(options.BotToken, "<BotToken>", StringComparison.Ordinal) : value;

    [GeneratedRegex(@"^[0-9]+:[A-Za-z0-9_-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();
}
