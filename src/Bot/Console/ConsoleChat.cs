using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Timpora.Bot.Delivery;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Storage;

namespace Timpora.Bot.Console;

/// <summary>
/// <c>dotnet run --project src/Bot -- chat</c>: a conversation with the bot in the terminal, through the same inbox,
/// engine, flows and outbox as Telegram, so anyone can try the flows without a token.
/// </summary>
public sealed partial class ConsoleChat(
    Inbox inbox,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    ConsoleIo io) : BackgroundService
{
    private readonly TextReader _input = io.Input;
    private readonly TextWriter _output = io.Output;

    public static readonly ConversationAddress Address = new(Channel.Console, "terminal");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _output.WriteLineAsync("Timpora Bot — terminal chat. Type /start to begin, a number to press a button, /quit to leave.");
        var sequence = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await _output.WriteAsync("you> ");
            await _output.FlushAsync(stoppingToken);
            var line = await _input.ReadLineAsync(stoppingToken);
            if (line is null || line.Trim() is "/quit" or "/exit")
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            var updateId = $"{Environment.ProcessId}-{++sequence}";
            await inbox.AcceptAsync(Channel.Console, [new ReceivedUpdate(updateId, Read(line))], stoppingToken);
            await WaitForRepliesAsync(updateId, stoppingToken);
        }

        lifetime.StopApplication();
    }

    /// <summary>Turns a typed line into what a phone would send: a command, a shared location, a contact or text.</summary>
    public static IncomingMessage Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (text.StartsWith('/'))
        {
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var command = (space < 0 ? text[1..] : text[1..space]).ToLowerInvariant();
            var argument = space < 0 ? null : text[(space + 1)..].Trim();
            return new IncomingMessage(Address, IncomingKind.Command) { Text = text, Command = command, CommandArgument = argument };
        }

        if (LocationLine().Match(text) is { Success: true } location)
        {
            var point = new GeoPoint(
                double.Parse(location.Groups["lat"].Value, CultureInfo.InvariantCulture),
                double.Parse(location.Groups["lon"].Value, CultureInfo.InvariantCulture));
            return new IncomingMessage(Address, IncomingKind.Location) { Location = point };
        }

        if (ContactLine().Match(text) is { Success: true } contact)
        {
            return new IncomingMessage(Address, IncomingKind.Contact) { Contact = new SharedContact(contact.Groups["phone"].Value, null, IsSender: true) };
        }

        return new IncomingMessage(Address, IncomingKind.Text) { Text = text };
    }

    private async Task WaitForRepliesAsync(string updateId, CancellationToken ct)
    {
        for (var i = 0; i < 500 && !ct.IsCancellationRequested; i++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
            var done = await db.Inbox.AnyAsync(e => e.Channel == Channel.Console && e.UpdateId == updateId && e.Done, ct);
            var sending = await db.Outbox.AnyAsync(m => m.Channel == Channel.Console && m.Status == OutboxStatus.Pending, ct);
            if (done && !sending)
            {
                return;
            }

            await Task.Delay(20, ct);
        }
    }

    [GeneratedRegex(@"^(lokasi|location)\s+(?<lat>-?\d{1,2}(\.\d+)?)\s*,\s*(?<lon>-?\d{1,3}(\.\d+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex LocationLine();

    [GeneratedRegex(@"^(kontak|contact)\s+(?<phone>\+?[\d\s\-\.]{8,20})$", RegexOptions.IgnoreCase)]
    private static partial Regex ContactLine();
}
