using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Information;
using Timpora.Core.Messaging;

namespace Timpora.Core.Menu;

/// <summary>/bantuan: says what the bot can do and leaves whatever the person was doing untouched.</summary>
public sealed class HelpFlow(IOptions<OfficeOptions> office) : IFlow
{
    public string Name => "help";

    public IReadOnlyList<string> Commands { get; } = ["bantuan", "help"];

    public Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.Say("Help", Html.Escape(office.Value.Phone));
        return Task.CompletedTask;
    }

    public Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.SayStaleAsync(ct);
    }
}
