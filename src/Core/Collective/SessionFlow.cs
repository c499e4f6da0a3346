using Timpora.Core.Conversations;

namespace Timpora.Core.Collective;

/// <summary>The office decides on requests; coordinators answer proposals; officers record the day. (Skeleton: being built.)</summary>
public sealed class SessionFlow : IFlow
{
    public const string FlowName = "ses";

    public string Name => FlowName;

    public IReadOnlyList<string> Commands { get; } = [];

    public Task StartAsync(Turn turn, CancellationToken ct) => Task.CompletedTask;

    public Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct) => Task.CompletedTask;
}
