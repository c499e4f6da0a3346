namespace Timpora.Core.Messaging;

/// <summary>
/// Fetches a file a person sent (an <see cref="IncomingFile.FileId"/>) from their channel. Core never downloads
/// anything itself; the host gives the channel's way of doing it.
/// </summary>
public interface IFileSource
{
    /// <summary>The file's bytes, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="FileUnavailableException">The channel cannot give the file now (network, unknown id, channel off).</exception>
    Task<byte[]?> FetchAsync(string channel, string fileId, long maxBytes, CancellationToken ct);
}

/// <summary>A file could not be fetched now; asking the person to try again later is the honest answer.</summary>
public sealed class FileUnavailableException : Exception
{
    public FileUnavailableException()
    {
    }

    public FileUnavailableException(string message)
        : base(message)
    {
    }

    public FileUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
