using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;

namespace Timpora.Core.Collective;

/// <summary>
/// Collective sessions and their rosters, in the caller's unit of work: requests, the office's decisions, and who is
/// on which roster. Every change bumps the session's version, so two decisions racing (two supervisors, a decision
/// and a cancellation) conflict and the engine runs the loser again, when it sees the session as it is now.
/// Nothing here speaks to anyone: the flows say what happened, in each person's language.
/// </summary>
public sealed class Sessions(TimporaDb db, Outbox outbox, WorkingCalendar calendar)
{
    /// <summary>Every message about a session is keyed under this, so a cancelled session can withdraw what still waits.</summary>
    public static string KeyPrefix(long sessionId) => string.Create(CultureInfo.InvariantCulture, $"session:{sessionId}:");

    /// <summary>Messages about one applicant of a session (reminders), withdrawn when they are taken off the roster.</summary>
    public static string ApplicantKeyPrefix(long sessionId, long applicantId) =>
        string.Create(CultureInfo.InvariantCulture, $"session:{sessionId}:a{applicantId}:");

    public async Task<Session> RequestAsync(ConversationAddress coordinator, Language language, SessionFacts facts, DateTimeOffset now, CancellationToken ct)
    {
        var session = new Session(await NewCodeAsync(ct), coordinator, language, facts, now.UtcDateTime);
        db.Sessions.Add(session);
        return session;
    }

    /// <summary>The session a code (typed, or a join link's payload) names, or null.</summary>
    public async Task<Session?> ByCodeAsync(string? code, CancellationToken ct) =>
        SessionCode.Normalise(code) is { } normal ? await db.Sessions.SingleOrDefaultAsync(s => s.Code == normal, ct) : null;

    public Task<Session?> FindAsync(long sessionId, CancellationToken ct) => db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct);

    /// <summary>One of the coordinator's own sessions, by its code; someone else's code (a forged button) finds nothing.</summary>
    public async Task<Session?> OwnAsync(ConversationAddress coordinator, string? code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        return SessionCode.Normalise(code) is { } normal
            ? await db.Sessions.SingleOrDefaultAsync(s => s.Code == normal && s.Channel == coordinator.Channel && s.ChatKey == coordinator.Key, ct)
            : null;
    }

    /// <summary>The coordinator's sessions whose roster can still change, soonest first, then the newest requests.</summary>
    public async Task<IReadOnlyList<Session>> OpenOfAsync(ConversationAddress coordinator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        var sessions = await db.Sessions
            .Where(s => s.Channel == coordinator.Channel && s.ChatKey == coordinator.Key && Session.OpenStatuses.Contains(s.Status))
            .ToListAsync(ct);
        return [.. sessions.OrderBy(s => s.Date ?? DateOnly.MaxValue).ThenByDescending(s => s.Id)];
    }

    /// <summary>The officers going to (or offered for) the session, by id.</summary>
    public async Task<IReadOnlyList<long>> OfficersOfAsync(long sessionId, CancellationToken ct) =>
        await db.SessionOfficers.Where(o => o.SessionId == sessionId).OrderBy(o => o.OfficerId).Select(o => o.OfficerId).ToListAsync(ct);

    /// <summary>
    /// Fixes the session (approved) or offers it to the coordinator (proposed) on a date and time with these officers,
    /// replacing any earlier choice. Reminders sent for an earlier date do not count for this one.
    /// </summary>
    public async Task ScheduleAsync(Session session, SessionStatus status, DateOnly date, TimeOnly starts, IReadOnlyCollection<long> officerIds, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(officerIds);
        if (officerIds.Count == 0)
        {
            throw new ArgumentException("A session needs at least one officer.", nameof(officerIds));
        }

        var earlier = await db.SessionOfficers.Where(o => o.SessionId == session.Id).ToListAsync(ct);
        db.SessionOfficers.RemoveRange(earlier);
        db.SessionOfficers.AddRange(officerIds.Distinct().Select(id => new SessionOfficer(session.Id, id)));
        session.Schedule(status, date, starts, calendar.At(date, starts), now.UtcDateTime);
        foreach (var applicant in await db.Applicants.Where(a => a.SessionId == session.Id).ToListAsync(ct))
        {
            applicant.MarkReminded(SessionReminder.None);
        }
    }

    /// <summary>The coordinator accepted the office's proposed date: it is fixed.</summary>
    public void Accept(Session session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Status != SessionStatus.Proposed || session.Date is not { } date || session.Starts is not { } starts)
        {
            throw new InvalidOperationException("Only a proposed session can be accepted.");
        }

        session.Schedule(SessionStatus.Approved, date, starts, calendar.At(date, starts), now.UtcDateTime);
    }

    /// <summary>The coordinator refused the office's proposed date: the request is back with the office.</summary>
    public async Task RefuseAsync(Session session, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        db.SessionOfficers.RemoveRange(await db.SessionOfficers.Where(o => o.SessionId == session.Id).ToListAsync(ct));
        session.Reopen(now.UtcDateTime);
    }

    public async Task DeclineAsync(Session session, string reason, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        await outbox.WithdrawPendingAsync(KeyPrefix(session.Id), ct);
        session.Decline(reason, now.UtcDateTime);
    }

    /// <summary>The coordinator withdrew: nothing still waiting to be sent about the session goes out.</summary>
    public async Task CancelAsync(Session session, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        await outbox.WithdrawPendingAsync(KeyPrefix(session.Id), ct);
        session.Cancel(now.UtcDateTime);
    }

    public async Task RecordHeldAsync(Session session, int applicationsTaken, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        await outbox.WithdrawPendingAsync(KeyPrefix(session.Id), ct);
        session.RecordHeld(applicationsTaken, now.UtcDateTime);
    }

    /// <summary>
    /// Puts a person on the roster. The same NIK cannot be on two open rosters; on this roster, a person the CSV added
    /// who opens the join link with the same NIK and birth date is linked to their chat instead, so reminders reach them.
    /// </summary>
    public async Task<Joined> AddAsync(Session session, ApplicantFacts facts, ApplicantSource source, ConversationAddress? chat, Language language, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(facts);
        var same = await db.Applicants
            .Where(a => a.Nik == facts.Nik)
            .Join(Holding(now), a => a.SessionId, s => s.Id, (a, _) => a)
            .ToListAsync(ct);
        same.AddRange(db.Applicants.Local.Where(a => a.Nik == facts.Nik && a.Id == 0));
        if (same.FirstOrDefault(a => a.SessionId == session.Id) is { } here)
        {
            if (chat is not null && here.Chat is null && here.BirthDate == facts.BirthDate)
            {
                here.Link(chat, language, now.UtcDateTime);
                return new Joined(here, JoinOutcome.Linked);
            }

            return new Joined(here, JoinOutcome.AlreadyHere);
        }

        if (same.Count > 0)
        {
            return new Joined(null, JoinOutcome.InAnotherSession);
        }

        var applicant = new Applicant(session.Id, facts, source, chat, language, now.UtcDateTime);
        db.Applicants.Add(applicant);
        return new Joined(applicant, JoinOutcome.Added);
    }

    /// <summary>Every NIK on an open roster, to check a whole CSV file in one query.</summary>
    public async Task<IReadOnlyDictionary<string, long>> OpenNiksAsync(DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Applicants
            .Join(Holding(now), a => a.SessionId, s => s.Id, (a, s) => new { a.Nik, s.Id })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Nik, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// Adds people from the coordinator's file, already checked against <see cref="OpenNiksAsync"/>: one query for the
    /// whole file instead of one per person, which 10,000 rows would make slow.
    /// </summary>
    public void AddChecked(Session session, IEnumerable<ApplicantFacts> checkedFacts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(checkedFacts);
        db.Applicants.AddRange(checkedFacts.Select(f => new Applicant(session.Id, f, ApplicantSource.Csv, null, session.Language, now.UtcDateTime)));
    }

    /// <summary>
    /// The roster as this unit of work leaves it, in the order people joined: someone removed in this turn is gone and
    /// someone a file added in it is there, so the card shown after a change already tells the truth.
    /// </summary>
    public async Task<IReadOnlyList<Applicant>> RosterAsync(long sessionId, CancellationToken ct)
    {
        var stored = await db.Applicants.Where(a => a.SessionId == sessionId).OrderBy(a => a.Id).ToListAsync(ct);
        return
        [
            .. stored.Where(a => db.Entry(a).State != EntityState.Deleted),
            .. db.Applicants.Local.Where(a => a.SessionId == sessionId && db.Entry(a).State == EntityState.Added),
        ];
    }

    /// <summary>One person on the session's roster; an id from another roster (a forged button) finds nothing.</summary>
    public Task<Applicant?> ApplicantAsync(Session session, long applicantId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return db.Applicants.SingleOrDefaultAsync(a => a.Id == applicantId && a.SessionId == session.Id, ct);
    }

    public Task<int> CountAsync(long sessionId, CancellationToken ct) => db.Applicants.CountAsync(a => a.SessionId == sessionId, ct);

    /// <summary>
    /// Takes a person off the roster (the coordinator's choice); their waiting reminders go with them. Returns who was
    /// removed, or null when they were not on this roster (removed already, or a forged id).
    /// </summary>
    public async Task<Applicant?> RemoveAsync(Session session, long applicantId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await ApplicantAsync(session, applicantId, ct) is not { } applicant)
        {
            return null;
        }

        await outbox.WithdrawPendingAsync(ApplicantKeyPrefix(session.Id, applicant.Id), ct);
        db.Applicants.Remove(applicant);
        return applicant;
    }

    /// <summary>
    /// Officers at an approved session on each date from <paramref name="from"/> to <paramref name="to"/>: they are
    /// out of that day's Jemput Bola plan and capacity.
    /// </summary>
    public Task<IReadOnlyDictionary<DateOnly, IReadOnlySet<long>>> OfficersAwayAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        OfficersAtAsync([SessionStatus.Approved], from, to, ct);

    /// <summary>
    /// Officers promised to a session on <paramref name="date"/>: approved, or offered in a proposal the coordinator has
    /// not answered yet. Neither can be offered again that day, or accepting a proposal could send one officer to two places.
    /// </summary>
    public async Task<IReadOnlySet<long>> OfficersPromisedAsync(DateOnly date, CancellationToken ct) =>
        (await OfficersAtAsync([SessionStatus.Approved, SessionStatus.Proposed], date, date, ct)).GetValueOrDefault(date) ?? new HashSet<long>();

    /// <summary>Approved sessions on a date, earliest first.</summary>
    public async Task<IReadOnlyList<Session>> ApprovedOnAsync(DateOnly date, CancellationToken ct) =>
        await db.Sessions.Where(s => s.Status == SessionStatus.Approved && s.Date == date).OrderBy(s => s.Starts).ThenBy(s => s.Id).ToListAsync(ct);

    /// <summary>
    /// Sessions whose roster still holds its people's NIKs: waiting, proposed, or approved for a day not yet past. An
    /// approved session whose day went by without its officers recording it must not keep its people off the next one.
    /// </summary>
    private IQueryable<Session> Holding(DateTimeOffset now)
    {
        var today = calendar.Today(now);
        return db.Sessions.Where(s => s.Status == SessionStatus.Requested
            || s.Status == SessionStatus.Proposed
            || (s.Status == SessionStatus.Approved && s.Date >= today));
    }

    private async Task<IReadOnlyDictionary<DateOnly, IReadOnlySet<long>>> OfficersAtAsync(SessionStatus[] statuses, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.SessionOfficers
            .Join(
                db.Sessions.Where(s => statuses.Contains(s.Status) && s.Date >= from && s.Date <= to),
                o => o.SessionId,
                s => s.Id,
                (o, s) => new { Date = s.Date!.Value, o.OfficerId })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Date).ToDictionary(g => g.Key, g => (IReadOnlySet<long>)g.Select(r => r.OfficerId).ToHashSet());
    }

    private async Task<string> NewCodeAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = SessionCode.New();
            if (!await db.Sessions.AnyAsync(s => s.Code == code, ct) && !db.Sessions.Local.Any(s => s.Code == code))
            {
                return code;
            }
        }
    }
}

public enum JoinOutcome
{
    Added,

    /// <summary>The coordinator's CSV had them; now their chat is on the roster too.</summary>
    Linked,

    AlreadyHere,

    /// <summary>Another open session's roster has the same NIK.</summary>
    InAnotherSession,
}

/// <param name="Applicant">The roster entry added, linked or already there; null when the NIK is on another roster.</param>
public sealed record Joined(Applicant? Applicant, JoinOutcome Outcome);
