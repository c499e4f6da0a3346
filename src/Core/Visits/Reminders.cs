using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;

namespace Timpora.Core.Visits;

/// <summary>
/// Reminds applicants of their visit: the evening before, and a couple of hours before the window. Each reminder is
/// keyed by visit, stage and window, so a second run or instance sends nothing twice and a moved visit starts again.
/// A reminder that comes too late is worse than none: after downtime only the stage due now goes out, and a window
/// that has begun gets nothing.
/// </summary>
public sealed class Reminders(
    TimporaDb db,
    Outbox outbox,
    WorkingCalendar calendar,
    IOptions<JemputBolaOptions> options,
    TimeProvider clock,
    ILogger<Reminders> log)
{
    /// <summary>Visits per unit of work: one conflicting visit holds back only its own batch, until the next run.</summary>
    public const int BatchSize = 50;

    /// <summary>Queues every reminder due now; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var utc = now.UtcDateTime;
        var today = calendar.Today(now);
        var tomorrow = today.AddDays(1);

        // Only booked visits in their current window: a cancelled one is not booked, and a moved one has a new
        // window, start time and reminder stage.
        var candidates = await db.Visits.AsNoTracking()
            .Where(v => v.Status == VisitStatus.Booked && v.StartsAt > utc && v.Date >= today && v.Date <= tomorrow && v.Reminded != ReminderStage.HoursBefore)
            .OrderBy(v => v.StartsAt).ThenBy(v => v.Id)
            .Select(v => v.Id)
            .ToListAsync(ct);

        var sent = 0;
        foreach (var batch in candidates.Chunk(BatchSize))
        {
            sent += await SendBatchAsync(batch, now, ct);
        }

        if (sent > 0)
        {
            log.LogInformation("Queued {Reminders} visit reminders", sent);
        }

        return sent;
    }

    /// <summary>Which reminder a visit should have had by now, or none (its window has begun, or it is too early).</summary>
    private ReminderStage DueStage(Visit visit, DateTimeOffset now)
    {
        var startsAt = new DateTimeOffset(visit.StartsAt, TimeSpan.Zero);
        if (now >= startsAt)
        {
            return ReminderStage.None;
        }

        if (now >= startsAt.AddHours(-options.Value.SoonReminderHours))
        {
            return ReminderStage.HoursBefore;
        }

        // "Tomorrow" is only true before the visit's day: after a night of downtime the evening one is not sent.
        return now >= calendar.At(visit.Date.AddDays(-1), options.Value.EveningReminderAt) && calendar.Today(now) < visit.Date
            ? ReminderStage.EveningBefore
            : ReminderStage.None;
    }

    private async Task<int> SendBatchAsync(long[] ids, DateTimeOffset now, CancellationToken ct)
    {
        var visits = await db.Visits.Where(v => ids.Contains(v.Id) && v.Status == VisitStatus.Booked).ToListAsync(ct);
        var keys = new List<string>();
        foreach (var visit in visits)
        {
            var stage = DueStage(visit, now);
            if (stage <= visit.Reminded)
            {
                continue;
            }

            var key = VisitNotices.ReminderKey(visit.Id, stage, visit.Slot);
            outbox.Enqueue(visit.Citizen, OutgoingMessage.Say(Text(visit, stage)), key);
            visit.MarkReminded(stage, now.UtcDateTime);
            keys.Add(key);
        }

        if (keys.Count == 0)
        {
            return 0;
        }

        if (await outbox.CommitAsync(keys, ct))
        {
            return keys.Count;
        }

        // Another run got there first (its reminder keys or its visit versions won), or the citizen moved or cancelled
        // a visit meanwhile: either way the next run sees what is true now.
        log.LogInformation("A batch of {Reminders} visit reminders was already queued by another run", keys.Count);
        return 0;
    }

    private string Text(Visit visit, ReminderStage stage)
    {
        var language = visit.Language;
        var key = stage == ReminderStage.EveningBefore ? "Notice.Reminder.Evening" : "Notice.Reminder.Soon";
        return Texts.Format(
            language,
            key,
            Html.Escape(visit.Code),
            WindowText.Describe(visit.Slot, language),
            StopCard.Place(visit, language),
            Checklist.For(visit.Service, language),
            options.Value.SoonReminderHours);
    }
}
