using System.Threading.Channels;

namespace Timpora.Bot.Delivery;

/// <summary>Wakes a background loop at once when there is work, instead of letting it poll the database.</summary>
internal sealed class Doorbell
{
    // One pending ring is enough: a loop that wakes up looks at everything there is.
    private readonly Channel<bool> _rings = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Ring() => _rings.Writer.TryWrite(true);

    /// <summary>Waits for a ring or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await _rings.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The timeout passed without a ring: look anyway.
        }
    }
}
