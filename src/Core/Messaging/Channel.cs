namespace Timpora.Core.Messaging;

/// <summary>The channels a conversation can live on. Core never looks inside an address's key.</summary>
public static class Channel
{
    public const string Telegram = "telegram";
    public const string Console = "console";
}
