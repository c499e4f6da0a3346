namespace Timpora.Core.Messaging;

public enum IncomingKind
{
    Text,
    Command,
    Button,
    Location,
    Contact,
    Photo,
    Document,
    /// <summary>Something the bot cannot use (a sticker, a voice note, a poll...).</summary>
    Unsupported,
}
