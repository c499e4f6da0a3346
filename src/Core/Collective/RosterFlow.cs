using Timpora.Core.Conversations;

namespace Timpora.Core.Collective;

/// <summary>The coordinator's roster. (Skeleton: being built.)</summary>
public sealed class RosterFlow : IFlow
{
    public const string FlowName = "roster";

    public string Name => FlowName;

    public IReadOnlyList<string> Commands { get; } = [];

    public Task StartAsync(Turn turn, CancellationToken ct) => Task.CompletedTask;

    public Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct) => Task.CompletedTask;
}
