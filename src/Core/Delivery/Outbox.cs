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
