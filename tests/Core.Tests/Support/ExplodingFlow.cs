using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Core.Tests.Support;

/// <summary>A flow that gets halfway (state, language, a reply) and then breaks, started by /boom.</summary>
public sealed class ExplodingFlow : IFlow
{
    public const string HalfDone = "half done";

    public string Name => "boom";

    public IReadOnlyList<string> Commands { get; } = ["boom"];

    public Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.Stay(this, new ExplodingState("halfway"));
        turn.ChooseLanguage(Language.English);
        turn.Say(OutgoingMessage.Say(HalfDone));
        throw new InvalidOperationException("The flow broke on purpose.");
    }

    public Task ContinueAsync(Turn turn, CancellationToken ct) => StartAsync(turn, ct);

    public Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct) => StartAsync(turn, ct);
}

public sealed record ExplodingState(string Step);
