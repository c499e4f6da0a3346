using System.Globalization;
using Timpora.Bot.Delivery;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Storage;

namespace Timpora.Bot.Telegram;

/// <summary>
/// What polling and the webhook share: translate a batch of updates, store the usable ones in the inbox (the
/// caller confirms them to Telegram only after this returns), note blocks and unblocks, answer button presses.
/// </summary>
public sealed class TelegramReceiver(
    Inbox inbox,
    TelegramClient client,
    BotProfile profile,
    IServiceScopeFactory scopes,
    Reachability reachability,
    ILogger<TelegramReceiver> log)
{
    public async Task ReceiveAsync(IReadOnlyList<Update> updates, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var translated = updates.Select(u => UpdateTranslator.Translate(u, profile.Username)).ToList();
        foreach (var skipped in translated.Where(t => t.SkipReason is not null))
        {
            log.LogInformation("Skipped Telegram update {UpdateId}: {Reason}", skipped.UpdateId, skipped.SkipReason);
        }

        var usable = translated
            .Where(t => t.Message is not null)
            .Select(t => new ReceivedUpdate(t.UpdateId.ToString(CultureInfo.InvariantCulture), t.Message!))
            .ToList();
        await inbox.AcceptAsync(Channel.Telegram, usable, ct);
        await NoteReachabilityAsync(translated, ct);

        foreach (var query in translated.Where(t => t.CallbackQueryId is not null))
        {
            // The spinner on the person's button stops only when answered, so answer now rather than after the turn.
            _ = AnswerAsync(query.CallbackQueryId!);
        }
    }

    private async Task NoteReachabilityAsync(List<TranslatedUpdate> translated, CancellationToken ct)
    {
        var changes = translated.Where(t => t.BlockedChatId is not null || t.UnblockedChatId is not null).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
        foreach (var change in changes)
        {
            var chat = (change.BlockedChatId ?? change.UnblockedChatId)!.Value.ToString(CultureInfo.InvariantCulture);
            await reachability.SetAsync(db, new ConversationAddress(Channel.Telegram, chat), reachable: change.BlockedChatId is null, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task AnswerAsync(string callbackQueryId)
    {
        try
        {
            await client.AnswerCallbackQueryAsync(callbackQueryId, null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is TelegramApiException or TelegramTransportException)
        {
            // Too old or already answered: the turn itself still runs and replies.
            log.LogDebug(ex, "Could not answer a callback query");
        }
    }
}
