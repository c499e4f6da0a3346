using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Visits;

namespace Timpora.Core.Collective;

/// <summary>
/// Reminds the people of an approved collective session, at Collective:ReminderAt (office time) on the days before:
/// the coordinator a week before (only when the roster is short or has problems: there is still time to fix it) and
/// the day before (arrival time and the group checklist); each applicant with a chat three days and one day before
/// (their checklist, time and place). Like the visit reminders: a stage only moves forward and each message has an
/// idempotency key under the session, so a second run or instance sends nothing twice and a cancellation withdraws
/// what waits; after downtime only the stage due now goes out, and nothing once the session has started.
/// </summary>
public sealed class SessionReminders(
    TimporaDb db,
    Sessions sessions,
    Outbox outbox,
    WorkingCalendar calendar,
    IOptions<CollectiveOptions> options,
    TimeProvider clock,
    ILogger<SessionReminders> log)
{
    /// <summary>Sessions, or one session's applicants, per unit of work: a conflict holds back only its own batch, until the next run.</summary>
    public const int BatchSize = 50;

    /// <summary>The coordinator's first reminder is the earliest stage of all.</summary>
    private const int WeekDays = 7;

    private const int ThreeDays = 3;

    /// <summary>Queues every session reminder due now; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var utc = now.UtcDateTime;
        var last = calendar.Today(now).AddDays(WeekDays);

        // Only approved sessions: a cancelled, declined or held one is not, and a rescheduled one has new stages.
        // A snapshot to choose by: each batch reads its sessions again in its own unit of work before it changes them.
        var candidates = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Approved && s.StartsAt > utc && s.Date <= last)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .ToListAsync(ct);

        var sent = 0;
        foreach (var batch in candidates.Where(s => CoordinatorStage(s, now).Stage > s.CoordinatorReminded).Select(s => s.Id).Chunk(BatchSize))
        {
            sent += await CoordinatorsAsync(batch, now, ct);
        }

        foreach (var session in candidates)
        {
            sent += await ApplicantsAsync(session, now, ct);
        }

        if (sent > 0)
        {
            log.LogInformation("Queued {Reminders} collective session reminders", sent);
        }

        return sent;
    }

    /// <summary>The coordinator's stage due now and when it fell due, or None (too early, or the session has begun).</summary>
    private (SessionReminder Stage, DateTimeOffset DueAt) CoordinatorStage(Session session, DateTimeOffset now) =>
        Latest(session, now, (SessionReminder.DayBefore, 1), (SessionReminder.WeekBefore, WeekDays));

    private (SessionReminder Stage, DateTimeOffset DueAt) ApplicantStage(Session session, DateTimeOffset now) =>
        Latest(session, now, (SessionReminder.DayBefore, 1), (SessionReminder.ThreeDaysBefore, ThreeDays));

    /// <param name="stages">Latest first: after downtime the latest stage due is the only one still worth sending.</param>
    private (SessionReminder Stage, DateTimeOffset DueAt) Latest(Session session, DateTimeOffset now, params (SessionReminder Stage, int DaysBefore)[] stages)
    {
        if (session.Date is not { } date || session.StartsAt is not { } startsAt || now >= new DateTimeOffset(startsAt, TimeSpan.Zero))
        {
            return (SessionReminder.None, default);
        }

        foreach (var (stage, daysBefore) in stages)
        {
            var dueAt = calendar.At(date.AddDays(-daysBefore), options.Value.ReminderAt);
            if (now >= dueAt)
            {
                return (stage, dueAt);
            }
        }

        return (SessionReminder.None, default);
    }

    private async Task<int> CoordinatorsAsync(long[] ids, DateTimeOffset now, CancellationToken ct)
    {
        var due = new List<(Session Session, SessionReminder Stage, string Key)>();
        foreach (var session in await db.Sessions.Where(s => ids.Contains(s.Id) && s.Status == SessionStatus.Approved).OrderBy(s => s.Id).ToListAsync(ct))
        {
            var (stage, _) = CoordinatorStage(session, now);
            if (stage > session.CoordinatorReminded)
            {
                due.Add((session, stage, Sessions.KeyPrefix(session.Id) + $"coord:{stage}:{When(session)}"));
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var already = await AlreadyQueuedAsync(due.Select(d => d.Key), ct);
        var keys = new List<string>();
        foreach (var (session, stage, key) in due)
        {
            // A key already there was sent for this same date and time (the session was approved again unchanged).
            if (!already.Contains(key) && await CoordinatorMessageAsync(session, stage, now, ct) is { } message)
            {
                outbox.Enqueue(session.Coordinator, message, key);
                keys.Add(key);
            }

            // The week stage passes silently when the roster is ready: it is not sent later if a problem appears.
            session.MarkCoordinatorReminded(stage, now.UtcDateTime);
        }

        return await CommitAsync(keys, "coordinator", ct);
    }

    private async Task<OutgoingMessage?> CoordinatorMessageAsync(Session session, SessionReminder stage, DateTimeOffset now, CancellationToken ct)
    {
        var language = session.Language;
        var date = WindowText.Day(session.Date!.Value, language);
        var starts = session.Starts!.Value;
        var code = Html.Escape(session.Code);
        if (stage == SessionReminder.WeekBefore)
        {
            var minimum = options.Value.MinimumApplicants;
            var roster = await sessions.RosterAsync(session.Id, ct);
            var problems = RosterCheck.Problems(session, roster, minimum, calendar.Today(now), language);
            // Too few people is one of the roster's problems, so none means the roster is ready and this stage passes silently.
            if (problems.Count == 0)
            {
                return null;
            }

            return OutgoingMessage.Say(Texts.Format(
                language,
                "SessionNotice.Coordinator.Week",
                code,
                date,
                WindowText.Time(starts),
                roster.Count,
                minimum,
                string.Join('\n', problems)));
        }

        return OutgoingMessage.Say(Texts.Format(
            language,
            "SessionNotice.Coordinator.DayBefore",
            code,
            date,
            WindowText.Time(starts),
            WindowText.Time(SessionCard.Arrival(starts, options.Value.SetupMinutes)),
            Place(session, language),
            await sessions.CountAsync(session.Id, ct),
            SessionChecklist.ForGroup(session.Purpose, language)));
    }

    /// <summary>Applicants with a chat whose stage is due, in batches; someone who joined after it fell due had the checklist on joining.</summary>
    private async Task<int> ApplicantsAsync(Session session, DateTimeOffset now, CancellationToken ct)
    {
        if (ApplicantStage(session, now) is not { Stage: not SessionReminder.None } due)
        {
            return 0;
        }

        var sessionId = session.Id;
        var joinedBy = due.DueAt.UtcDateTime;
        var ids = await db.Applicants.AsNoTracking()
            .Where(a => a.SessionId == sessionId && a.ChatKey != null && a.Reminded < due.Stage && a.LinkedAt <= joinedBy)
            .OrderBy(a => a.Id)
            .Select(a => a.Id)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var batch in ids.Chunk(BatchSize))
        {
            sent += await ApplicantBatchAsync(sessionId, batch, now, ct);
        }

        return sent;
    }

    private async Task<int> ApplicantBatchAsync(long sessionId, long[] ids, DateTimeOffset now, CancellationToken ct)
    {
        // Read again in this unit of work: the session may have been cancelled or moved since the list was made.
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.Status == SessionStatus.Approved, ct);
        if (session is null || ApplicantStage(session, now) is not { Stage: not SessionReminder.None } due)
        {
            return 0;
        }

        var applicants = await db.Applicants.Where(a => a.SessionId == sessionId && ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct);
        var pending = applicants
            .Where(a => a.Chat is not null && a.Reminded < due.Stage && a.LinkedAt <= due.DueAt.UtcDateTime)
            .Select(a => (Applicant: a, Key: Sessions.ApplicantKeyPrefix(sessionId, a.Id) + $"{due.Stage}:{When(session)}"))
            .ToList();
        if (pending.Count == 0)
        {
            return 0;
        }

        var already = await AlreadyQueuedAsync(pending.Select(p => p.Key), ct);
        var keys = new List<string>();
        foreach (var (applicant, key) in pending)
        {
            if (!already.Contains(key))
            {
                outbox.Enqueue(applicant.Chat!, OutgoingMessage.Say(ApplicantText(session, applicant)), key);
                keys.Add(key);
            }

            applicant.MarkReminded(due.Stage);
        }

        // The session's version goes up with the batch, so a cancellation or a new date committed meanwhile makes this
        // batch conflict instead of sending reminders for a session that is off. A removed applicant conflicts too.
        session.MarkCoordinatorReminded(session.CoordinatorReminded, now.UtcDateTime);
        return await CommitAsync(keys, "applicant", ct);
    }

    private static string ApplicantText(Session session, Applicant applicant)
    {
        var language = applicant.Language;
        return Texts.Format(
            language,
            "SessionNotice.Applicant.Reminder",
            Html.Escape(session.OrganisationName),
            WindowText.Day(session.Date!.Value, language),
            WindowText.Time(session.Starts!.Value),
            Place(session, language),
            SessionChecklist.For(applicant.Passport, session.Purpose, language));
    }

    /// <summary>The venue, with a map link when the coordinator shared the location.</summary>
    private static string Place(Session session, Language language) =>
        session.Point is { } point
            ? SessionCard.Venue(session) + "\n" + Texts.Format(language, "SessionNotice.Card.Map", Html.Escape(StopCard.MapLink(point)))
            : SessionCard.Venue(session);

    /// <summary>The date and start in keys: a reminder sent for one date or time does not count for another.</summary>
    private static string When(Session session) =>
        string.Create(CultureInfo.InvariantCulture, $"{session.Date!.Value:yyyyMMdd}-{session.Starts!.Value:HHmm}");

    private async Task<HashSet<string>> AlreadyQueuedAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        var list = keys.ToList();
        var found = await db.Outbox.AsNoTracking().Where(o => o.IdempotencyKey != null && list.Contains(o.IdempotencyKey)).Select(o => o.IdempotencyKey!).ToListAsync(ct);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    private async Task<int> CommitAsync(List<string> keys, string whom, CancellationToken ct)
    {
        if (await outbox.CommitAsync(keys, ct))
        {
            db.ChangeTracker.Clear();
            return keys.Count;
        }

        // Another run got there first (its keys or the session's version won), or the session or roster changed
        // meanwhile: either way the next run sees what is true now.
        log.LogInformation("A batch of {Reminders} {Whom} session reminders was not queued: it changed or was already queued", keys.Count, whom);
        return 0;
    }
}
