using Microsoft.EntityFrameworkCore;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Storage;

namespace Timpora.Bot.Delivery;

/// <summary>
/// Runs the turns waiting in the inbox: one at a time and in order within a conversation, many conversations at
/// once. Anything still pending at start-up (the process stopped mid-turn) is simply run now.
/// </summary>
public sealed class TurnRunner(IServiceScopeFactory scopes, OutboxDispatcher dispatcher, TimeProvider clock, ILogger<TurnRunner> log) : BackgroundService
{
    /// <summary>Turns running at once; more would only queue on the database's single writer.</summary>
    private const int MaxParallelTurns = 16;

    private static readonly TimeSpan FullScanEvery = TimeSpan.FromSeconds(10);

    private readonly Doorbell _bell = new();
    private readonly SemaphoreSlim _parallel = new(MaxParallelTurns);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<long>> _lanes = [];
    private readonly HashSet<long> _queued = [];
    private long _highestSeen;

    public void Wake() => _bell.Ring();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastFullScan = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var full = clock.GetUtcNow() - lastFullScan > FullScanEvery;
                await ScanAsync(full, stoppingToken);
                if (full)
                {
                    lastFullScan = clock.GetUtcNow();
                }

                await _bell.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Could not read the inbox; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        // Let running turns finish their transaction; whatever is left stays pending for the next start.
        await WaitForLanesAsync();
    }

    private async Task ScanAsync(bool full, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();

        // Normally only what arrived since the last look; now and then everything, to catch ids that a database
        // with concurrent writers committed out of order.
        var from = full ? 0 : _highestSeen;
        var pending = await db.Inbox.AsNoTracking()
            .Where(e => !e.Done && e.Id > from)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.ConversationKey })
            .Take(5000)
            .ToListAsync(ct);

        foreach (var entry in pending)
        {
            _highestSeen = Math.Max(_highestSeen, entry.Id);
            Enqueue(entry.ConversationKey ?? "", entry.Id, ct);
        }
    }

    private void Enqueue(string conversation, long entryId, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_queued.Add(entryId))
            {
                return;
            }

            if (_lanes.TryGetValue(conversation, out var lane))
            {
                lane.Enqueue(entryId);
                return;
            }

            _lanes[conversation] = new Queue<long>([entryId]);
        }

        _ = Task.Run(() => RunLaneAsync(conversation, ct), CancellationToken.None);
    }

    private async Task RunLaneAsync(string conversation, CancellationToken ct)
    {
        while (true)
        {
            long entryId;
            lock (_gate)
            {
                var lane = _lanes[conversation];
                if (lane.Count == 0 || ct.IsCancellationRequested)
                {
                    _lanes.Remove(conversation);
                    foreach (var left in lane)
                    {
                        _queued.Remove(left);
                    }

                    return;
                }

                entryId = lane.Peek();
            }

            if (!await RunTurnAsync(entryId, ct))
            {
                // The database is unwell: hold this conversation's queue (its order matters) and try again.
                await Task.Delay(TimeSpan.FromSeconds(2), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            lock (_gate)
            {
                _lanes[conversation].Dequeue();
                _queued.Remove(entryId);
            }
        }
    }

    private async Task<bool> RunTurnAsync(long entryId, CancellationToken ct)
    {
        try
        {
            await _parallel.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
            // Tracked in the turn's own context, so the engine finds it again without a second read.
            var entry = await db.Inbox.FindAsync([entryId], ct);
            if (entry is null || entry.Done || entry.Message is null)
            {
                return true;
            }

            var engine = scope.ServiceProvider.GetRequiredService<ConversationEngine>();
            await engine.RunTurnAsync(MessageJson.Read<IncomingMessage>(entry.Message), entryId, ct);
            dispatcher.Wake();
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Turn for inbox entry {InboxEntryId} could not be stored; it stays pending", entryId);
            return false;
        }
        finally
        {
            _parallel.Release();
        }
    }

    private async Task WaitForLanesAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            lock (_gate)
            {
                if (_lanes.Count == 0)
                {
                    return;
                }
            }

            await Task.Delay(50);
        }
    }
}
