using Microsoft.EntityFrameworkCore;
using Quartz;
using Timpora.Core.Delivery;
using Timpora.Core.Reports;
using Timpora.Core.Storage;

namespace Timpora.Bot.Housekeeping;

/// <summary>
/// Nightly: forgets inbox ids Telegram can no longer redeliver (it keeps updates 24 hours) and settled outbox
/// rows. Rows with an idempotency key stay: they are what stops a notification from going out twice. A report
/// draft left half-written for a day is erased too: an abandoned draft must not wait forever for its writer.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(TimporaDb db, TimeProvider clock, ILogger<HousekeepingJob> log) : IJob
{
    public static readonly TimeSpan KeepInboxIds = TimeSpan.FromDays(3);
    public static readonly TimeSpan KeepSettledOutbox = TimeSpan.FromDays(30);
    public static readonly TimeSpan KeepReportDrafts = TimeSpan.FromDays(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var inboxBefore = now - KeepInboxIds;
        var outboxBefore = now - KeepSettledOutbox;
        var inbox = await db.Inbox.Where(e => e.Done && e.ReceivedAt < inboxBefore).ExecuteDeleteAsync(cancellationToken);
        var outbox = await db.Outbox
            .Where(m => m.Status != OutboxStatus.Pending && m.IdempotencyKey == null && m.CreatedAt < outboxBefore)
            .ExecuteDeleteAsync(cancellationToken);
        var draftsBefore = now - KeepReportDrafts;
        var drafts = await db.Conversations
            .Where(c => c.Flow == ReportFlow.FlowName && c.UpdatedAt < draftsBefore)
            .ExecuteUpdateAsync(
                set => set.SetProperty(c => c.Flow, (string?)null).SetProperty(c => c.FlowState, (string?)null).SetProperty(c => c.Choices, (string?)null),
                cancellationToken);
        log.LogInformation(
            "Housekeeping removed {Inbox} inbox ids and {Outbox} settled outbox rows, and erased {Drafts} abandoned report drafts", inbox, outbox, drafts);
    }
}
