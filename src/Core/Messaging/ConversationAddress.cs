namespace Timpora.Core.Messaging;

/// <summary>
/// Where a conversation lives: the channel plus whatever that channel needs to reach the person later
/// (Telegram: the chat id). Core never looks inside <see cref="Key"/>.
/// </summary>
public sealed record ConversationAddress(string Channel, string Key)
{
    public override string ToString() => $"{Channel}:{Key}";
}
