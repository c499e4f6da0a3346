using Timpora.Core.Messaging;

namespace Timpora.Bot.Delivery;

/// <summary>Sends one outbox message on one channel and says, in the dispatcher's terms, how it went.</summary>
public interface IChannelSender
{
    string Channel { get; }

    /// <summary>How many messages the channel takes per window, per chat and overall.</summary>
    SendLimits Limits { get; }

    /// <summary>True when the key is a group chat, which has its own, slower limit.</summary>
    bool IsGroup(string chatKey);

    Task<SendResult> SendAsync(string chatKey, OutgoingMessage message, CancellationToken ct);
}
