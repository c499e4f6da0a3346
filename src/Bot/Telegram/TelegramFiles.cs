using Timpora.Core.Messaging;

namespace Timpora.Bot.Telegram;

/// <summary>
/// Fetches a file a person sent on Telegram: getFile for its path, then the download, never holding more than the
/// limit. Telegram's and the network's failures become <see cref="FileUnavailableException"/>, whose messages carry
/// no token and no URL (the client has already removed both).
/// </summary>
public sealed class TelegramFiles(TelegramClient client) : IFileSource
{
    public async Task<byte[]?> FetchAsync(string channel, string fileId, long maxBytes, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (channel != Channel.Telegram)
        {
            throw new FileUnavailableException($"A file of the {channel} channel cannot be fetched from Telegram.");
        }

        try
        {
            var file = await client.GetFileAsync(fileId, ct);
            if (file.FileSize > maxBytes)
            {
                return null;
            }

            if (string.IsNullOrEmpty(file.FilePath))
            {
                throw new FileUnavailableException("Telegram answered getFile without a file path.");
            }

            // getFile's size is optional and only Telegram's word: the download counts for itself.
            using var buffer = new MemoryStream();
            return await client.DownloadFileAsync(file.FilePath, buffer, maxBytes, ct) ? buffer.ToArray() : null;
        }
        catch (TelegramApiException ex) when (ex.IsBadRequest && ex.Description.Contains("file is too big", StringComparison.OrdinalIgnoreCase))
        {
            // Telegram serves bots files up to 20 MB and refuses getFile for larger ones: larger than any limit we set.
            return null;
        }
        catch (TelegramApiException ex)
        {
            throw new FileUnavailableException($"Telegram could not give the file: {ex.Message}", ex);
        }
        catch (TelegramTransportException ex)
        {
            throw new FileUnavailableException($"Telegram could not be reached for the file: {ex.Message}", ex);
        }
    }
}
