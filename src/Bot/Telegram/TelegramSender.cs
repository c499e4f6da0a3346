using Timpora.Core.Messaging;

namespace Timpora.Bot.Telegram;

/// <summary>
/// Delivers one outgoing message to one chat. It does not retry, wait or split: the outbox dispatcher owns rate
/// limits and retries, and long texts are split upstream. Errors surface as <see cref="TelegramApiException"/> or
/// <see cref="TelegramTransportException"/>.
/// </summary>
public sealed class TelegramSender(TelegramClient client)
{
    public const int MaxCaptionLength = 1024;

    /// <summary>Telegram's limit for a photo sent by upload.</summary>
    public const int MaxPhotoBytes = 10 * 1024 * 1024;

    /// <summary>Telegram's limit for a document a bot uploads.</summary>
    public const int MaxDocumentBytes = 50 * 1024 * 1024;

    /// <summary>
    /// Sends the photo first (with its caption), or the document (with its caption), then the text, then the venue,
    /// then the bare pin, whichever are set.
    /// If a later part fails, the earlier ones have been delivered; a retry of the whole message repeats them.
    /// </summary>
    public async Task DeliverAsync(long chatId, OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var hasText = !string.IsNullOrWhiteSpace(message.Text);
        var hasPhoto = message.PhotoId is not null || message.PhotoBytes is not null;
        var hasDocument = message.DocumentBytes is not null;
        if (!hasText && message.Venue is null && message.Location is null && !hasPhoto && !hasDocument)
        {
            throw new ArgumentException("An outgoing message needs text, a photo, a document, a venue or a location.", nameof(message));
        }

        // Everything below is checked before anything is sent, so a bad part never leaves half a message behind.
        if (message.Venue?.Point is { IsValid: false } || message.Location is { IsValid: false })
        {
            throw new ArgumentException("An outgoing venue or location has coordinates out of range.", nameof(message));
        }

        var caption = string.IsNullOrWhiteSpace(message.Caption) ? null : message.Caption;
        CheckPhoto(message, caption);
        CheckDocument(message);

        var markups = new Queue<object>(TelegramMarkup.InPartOrder(message));
        if (hasPhoto)
        {
            // The buttons belong under the words that explain them, so the photo takes them only when it is alone.
            var markup = !hasText && message.Venue is null && message.Location is null ? Next(markups) : null;
            await (message.PhotoBytes is { } bytes
                ? client.SendPhotoAsync(chatId, bytes, PhotoFileName(bytes), caption, markup, ct)
                : client.SendPhotoAsync(chatId, message.PhotoId!, caption, markup, ct));
        }

        if (hasDocument)
        {
            var markup = !hasText && message.Venue is null && message.Location is null ? Next(markups) : null;
            await client.SendDocumentAsync(chatId, message.DocumentBytes!, message.DocumentName!, caption, markup, ct);
        }

        if (hasText)
        {
            await client.SendMessageAsync(chatId, message.Text!, Next(markups), ct);
        }

        if (message.Venue is { } venue)
        {
            await client.SendVenueAsync(chatId, venue.Point.Latitude, venue.Point.Longitude, venue.Title, venue.Address, Next(markups), ct);
        }

        if (message.Location is { } point)
        {
            await client.SendLocationAsync(chatId, point.Latitude, point.Longitude, Next(markups), ct);
        }
    }

    private static void CheckPhoto(OutgoingMessage message, string? caption)
    {
        if (message.PhotoId is not null && message.PhotoBytes is not null)
        {
            throw new ArgumentException("An outgoing message has either a photo id or photo bytes, not both.", nameof(message));
        }

        if (caption is not null && message.PhotoId is null && message.PhotoBytes is null && message.DocumentBytes is null)
        {
            throw new ArgumentException("An outgoing caption needs a photo or a document to stand under.", nameof(message));
        }

        if (caption?.Length > MaxCaptionLength)
        {
            throw new ArgumentException($"An outgoing caption has {caption.Length} characters; Telegram takes at most {MaxCaptionLength}.", nameof(message));
        }

        if (message.PhotoBytes is { } bytes)
        {
            if (bytes.Length == 0)
            {
                throw new ArgumentException("An outgoing photo is empty.", nameof(message));
            }

            if (bytes.Length > MaxPhotoBytes)
            {
                throw new ArgumentException($"An outgoing photo has {bytes.Length} bytes; Telegram takes at most {MaxPhotoBytes}.", nameof(message));
            }
        }
    }

    private static void CheckDocument(OutgoingMessage message)
    {
        if (message.DocumentBytes is null)
        {
            if (message.DocumentName is not null)
            {
                throw new ArgumentException("An outgoing document name needs the document's bytes.", nameof(message));
            }

            return;
        }

        if (message.PhotoId is not null || message.PhotoBytes is not null)
        {
            // One caption cannot stand under both.
            throw new ArgumentException("An outgoing message has either a photo or a document, not both.", nameof(message));
        }

        if (message.DocumentBytes.Length == 0)
        {
            throw new ArgumentException("An outgoing document is empty.", nameof(message));
        }

        if (message.DocumentBytes.Length > MaxDocumentBytes)
        {
            throw new ArgumentException($"An outgoing document has {message.DocumentBytes.Length} bytes; Telegram takes at most {MaxDocumentBytes}.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(message.DocumentName) || message.DocumentName.IndexOfAny(['/', '\\', '"', '\r', '\n']) >= 0)
        {
            throw new ArgumentException("An outgoing document needs a plain file name, without folders, quotes or line breaks.", nameof(message));
        }
    }

    /// <summary>
    /// The name Telegram reads the format from, by the file's magic bytes. Anything else is refused here, which is
    /// still before anything was sent: the photo is always the first part.
    /// </summary>
    private static string PhotoFileName(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "photo.jpg"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ? "photo.png"
        : throw new ArgumentException("An outgoing photo is neither JPEG nor PNG.");

    private static object? Next(Queue<object> markups) => markups.TryDequeue(out var markup) ? markup : null;
}
