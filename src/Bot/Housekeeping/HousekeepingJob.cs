using Microsoft.EntityFrameworkCore;
using Quartz;
using Timpora.Core.Delivery;
using Timpora.Core.Storage;

namespace Timpora.Bot.Housekeeping;

/// <summary>
/// Nightly: forgets inbox ids Telegram can no longer redeliver (it keeps updates 24 hours) and settled outbox
/// rows. Rows with an idempotency key stay: they are what stops a notification from going out twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(TimporaDb db, TimeProvider clock, ILogger<HousekeepingJob> log) : IJob
{
    public static readonly TimeSpan KeepInboxIds = TimeSpan.FromDays(3);
    public static readonly TimeSpan KeepSettledOutbox = TimeSpan.FromDays(30);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var inboxBefore = now - KeepInboxIds;
        var outboxBefore = now - KeepSettledOutbox;
        var inbox = await db.Inbox.Where(e => e.Done && e.ReceivedAt < inboxBefore).ExecuteDeleteAsync(cancellationToken);
        var outbox = await db.Outbox
            .Where(m => m.Status != OutboxStatus.Pending && m.IdempotencyKey == null && m.CreatedAt < outboxBefore)
            .ExecuteDeleteAsync(cancellationToken);
        log.LogInformation("Housekeeping removed {Inbox} inbox ids and {Outbox} settled outbox rows", inbox, outbox);
    }
}
