using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Timpora.Bot.Delivery;
using Timpora.Core.Messaging;

namespace Timpora.Bot.Console;

/// <summary>
/// The terminal as a channel: what the bot sends is printed as plain text, with buttons numbered so they can be
/// chosen by typing the number or the label.
/// </summary>
public sealed partial class ConsoleChannel(TextWriter output) : IChannelSender
{
    public string Channel => Core.Messaging.Channel.Console;

    public SendLimits Limits => SendLimits.Unlimited;

    public bool IsGroup(string chatKey) => false;

    public Task<SendResult> SendAsync(string chatKey, OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        output.Write(Render(message));
        output.Flush();
        return Task.FromResult(SendResult.Sent);
    }

    public static string Render(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder();
        if (message.Text is { } html)
        {
            text.AppendLine().Append("bot> ").AppendLine(PlainText(html).Replace("\n", "\n     ", StringComparison.Ordinal));
        }

        if (message.DocumentBytes is { } document)
        {
            text.AppendLine().Append("bot> [file ").Append(message.DocumentName).Append(", ").Append(document.Length).AppendLine(" bytes]");
            if (message.Caption is { } caption)
            {
                text.Append("     ").AppendLine(PlainText(caption));
            }

            // A text file (the example roster) is shown as it is, so it can be copied from the terminal.
            if (AsText(document) is { } content)
            {
                text.Append("     ").AppendLine(content.TrimEnd().ReplaceLineEndings("\n     "));
            }
        }

        var number = 1;
        foreach (var button in message.Buttons.SelectMany(row => row))
        {
            text.Append("     [").Append(number++).Append("] ").AppendLine(button.Label);
        }

        foreach (var key in message.Keyboard?.Rows.SelectMany(row => row) ?? [])
        {
            text.Append("     (").Append(key.Label).Append(key.Request switch
            {
                KeyRequest.Location => ": type  lokasi -6.12, 106.15",
                KeyRequest.Contact => ": type  kontak 08123456789",
                _ => "",
            }).AppendLine(")");
        }

        if (message.Venue is { } venue)
        {
            text.Append("bot> [pin] ").Append(venue.Title).Append(", ").Append(venue.Address).Append(" — ").AppendLine(MapLink(venue.Point));
        }

        if (message.Location is { } point)
        {
            text.Append("bot> [pin] ").AppendLine(MapLink(point));
        }

        return text.ToString();
    }

    private static string? AsText(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
            return text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')) ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string MapLink(GeoPoint point) =>
        FormattableString.Invariant($"https://maps.google.com/?q={point.Latitude},{point.Longitude}");

    private static string PlainText(string html) => WebUtility.HtmlDecode(Tags().Replace(html, ""));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
