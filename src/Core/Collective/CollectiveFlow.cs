using Timpora.Core.Conversations;

namespace Timpora.Core.Collective;

/// <summary>A coordinator asks the office for a collective session. (Skeleton: being built.)</summary>
public sealed class CollectiveFlow : IFlow
{
    public const string FlowName = "col";

    public string Name => FlowName;

    public IReadOnlyList<string> Commands { get; } = [];

    public Task StartAsync(Turn turn, CancellationToken ct) => Task.CompletedTask;

    public Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct) => Task.CompletedTask;
}
