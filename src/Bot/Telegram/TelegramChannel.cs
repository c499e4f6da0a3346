using System.Globalization;
using Timpora.Bot.Delivery;
using Timpora.Core.Messaging;

namespace Timpora.Bot.Telegram;

/// <summary>The outbox's view of Telegram: sends one message and names the outcome in the dispatcher's terms.</summary>
public sealed class TelegramChannel(TelegramSender sender, ILogger<TelegramChannel> log) : IChannelSender
{
    // One under Telegram's published figures, so clock jitter between us and them never tips a window over.
    private static readonly SendLimits TelegramLimits = new(
        Overall: new Limit(29, TimeSpan.FromSeconds(1)),
        PerChat: new Limit(3, TimeSpan.FromSeconds(3)),
        PerGroup: new Limit(19, TimeSpan.FromMinutes(1)));

    public string Channel => Core.Messaging.Channel.Telegram;

    public SendLimits Limits => TelegramLimits;

    public bool IsGroup(string chatKey) => chatKey.StartsWith('-');

    public async Task<SendResult> SendAsync(string chatKey, OutgoingMessage message, CancellationToken ct)
    {
        if (!long.TryParse(chatKey, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return new SendResult(SendOutcome.Rejected, "not a Telegram chat id");
        }

        try
        {
            await sender.DeliverAsync(chatId, message, ct);
            return SendResult.Sent;
        }
        catch (TelegramApiException ex) when (ex.IsRateLimited)
        {
            return new SendResult(SendOutcome.RateLimited, ex.Description, ex.RetryAfter);
        }
        catch (TelegramApiException ex) when (ex.IsForbidden)
        {
            return new SendResult(SendOutcome.Unreachable, ex.Description);
        }
        catch (TelegramApiException ex) when (ex.IsBadRequest)
        {
            return new SendResult(SendOutcome.Rejected, ex.Description);
        }
        catch (TelegramApiException ex)
        {
            // 5xx, and 401/404 (a token being rotated): keep the message; it goes once Telegram takes it again.
            if (!ex.IsServerError)
            {
                log.LogError("Telegram refused sending with {ErrorCode}: {Description}", ex.ErrorCode, ex.Description);
            }

            return new SendResult(SendOutcome.Transient, $"{ex.ErrorCode} {ex.Description}");
        }
        catch (ArgumentException ex)
        {
            return new SendResult(SendOutcome.Rejected, ex.Message);
        }
        catch (TelegramTransportException ex)
        {
            return new SendResult(SendOutcome.Transient, ex.Message);
        }
    }
}
