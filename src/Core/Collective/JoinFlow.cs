using Timpora.Core.Conversations;

namespace Timpora.Core.Collective;

/// <summary>An applicant joins a session's roster through its link. (Skeleton: being built.)</summary>
public sealed class JoinFlow : IFlow
{
    public const string FlowName = "join";

    public string Name => FlowName;

    public IReadOnlyList<string> Commands { get; } = [];

    public Task StartAsync(Turn turn, CancellationToken ct) => Task.CompletedTask;

    public Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct) => Task.CompletedTask;
}
