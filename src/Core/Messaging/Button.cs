using System.Text;

namespace Timpora.Core.Messaging;

/// <summary>An inline button. Its payload travels to the client and back, so it is short and untrusted.</summary>
public sealed record Button
{
    /// <summary>Telegram's limit for callback data, in UTF-8 bytes.</summary>
    public const int MaxPayloadBytes = 64;

    public Button(string label, string payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(payload);
        if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            throw new ArgumentException($"A button payload has at most {MaxPayloadBytes} UTF-8 bytes: '{payload}'.", nameof(payload));
        }

        Label = label;
        Payload = payload;
    }

    public string Label { get; }

    public string Payload { get; }
}
