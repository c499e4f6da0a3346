using System.Collections.Concurrent;
using Timpora.Core.Messaging;

namespace Timpora.Core.Tests.Support;

/// <summary>The channel's files as a test sets them up: bytes by file id, or a channel that cannot give them now.</summary>
public sealed class FakeFiles : IFileSource
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>When true, every fetch fails as a network outage would.</summary>
    public bool Unavailable { get; set; }

    public int Fetches { get; private set; }

    public void Register(string fileId, byte[] bytes) => _files[fileId] = bytes;

    public Task<byte[]?> FetchAsync(string channel, string fileId, long maxBytes, CancellationToken ct)
    {
        Fetches++;
        if (Unavailable || !_files.TryGetValue(fileId, out var bytes))
        {
            throw new FileUnavailableException("The test did not make this file available.");
        }

        return Task.FromResult(bytes.LongLength > maxBytes ? null : bytes.ToArray());
    }
}
