namespace Timpora.Core.Delivery;

/// <summary>
/// An update as received, stored before the channel is told it arrived. Once its turn ran, only the channel and
/// update id stay (to recognise a redelivery); the message itself, which names the sender, is erased.
/// </summary>
public sealed class InboxEntry
{
    private InboxEntry()
    {
    }

    public InboxEntry(string channel, string updateId, string conversationKey, string message, DateTime receivedHourUtc)
    {
        Channel = channel;
        UpdateId = updateId;
        ConversationKey = conversationKey;
        Message = message;
        ReceivedAt = receivedHourUtc;
    }

    public long Id { get; private set; }

    public string Channel { get; private set; } = "";

    public string UpdateId { get; private set; } = "";

    /// <summary>The pseudonym of the conversation, so pending entries can be queued per conversation.</summary>
    public string? ConversationKey { get; private set; }

    /// <summary>The <see cref="Messaging.IncomingMessage"/> as JSON while the turn is pending.</summary>
    public string? Message { get; private set; }

    public bool Done { get; private set; }

    /// <summary>Rounded to the hour: enough for housekeeping, too coarse to match a report to a sender.</summary>
    public DateTime ReceivedAt { get; private set; }

    public void MarkDone()
    {
        Done = true;
        Message = null;
        ConversationKey = null;
    }
}
