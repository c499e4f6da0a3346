using Microsoft.EntityFrameworkCore;
using Timpora.Core.Messaging;
using Timpora.Core.Storage;

namespace Timpora.Core.Delivery;

/// <summary>
/// Queues messages in the caller's unit of work: they are sent only if the turn or job that wrote them commits.
/// </summary>
public sealed class Outbox(TimporaDb db, TimeProvider clock)
{
    /// <summary>The longest text any of our channels takes in one message (Telegram's).</summary>
    public const int MaxTextLength = 4096;

    public void Enqueue(ConversationAddress to, OutgoingMessage message, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow().UtcDateTime;
        var parts = Parts(message);
        for (var i = 0; i < parts.Count; i++)
        {
            var key = idempotencyKey is null || i == 0 ? idempotencyKey : $"{idempotencyKey}#{i}";
            db.Outbox.Add(new OutboxMessage(to.Channel, to.Key, MessageJson.Write(parts[i]), key, now));
        }
    }

    /// <summary>
    /// Withdraws what is still waiting under keys that start with <paramref name="keyPrefix"/> (a visit's, a session's,
    /// one applicant's): a reminder for a window that moved, or for a session that was cancelled, must not arrive.
    /// What already left stays sent; keys hold no <c>%</c> or <c>_</c>, so the prefix matches only itself.
    /// </summary>
    public async Task WithdrawPendingAsync(string keyPrefix, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        var pending = await db.Outbox
            .Where(o => o.Status == OutboxStatus.Pending && o.IdempotencyKey != null && EF.Functions.Like(o.IdempotencyKey, keyPrefix + "%"))
            .ToListAsync(ct);
        db.Outbox.RemoveRange(pending);
    }

    /// <summary>
    /// Saves a job's unit of work that queued notices under <paramref name="keys"/>. False when another run got there
    /// first (its keys won) or a row changed meanwhile (a concurrency conflict): nothing of this run is kept, and the
    /// next run sees what is true now. Any other failure is a real one and is thrown.
    /// </summary>
    public async Task<bool> CommitAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            if (ex is not DbUpdateConcurrencyException && !await db.Outbox.AnyAsync(o => o.IdempotencyKey != null && keys.Contains(o.IdempotencyKey), ct))
            {
                throw;
            }

            return false;
        }
    }

    /// <summary>Long texts become several messages; buttons and keyboards go with the last one.</summary>
    private static List<OutgoingMessage> Parts(OutgoingMessage message)
    {
        if (message.Text is null || message.Text.Length <= MaxTextLength)
        {
            return [message];
        }

        var texts = TextSplitter.Split(message.Text, MaxTextLength);
        var parts = texts.Take(texts.Count - 1).Select(OutgoingMessage.Say).ToList();
        parts.Add(message with { Text = texts[^1] });
        return parts;
    }
}
