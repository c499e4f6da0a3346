using System.Globalization;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Bot.Tests.Support;

/// <summary>A flow for pipeline tests: /echo N answers "echo N", after a pause, counting turns that overlap.</summary>
public sealed class EchoFlow(TimeSpan pause) : IFlow
{
    private int _running;
    private int _mostAtOnce;

    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    public string Name => "echo";

    public IReadOnlyList<string> Commands { get; } = ["echo"];

    public async Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var now = Interlocked.Increment(ref _running);
        InterlockedMax(ref _mostAtOnce, now);
        try
        {
            await Task.Delay(pause, ct);
            turn.Say(OutgoingMessage.Say("echo " + Html.Escape(turn.Message.CommandArgument)));
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public Task ContinueAsync(Turn turn, CancellationToken ct) => Task.CompletedTask;

    public Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct) => Task.CompletedTask;

    public static string Reply(int n) => "echo " + n.ToString(CultureInfo.InvariantCulture);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
