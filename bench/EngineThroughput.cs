using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Storage;

namespace Timpora.Bench;

internal sealed record EngineResult(
    int Chats, int Workers, int WarmupTurns, int Turns, TimeSpan Elapsed, Percentiles TurnTime, int Replies, int OutboxRows, int Failures, int PoolThreadsBefore, int PeakPoolThreads)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;
}

/// <summary>
/// The real ConversationEngine (real flows, outbox, pseudonyms) on a migrated SQLite file, one scope and one
/// DbContext per turn as the turn runner does it. Many chats, turns of different chats concurrently, never two
/// turns of one chat at once (each chat belongs to one worker).
/// </summary>
internal static class EngineThroughput
{
    /// <summary>
    /// What a person does, over and over: open the information menu, read a few topics, go back, ask for help,
    /// type something the bot has to answer with the menu. The first turn of every chat is /start.
    /// </summary>
    private static readonly string[] Script =
    [
        "v1:menu:info",
        "v1:info:topic:fees",
        "v1:info:topic:passport",
        "v1:info:topic:office",
        "v1:info:topics",
        "v1:info:topic:contact",
        "v1:info:back",
        "/bantuan",
        "halo, mau tanya paspor",
    ];

    public static async Task<EngineResult> RunAsync(int chats, int workers, int turns, CancellationToken ct)
    {
        await using var service = await ServiceUnderTest.BuildIdleAsync();
        var scopes = service.Services.GetRequiredService<IServiceScopeFactory>();
        var steps = new int[chats];
        var failures = 0;
        var replies = 0;

        async Task TurnAsync(int chat)
        {
            var step = steps[chat]++;
            var text = step == 0 ? "/start" : Script[(step - 1) % Script.Length];
            await using var scope = scopes.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<ConversationEngine>();
            try
            {
                var said = await engine.RunTurnAsync(Message(chat, text), null, ct);
                Interlocked.Add(ref replies, said.Count);
                if (said.Count == 0)
                {
                    Interlocked.Increment(ref failures);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref failures);
            }
        }

        // Warm-up, not timed: every chat's first turn (/start creates the conversation), which also JITs the paths.
        await RunWorkersAsync(chats, workers, chats, (chat, _) => TurnAsync(chat));
        var warmupReplies = replies;

        var times = new long[turns];
        using var pool = new PoolWatch();
        var clock = Stopwatch.StartNew();
        await RunWorkersAsync(chats, workers, turns, async (chat, index) =>
        {
            var started = Stopwatch.GetTimestamp();
            await TurnAsync(chat);
            times[index] = Stopwatch.GetTimestamp() - started;
        });
        var elapsed = clock.Elapsed;

        var outboxRows = await InScopeAsync(scopes, db => db.Outbox.CountAsync(ct));
        return new EngineResult(chats, workers, chats, turns, elapsed, Percentiles.Of(times.Select(t => Stopwatch.GetElapsedTime(0, t))),
            replies - warmupReplies, outboxRows, failures, pool.ThreadsBefore, pool.PeakThreads);
    }

    /// <summary>
    /// Runs <paramref name="turns"/> turns on <paramref name="workers"/> workers; worker w owns chats w, w+W, w+2W...
    /// and visits them round-robin, so one chat never has two turns at once.
    /// </summary>
    private static async Task RunWorkersAsync(int chats, int workers, int turns, Func<int, int, Task> turn)
    {
        var issued = -1;
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var mine = Enumerable.Range(0, chats).Where(c => c % workers == worker).ToArray();
            for (var i = 0; ; i++)
            {
                var index = Interlocked.Increment(ref issued);
                if (index >= turns)
                {
                    return;
                }

                await turn(mine[i % mine.Length], index);
            }
        }));
        await Task.WhenAll(tasks);
    }

    private static IncomingMessage Message(int chat, string text)
    {
        var address = new ConversationAddress(Channel.Telegram, (200_000_000L + chat).ToString(CultureInfo.InvariantCulture));
        var message = new IncomingMessage(address, IncomingKind.Text) { Text = text, LanguageHint = "id" };
        if (text.StartsWith("v1:", StringComparison.Ordinal))
        {
            return message with { Kind = IncomingKind.Button, Text = null, Payload = text };
        }

        return text.StartsWith('/') ? message with { Kind = IncomingKind.Command, Command = text[1..] } : message;
    }

    private static async Task<T> InScopeAsync<T>(IServiceScopeFactory scopes, Func<TimporaDb, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TimporaDb>());
    }

    /// <summary>
    /// The thread pool's size, sampled from a thread of its own: SQLite waits for its write lock by sleeping on the
    /// calling thread, so concurrent turns hold pool threads while they wait.
    /// </summary>
    private sealed class PoolWatch : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;

        public PoolWatch()
        {
            ThreadsBefore = ThreadPool.ThreadCount;
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    PeakThreads = Math.Max(PeakThreads, ThreadPool.ThreadCount);
                    Thread.Sleep(10);
                }
            }) { IsBackground = true, Name = "pool watch" };
            _thread.Start();
        }

        public int ThreadsBefore { get; }

        public int PeakThreads { get; private set; }

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}
