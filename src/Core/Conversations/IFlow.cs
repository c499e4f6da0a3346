namespace Timpora.Core.Conversations;

/// <summary>
/// One conversation the bot can have. A flow reads the turn, says things through it and leaves its next state
/// in it; it never talks to a channel. Buttons whose payload names the flow come to <see cref="PressAsync"/>.
/// </summary>
public interface IFlow
{
    /// <summary>Short and stable: it is stored with the conversation and travels in button payloads.</summary>
    string Name { get; }

    /// <summary>Commands (without the slash) that start this flow.</summary>
    IReadOnlyList<string> Commands { get; }

    /// <summary>Bumped when the state record changes shape; older stored states are then dropped politely.</summary>
    int StateVersion => 1;

    /// <summary>
    /// Deep links (<c>/start payload</c>, from <c>https://t.me/bot?start=payload</c>) whose payload starts with this
    /// open the flow through <see cref="OpenLinkAsync"/>; null for a flow without links.
    /// </summary>
    string? LinkPrefix => null;

    /// <summary>
    /// True for a flow whose buttons may be pressed under its messages in a group chat (an officer's tools on a
    /// report's card). The press arrives as the presser's own turn, with <see cref="Messaging.IncomingMessage.PressedInGroup"/>
    /// set; the flow checks who pressed. Every other flow's buttons in a group are ignored.
    /// </summary>
    bool TakesGroupPresses => false;

    Task StartAsync(Turn turn, CancellationToken ct);

    /// <summary>
    /// Shows where the person is in this flow, e.g. under an apology for a stale button. A flow that keeps answers
    /// (a form) shows its current step instead of starting over.
    /// </summary>
    Task ShowAsync(Turn turn, CancellationToken ct) => StartAsync(turn, ct);

    /// <summary>A deep link with this flow's prefix; the payload is user input like any other.</summary>
    Task OpenLinkAsync(Turn turn, string payload, CancellationToken ct) => StartAsync(turn, ct);

    /// <summary>
    /// A message (text, location, contact, photo) while this flow is active and it was not a button's label or
    /// number. A flow that only offers buttons keeps the default: ask again with the same buttons.
    /// </summary>
    Task ContinueAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.AskToChoose();
        return Task.CompletedTask;
    }

    Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct);

    /// <summary>
    /// The person cancelled (<c>/batal</c>) while this flow was active; the engine has already ended it. A flow holding
    /// something outside its stored state (e.g. an opened report, in memory) lets go of it here.
    /// </summary>
    Task CancelledAsync(Turn turn, CancellationToken ct) => Task.CompletedTask;
}
