using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Storage;

namespace Timpora.Bot.Delivery;

/// <summary>
/// Sends what the outbox holds, promptly and within each platform's limits. Each chat has one lane, so its
/// messages leave in the order they were written even while one of them waits out a 429; other chats go on.
/// A message counts as sent only once the platform accepted it, so a crash sends it again rather than never.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IChannelSender> senders,
    Reachability reachability,
    TimeProvider clock,
    ILogger<OutboxDispatcher> log) : BackgroundService
{
    /// <summary>After this many failed tries over roughly a day, a message is given up and logged.</summary>
    public const int MaxAttempts = 20;

    private readonly Doorbell _bell = new();
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel);
    private readonly ConcurrentDictionary<(string Channel, string Chat), Task> _lanes = new();
    private readonly ConcurrentDictionary<string, SlidingWindow> _overall = new();
    private readonly ConcurrentDictionary<(string Channel, string Chat), SlidingWindow> _perChat = new();

    public void Wake() => _bell.Ring();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(stoppingToken);
                ForgetIdleChats();
                await _bell.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Could not read the outbox; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await Task.WhenAll(_lanes.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ScanAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var chats = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Channel, m.ChatKey })
            .Take(5000)
            .ToListAsync(ct);

        foreach (var chat in chats.Where(c => c.ChatKey is not null && _senders.ContainsKey(c.Channel)).Distinct())
        {
            var key = (chat.Channel, chat.ChatKey!);
            var done = new TaskCompletionSource();
            if (_lanes.TryAdd(key, done.Task))
            {
                _ = Task.Run(
                    async () =>
                    {
                        try
                        {
                            await RunLaneAsync(key, ct);
                        }
                        finally
                        {
                            done.SetResult();
                        }
                    },
                    CancellationToken.None);
            }
        }
    }

    private async Task RunLaneAsync((string Channel, string Chat) lane, CancellationToken ct)
    {
        try
        {
            var sender = _senders[lane.Channel];
            while (!ct.IsCancellationRequested)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
                var batch = await db.Outbox
                    .Where(m => m.Status == OutboxStatus.Pending && m.Channel == lane.Channel && m.ChatKey == lane.Chat)
                    .OrderBy(m => m.Id)
                    .Take(50)
                    .ToListAsync(ct);
                if (batch.Count == 0 || !await DeliverAsync(db, sender, lane, batch, ct))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: whatever was not sent stays pending for the next start.
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Delivery lane on {Channel} failed; its messages stay pending", lane.Channel);
        }
        finally
        {
            _lanes.TryRemove(lane, out _);

            // A message may have been queued for this chat while the lane was closing.
            Wake();
        }
    }

    /// <summary>Sends a batch in order; false when the chat's lane should close (unreachable, or nothing due).</summary>
    private async Task<bool> DeliverAsync(TimporaDb db, IChannelSender sender, (string Channel, string Chat) lane, List<OutboxMessage> batch, CancellationToken ct)
    {
        if (await reachability.IsUnreachableAsync(db, new ConversationAddress(lane.Channel, lane.Chat), ct))
        {
            await SettleUnreachableAsync(db, lane, batch, "the person blocked the bot earlier", ct);
            return false;
        }

        foreach (var message in batch)
        {
            while (true)
            {
                var wait = message.NextAttemptAt - clock.GetUtcNow().UtcDateTime;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, ct);
                }

                SendResult result;
                using (await TakePlaceAsync(sender, lane, ct))
                {
                    result = await SendOneAsync(sender, lane, message, ct);
                }

                switch (result.Outcome)
                {
                    case SendOutcome.Sent:
                        if (message.IdempotencyKey is null)
                        {
                            db.Outbox.Remove(message);
                        }
                        else
                        {
                            message.MarkSent();
                        }

                        await db.SaveChangesAsync(ct);
                        break;
                    case SendOutcome.Rejected:
                        log.LogWarning("Outbox message {OutboxId} was refused for good: {Reason}", message.Id, result.Reason);
                        message.MarkFailed(result.Reason ?? "rejected");
                        await db.SaveChangesAsync(ct);
                        break;
                    case SendOutcome.Unreachable:
                        log.LogInformation("Outbox message {OutboxId}: the recipient cannot be reached ({Reason}); holding their messages", message.Id, result.Reason);
                        await SettleUnreachableAsync(db, lane, batch, result.Reason ?? "unreachable", ct);
                        return false;
                    case SendOutcome.RateLimited:
                        var retryAfter = result.RetryAfter ?? TimeSpan.FromSeconds(1);
                        log.LogWarning("Flood control on {Channel}: waiting {RetryAfter} before outbox message {OutboxId}", lane.Channel, retryAfter, message.Id);
                        message.Postpone(clock.GetUtcNow().UtcDateTime + retryAfter, "429");
                        await db.SaveChangesAsync(ct);
                        continue;
                    default:
                        if (message.Attempts + 1 >= MaxAttempts)
                        {
                            log.LogError("Outbox message {OutboxId} given up after {Attempts} attempts: {Reason}", message.Id, message.Attempts + 1, result.Reason);
                            message.MarkFailed(result.Reason ?? "transient");
                            await db.SaveChangesAsync(ct);
                            break;
                        }

                        var backoff = Backoff(message.Attempts);
                        log.LogWarning("Outbox message {OutboxId} failed ({Reason}); retrying in {Backoff}", message.Id, result.Reason, backoff);
                        message.RetryAt(clock.GetUtcNow().UtcDateTime + backoff, result.Reason ?? "transient");
                        await db.SaveChangesAsync(ct);
                        continue;
                }

                break;
            }
        }

        return true;
    }

    private async Task<SendResult> SendOneAsync(IChannelSender sender, (string Channel, string Chat) lane, OutboxMessage message, CancellationToken ct)
    {
        try
        {
            return await sender.SendAsync(lane.Chat, MessageJson.Read<OutgoingMessage>(message.Message!), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "Sending outbox message {OutboxId} threw", message.Id);
            return new SendResult(SendOutcome.Transient, ex.GetType().Name);
        }
    }

    /// <summary>A place in the chat's window and in the channel's; both count from the platform's answer.</summary>
    private async Task<IDisposable> TakePlaceAsync(IChannelSender sender, (string Channel, string Chat) lane, CancellationToken ct)
    {
        var limits = sender.Limits;
        var chatLimit = sender.IsGroup(lane.Chat) ? limits.PerGroup : limits.PerChat;
        var chat = await _perChat.GetOrAdd(lane, _ => new SlidingWindow(chatLimit, clock)).TakeAsync(ct);
        var overall = await _overall.GetOrAdd(lane.Channel, _ => new SlidingWindow(limits.Overall, clock)).TakeAsync(ct);
        return new Places(chat, overall);
    }

    private sealed class Places(IDisposable chat, IDisposable overall) : IDisposable
    {
        public void Dispose()
        {
            chat.Dispose();
            overall.Dispose();
        }
    }

    private async Task SettleUnreachableAsync(TimporaDb db, (string Channel, string Chat) lane, List<OutboxMessage> batch, string reason, CancellationToken ct)
    {
        foreach (var message in batch.Where(m => m.Status == OutboxStatus.Pending))
        {
            message.MarkUnreachable(reason);
        }

        await reachability.SetAsync(db, new ConversationAddress(lane.Channel, lane.Chat), reachable: false, ct);
        await db.SaveChangesAsync(ct);
    }

    private static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, Math.Min(attempts, 10))));

    private void ForgetIdleChats()
    {
        var idleSince = clock.GetUtcNow() - TimeSpan.FromMinutes(2);
        foreach (var (key, window) in _perChat)
        {
            if (window.LastUsed < idleSince && !_lanes.ContainsKey(key))
            {
                _perChat.TryRemove(key, out _);
            }
        }
    }
}
