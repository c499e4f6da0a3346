using Timpora.Core.Messaging;

namespace Timpora.Bot.Delivery;

/// <summary>
/// The file source of a host without a channel that carries files (Telegram off, the terminal chat): every fetch
/// is unavailable, so a flow asking for a photo tells the person to try again instead of failing.
/// </summary>
public sealed class NoFiles : IFileSource
{
    public Task<byte[]?> FetchAsync(string channel, string fileId, long maxBytes, CancellationToken ct) =>
        Task.FromException<byte[]?>(new FileUnavailableException($"No channel that carries files is on, so a file of the {channel} channel cannot be fetched."));
}
