namespace Timpora.Core.Messaging;

/// <summary>One thing a person sent, translated from a channel's wire format.</summary>
public sealed record IncomingMessage(ConversationAddress Address, IncomingKind Kind)
{
    /// <summary>The text, a photo's caption, or (for a button) the button's label when the channel gives it.</summary>
    public string? Text { get; init; }

    /// <summary>A command's name in lower case without the slash or a trailing @botname, e.g. "start".</summary>
    public string? Command { get; init; }

    /// <summary>What followed the command, e.g. the deep-link payload of <c>/start abc</c>.</summary>
    public string? CommandArgument { get; init; }

    /// <summary>A pressed button's callback data. It is user input: never trust it.</summary>
    public string? Payload { get; init; }

    public GeoPoint? Location { get; init; }

    public SharedContact? Contact { get; init; }

    /// <summary>A photo (largest size) or a document.</summary>
    public IncomingFile? File { get; init; }

    /// <summary>The sender's app language as the channel reports it (e.g. "id", "en-US"); a hint only.</summary>
    public string? LanguageHint { get; init; }

    /// <summary>What kind of unusable thing arrived (e.g. "sticker"), for the reply and the log.</summary>
    public string? UnsupportedKind { get; init; }

    /// <summary>True in a group chat: the address is the group, not a person.</summary>
    public bool InGroup { get; init; }

    /// <summary>
    /// For a button pressed under a message in a group chat: that group. The press is the presser's own turn, so
    /// <see cref="Address"/> is their private chat: who pressed is what officer buttons check, and what they type next
    /// (a question, a note) belongs to them, not to everyone in the group.
    /// </summary>
    public ConversationAddress? PressedInGroup { get; init; }
}
