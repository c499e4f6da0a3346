using Timpora.Core.Messaging;

namespace Timpora.Bot.Telegram;

/// <summary>
/// Delivers one outgoing message to one chat. It does not retry, wait or split: the outbox dispatcher owns rate
/// limits and retries, and long texts are split upstream. Errors surface as <see cref="TelegramApiException"/> or
/// <see cref="TelegramTransportException"/>.
/// </summary>
public sealed class TelegramSender(TelegramClient client)
{
    /// <summary>
    /// Sends the photo first, then the text, then the venue, then the bare pin, whichever are set. If a later part fails, the earlier
    /// ones have been delivered; a retry of the whole message repeats them.
    /// </summary>
    public async Task DeliverAsync(long chatId, OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var hasText = !string.IsNullOrWhiteSpace(message.Text);
        if (!hasText && message.Venue is null && message.Location is null && message.PhotoId is null)
        {
            throw new ArgumentException("An outgoing message needs text, a photo, a venue or a location.", nameof(message));
        }

        // Checked before anything is sent, so a bad point never leaves half a message behind.
        if (message.Venue?.Point is { IsValid: false } || message.Location is { IsValid: false })
        {
            throw new ArgumentException("An outgoing venue or location has coordinates out of range.", nameof(message));
        }

        var markups = new Queue<object>(TelegramMarkup.InPartOrder(message));
        if (message.PhotoId is { } photo)
        {
            // The buttons belong under the words that explain them, so the photo takes them only when it is alone.
            var alone = !hasText && message.Venue is null && message.Location is null;
            await client.SendPhotoAsync(chatId, photo, alone ? Next(markups) : null, ct);
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

    private static object? Next(Queue<object> markups) => markups.TryDequeue(out var markup) ? markup : null;
}
