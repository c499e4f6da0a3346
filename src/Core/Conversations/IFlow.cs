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

    Task StartAsync(Turn turn, CancellationToken ct);

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
}
