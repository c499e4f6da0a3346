using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;

namespace Timpora.Bot.Telegram;

/// <summary>
/// Talks to Telegram for the host: says who we are and what commands we take, then either registers the webhook or
/// long-polls. A batch is confirmed (the next offset) only after the inbox has stored it.
/// </summary>
public sealed class TelegramPolling(
    TelegramClient client,
    TelegramReceiver receiver,
    BotProfile profile,
    IOptions<TelegramOptions> options,
    ILogger<TelegramPolling> log) : BackgroundService
{
    public static readonly IReadOnlyList<string> AllowedUpdates = ["message", "edited_message", "callback_query", "my_chat_member"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!await StartAsync(settings, stoppingToken) || settings.UsesWebhook)
        {
            return;
        }

        long? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await client.GetUpdatesAsync(offset, settings.PollTimeoutSeconds, TelegramClient.MaxUpdatesPerCall, AllowedUpdates, stoppingToken);
                if (updates.Count > 0)
                {
                    await receiver.ReceiveAsync(updates, stoppingToken);
                    offset = updates.Max(u => u.UpdateId) + 1;
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                var wait = Wait(ex, failures);
                log.Log(ex is TelegramApiException { IsFatalForPolling: true } ? LogLevel.Critical : LogLevel.Warning, ex,
                    "Polling Telegram failed ({Failures} in a row); trying again in {Wait}", failures, wait);
                await Task.Delay(wait, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await ConfirmAsync(offset);
    }

    private async Task<bool> StartAsync(TelegramOptions settings, CancellationToken ct)
    {
        for (var attempt = 1; !ct.IsCancellationRequested; attempt++)
        {
            try
            {
                var me = await client.GetMeAsync(ct);
                profile.Username = me.Username ?? "";
                await client.SetMyCommandsAsync(TelegramCommands.For(Language.Indonesian), null, ct);
                await client.SetMyCommandsAsync(TelegramCommands.For(Language.Indonesian), "id", ct);
                await client.SetMyCommandsAsync(TelegramCommands.For(Language.English), "en", ct);
                if (settings.UsesWebhook)
                {
                    await client.SetWebhookAsync(settings.WebhookUrl!, settings.WebhookSecret!, AllowedUpdates, ct);
                    log.LogInformation("Telegram is on as @{Bot}, receiving by webhook", profile.Username);
                }
                else
                {
                    // getUpdates fails while a webhook is set, so make sure none is.
                    await client.DeleteWebhookAsync(dropPending: false, ct);
                    log.LogInformation("Telegram is on as @{Bot}, receiving by long polling", profile.Username);
                }

                return true;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex)
            {
                var wait = Wait(ex, attempt);
                log.LogError(ex, "Could not start Telegram (attempt {Attempt}); trying again in {Wait}", attempt, wait);
                await Task.Delay(wait, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        return false;
    }

    /// <summary>Tells Telegram the last batch is stored, so a restart does not receive it again.</summary>
    private async Task ConfirmAsync(long? offset)
    {
        if (offset is null)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await client.GetUpdatesAsync(offset, 0, 1, AllowedUpdates, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TelegramApiException or TelegramTransportException)
        {
            // A redelivery after restart is recognised by the inbox; nothing is lost by not confirming.
            log.LogDebug(ex, "Could not confirm the last offset on shutdown");
        }
    }

    private static TimeSpan Wait(Exception ex, int failures) => ex switch
    {
        TelegramApiException { RetryAfter: { } retryAfter } => retryAfter,
        TelegramApiException { IsFatalForPolling: true } => TimeSpan.FromSeconds(60),
        _ => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5)) / 2)),
    };
}
