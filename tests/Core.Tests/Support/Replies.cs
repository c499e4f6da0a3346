using Timpora.Core.Messaging;

namespace Timpora.Core.Tests.Support;

/// <summary>Reading what the bot said the way a person sees it: texts, button labels, button payloads.</summary>
public static class Replies
{
    public static IReadOnlyList<string?> Said(this IEnumerable<OutgoingMessage> replies) => [.. replies.Select(r => r.Text)];

    public static IReadOnlyList<string> Labels(this OutgoingMessage reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return [.. reply.Buttons.SelectMany(row => row).Select(b => b.Label)];
    }

    public static IReadOnlyList<string> Payloads(this OutgoingMessage reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return [.. reply.Buttons.SelectMany(row => row).Select(b => b.Payload)];
    }
}
