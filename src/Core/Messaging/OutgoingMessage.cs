namespace Timpora.Core.Messaging;

/// <summary>
/// One thing the bot says. <see cref="Text"/> is HTML in the Telegram subset (b, i, a, code); every piece of
/// user-provided text in it has been escaped with <see cref="Html.Escape"/>.
/// </summary>
public sealed record OutgoingMessage
{
    public string? Text { get; init; }

    /// <summary>Inline buttons under the text, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<Button>> Buttons { get; init; } = [];

    /// <summary>A keyboard under the input field (to ask for a location or a contact), or its removal.</summary>
    public ReplyKeyboard? Keyboard { get; init; }

    /// <summary>A place to show as a venue (pin with title and address) instead of text.</summary>
    public Venue? Venue { get; init; }

    /// <summary>A bare map pin instead of text.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>A photo the channel already holds (Telegram: a file_id), shown before the text.</summary>
    public string? PhotoId { get; init; }

    /// <summary>
    /// A photo to upload (JPEG or PNG bytes), shown before the text: for pictures the channel must not be trusted to
    /// hold as sent, e.g. a report's photo after its metadata was removed.
    /// </summary>
    public byte[]? PhotoBytes { get; init; }

    /// <summary>
    /// A file to upload as a download (not a picture), e.g. an example CSV for the coordinator to fill in; needs
    /// <see cref="DocumentName"/>, which is what the person's phone saves it as. Sent before the text.
    /// </summary>
    public byte[]? DocumentBytes { get; init; }

    /// <summary>The file name of <see cref="DocumentBytes"/>, e.g. <c>contoh-rombongan.csv</c>.</summary>
    public string? DocumentName { get; init; }

    /// <summary>
    /// HTML under the photo or document (at most 1,024 characters); only with <see cref="PhotoId"/>,
    /// <see cref="PhotoBytes"/> or <see cref="DocumentBytes"/>.
    /// </summary>
    public string? Caption { get; init; }

    public static OutgoingMessage Say(string html) => new() { Text = html };
}
