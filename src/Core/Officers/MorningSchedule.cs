using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Visits;

namespace Timpora.Core.Officers;

/// <summary>
/// Each working morning, every officer gets the day's plan: a header, then one card per visit in route order;
/// supervisors also get who goes where. Officers at an approved collective session get its card too (and a schedule
/// even with no visits). Every message has an idempotency key, so a second run (a restart, another instance) sends
/// nothing twice, and a service that was down at ScheduleAt still sends it once it is back that day.
/// </summary>
public sealed class MorningSchedule(
    TimporaDb db,
    DayPlan plan,
    Sessions sessions,
    Outbox outbox,
    WorkingCalendar calendar,
    IOptions<JemputBolaOptions> options,
    IOptions<CollectiveOptions> collective,
    IOptions<OfficeOptions> office,
    TimeProvider clock,
    ILogger<MorningSchedule> log)
{
    /// <summary>Officers are office staff: their schedule is in Indonesian.</summary>
    private const Language OfficerLanguage = Language.Indonesian;

    /// <summary>A visit booked, moved or cancelled while the plan was made: plan again, a few times at most.</summary>
    private const int MaxAttempts = 3;

    /// <summary>Plans today and queues each officer's schedule if it is due and not sent yet; returns how many officers got one.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // A visit changed under the plan (or another instance assigned it first); the next attempt sees
                // either the change or the other instance's keys.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<int> SendOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = calendar.Today(now);
        if (now < calendar.At(today, options.Value.ScheduleAt))
        {
            return 0;
        }

        var visitsDue = await VisitsDueAsync(today, now, ct);
        IReadOnlyList<SessionDay> todays = now < DayEnds(today) ? await SessionsAsync(today, ct) : [];
        if (!visitsDue && todays.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<OfficerDay> days = visitsDue ? await plan.PlanAsync(today, ct) : [];
        var schedules = days.Select(d => new Schedule(d.Officer, d.Stops, SessionsOf(todays, d.Officer.Id))).ToList();
        schedules.AddRange(todays.SelectMany(t => t.Officers)
            .Where(o => !days.Any(d => d.Officer.Id == o.Id))
            .DistinctBy(o => o.Id)
            .OrderBy(o => o.Id)
            .Select(o => new Schedule(o, [], SessionsOf(todays, o.Id))));
        var supervisors = await db.Officers.Where(o => o.Active && o.Role == OfficerRole.Supervisor).OrderBy(o => o.Id).ToListAsync(ct);
        var keys = schedules.Select(d => HeaderKey(today, d.Officer.Id)).Concat(supervisors.Select(s => OverviewKey(today, s.Id))).ToList();
        var sent = (await db.Outbox.Where(o => o.IdempotencyKey != null && keys.Contains(o.IdempotencyKey)).Select(o => o.IdempotencyKey!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        var reached = new HashSet<long>();
        foreach (var schedule in schedules.Where(d => d.Officer.Address is not null && !sent.Contains(HeaderKey(today, d.Officer.Id))))
        {
            EnqueueSchedule(today, schedule);
            reached.Add(schedule.Officer.Id);
        }

        foreach (var supervisor in supervisors.Where(s => s.Address is not null && !sent.Contains(OverviewKey(today, s.Id))))
        {
            outbox.Enqueue(supervisor.Address!, OutgoingMessage.Say(Overview(today, days, todays)), OverviewKey(today, supervisor.Id));
            reached.Add(supervisor.Id);
        }

        if (reached.Count == 0)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Another instance queued the same morning first and its keys won: what it queued is the schedule.
            // A failure that left none of our keys behind is a real one.
            db.ChangeTracker.Clear();
            if (!await db.Outbox.AnyAsync(o => o.IdempotencyKey != null && keys.Contains(o.IdempotencyKey), ct))
            {
                throw;
            }

            log.LogInformation("Morning schedule for {Date} was queued by another run at the same time", today);
            return 0;
        }

        log.LogInformation(
            "Morning schedule for {Date}: sent to {Officers} officers, {Visits} visits planned, {Sessions} collective sessions",
            today,
            reached.Count,
            days.Sum(d => d.Stops.Count),
            todays.Count);
        return reached.Count;
    }

    /// <summary>
    /// Visits go out on a working day that is not closed, from ScheduleAt until the office closes: late is still
    /// useful to officers who are about to go out; after closing time, the day is over.
    /// </summary>
    private async Task<bool> VisitsDueAsync(DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        if (!calendar.IsWorkingDay(today))
        {
            return false;
        }

        var hours = office.Value.Hours.FirstOrDefault(h => h.Days.Contains(today.DayOfWeek));
        if (hours is null || now >= calendar.At(today, hours.Closes))
        {
            return false;
        }

        return !await db.ClosedDays.AnyAsync(d => d.Date == today, ct);
    }

    /// <summary>
    /// Until when a session's officers still get their day: closing time, or midnight on a day the office has no hours
    /// (a session on a Saturday by agreement). A closed Jemput Bola day does not stop a session.
    /// </summary>
    private DateTimeOffset DayEnds(DateOnly today) =>
        office.Value.Hours.FirstOrDefault(h => h.Days.Contains(today.DayOfWeek)) is { } hours
            ? calendar.At(today, hours.Closes)
            : calendar.At(today.AddDays(1), TimeOnly.MinValue);

    /// <summary>Today's approved sessions with their roster count and the active officers who go.</summary>
    private async Task<IReadOnlyList<SessionDay>> SessionsAsync(DateOnly today, CancellationToken ct)
    {
        var days = new List<SessionDay>();
        foreach (var session in await sessions.ApprovedOnAsync(today, ct))
        {
            var ids = await sessions.OfficersOfAsync(session.Id, ct);
            var going = await db.Officers.Where(o => o.Active && ids.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct);
            days.Add(new SessionDay(session, await sessions.CountAsync(session.Id, ct), going));
        }

        return days;
    }

    private static List<SessionDay> SessionsOf(IReadOnlyList<SessionDay> todays, long officerId) =>
        [.. todays.Where(t => t.Officers.Any(o => o.Id == officerId))];

    private void EnqueueSchedule(DateOnly today, Schedule day)
    {
        var officer = day.Officer;
        var to = officer.Address!;
        var date = WindowText.Day(today, OfficerLanguage);
        var name = Html.Escape(officer.Name);
        var header = day.Stops.Count == 0
            ? Texts.Format(OfficerLanguage, "Notice.Schedule.Empty", date, name)
            : Texts.Format(OfficerLanguage, "Notice.Schedule.Header", date, name, day.Stops.Count, day.Stops.Sum(v => v.Applicants));
        if (day.Sessions.Count > 0)
        {
            header += "\n\n" + Texts.Format(OfficerLanguage, "SessionNotice.Schedule.Sessions", day.Sessions.Count);
        }

        outbox.Enqueue(to, OutgoingMessage.Say(header), HeaderKey(today, officer.Id));

        var buttons = officer.IsSupervisor ? StopButtons.Outcome | StopButtons.Reassign : StopButtons.Outcome;
        for (var n = 1; n <= day.Stops.Count; n++)
        {
            outbox.Enqueue(to, StopCard.For(day.Stops[n - 1], n, OfficerLanguage, buttons), Key(today, officer.Id, n));
        }

        // Keyed under the session, so a cancellation still withdraws a card that has not left yet.
        foreach (var session in day.Sessions)
        {
            outbox.Enqueue(
                to,
                SessionCard.For(session.Session, session.Registered, collective.Value.SetupMinutes, onTheDay: true, officerNames: []),
                SessionCardKey(session.Session.Id, today, officer.Id));
        }
    }

    private static string Overview(DateOnly today, IReadOnlyList<OfficerDay> days, IReadOnlyList<SessionDay> todays)
    {
        var lines = new StringBuilder();
        foreach (var day in days)
        {
            if (lines.Length > 0)
            {
                lines.Append('\n');
            }

            lines.Append(Texts.Format(OfficerLanguage, "Notice.Schedule.OverviewLine", Html.Escape(day.Officer.Name), day.Stops.Count, day.Stops.Sum(v => v.Applicants)));
        }

        var overview = Texts.Format(
            OfficerLanguage,
            "Notice.Schedule.Overview",
            WindowText.Day(today, OfficerLanguage),
            lines,
            days.Sum(d => d.Stops.Count),
            days.Sum(d => d.Stops.Sum(v => v.Applicants)));
        if (todays.Count == 0)
        {
            return overview;
        }

        var sessionLines = todays.Select(t => Texts.Format(
            OfficerLanguage,
            "SessionNotice.Overview.Line",
            WindowText.Time(t.Session.Starts!.Value),
            Html.Escape(t.Session.OrganisationName),
            Html.Escape(t.Session.Code),
            string.Join(", ", t.Officers.Select(o => Html.Escape(o.Name))),
            t.Registered));
        return string.Join('\n', [overview, "", Texts.Get(OfficerLanguage, "SessionNotice.Overview.Heading"), .. sessionLines]);
    }

    private static string HeaderKey(DateOnly date, long officerId) => Key(date, officerId, 0);

    private static string Key(DateOnly date, long officerId, int part) =>
        string.Create(CultureInfo.InvariantCulture, $"schedule:{date:yyyyMMdd}:{officerId}:{part}");

    private static string OverviewKey(DateOnly date, long officerId) =>
        string.Create(CultureInfo.InvariantCulture, $"schedule:{date:yyyyMMdd}:overview:{officerId}");

    private static string SessionCardKey(long sessionId, DateOnly date, long officerId) =>
        Sessions.KeyPrefix(sessionId) + string.Create(CultureInfo.InvariantCulture, $"schedule:{date:yyyyMMdd}:{officerId}");

    /// <summary>One officer's morning: their stops in route order and the sessions they go to.</summary>
    private sealed record Schedule(Officer Officer, IReadOnlyList<Visit> Stops, IReadOnlyList<SessionDay> Sessions);

    /// <summary>An approved session of today, with how many are on its roster and the active officers who go.</summary>
    private sealed record SessionDay(Session Session, int Registered, IReadOnlyList<Officer> Officers);
}
