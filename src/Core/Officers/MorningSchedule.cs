using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// supervisors also get who goes where. Every message has an idempotency key, so a second run (a restart, another
/// instance) sends nothing twice, and a service that was down at ScheduleAt still sends it once it is back that day.
/// </summary>
public sealed class MorningSchedule(
    TimporaDb db,
    DayPlan plan,
    Outbox outbox,
    WorkingCalendar calendar,
    IOptions<JemputBolaOptions> options,
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
        if (!await IsDueAsync(today, now, ct))
        {
            return 0;
        }

        var days = await plan.PlanAsync(today, ct);
        var supervisors = await db.Officers.Where(o => o.Active && o.Role == OfficerRole.Supervisor).OrderBy(o => o.Id).ToListAsync(ct);
        var keys = days.Select(d => HeaderKey(today, d.Officer.Id)).Concat(supervisors.Select(s => OverviewKey(today, s.Id))).ToList();
        var sent = (await db.Outbox.Where(o => o.IdempotencyKey != null && keys.Contains(o.IdempotencyKey)).Select(o => o.IdempotencyKey!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        var reached = new HashSet<long>();
        foreach (var day in days.Where(d => d.Officer.Address is not null && !sent.Contains(HeaderKey(today, d.Officer.Id))))
        {
            EnqueueSchedule(today, day);
            reached.Add(day.Officer.Id);
        }

        foreach (var supervisor in supervisors.Where(s => s.Address is not null && !sent.Contains(OverviewKey(today, s.Id))))
        {
            outbox.Enqueue(supervisor.Address!, OutgoingMessage.Say(Overview(today, days)), OverviewKey(today, supervisor.Id));
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
            "Morning schedule for {Date}: sent to {Officers} officers, {Visits} visits planned",
            today,
            reached.Count,
            days.Sum(d => d.Stops.Count));
        return reached.Count;
    }

    /// <summary>
    /// A working day that is not closed, from ScheduleAt until the office closes: late is still useful to officers
    /// who are about to go out; after closing time, the day is over.
    /// </summary>
    private async Task<bool> IsDueAsync(DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        if (!calendar.IsWorkingDay(today) || now < calendar.At(today, options.Value.ScheduleAt))
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

    private void EnqueueSchedule(DateOnly today, OfficerDay day)
    {
        var officer = day.Officer;
        var to = officer.Address!;
        var date = WindowText.Day(today, OfficerLanguage);
        var name = Html.Escape(officer.Name);
        var header = day.Stops.Count == 0
            ? Texts.Format(OfficerLanguage, "Notice.Schedule.Empty", date, name)
            : Texts.Format(OfficerLanguage, "Notice.Schedule.Header", date, name, day.Stops.Count, day.Stops.Sum(v => v.Applicants));
        outbox.Enqueue(to, OutgoingMessage.Say(header), HeaderKey(today, officer.Id));

        var buttons = officer.IsSupervisor ? StopButtons.Outcome | StopButtons.Reassign : StopButtons.Outcome;
        for (var n = 1; n <= day.Stops.Count; n++)
        {
            outbox.Enqueue(to, StopCard.For(day.Stops[n - 1], n, OfficerLanguage, buttons), Key(today, officer.Id, n));
        }
    }

    private static string Overview(DateOnly today, IReadOnlyList<OfficerDay> days)
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

        return Texts.Format(
            OfficerLanguage,
            "Notice.Schedule.Overview",
            WindowText.Day(today, OfficerLanguage),
            lines,
            days.Sum(d => d.Stops.Count),
            days.Sum(d => d.Stops.Sum(v => v.Applicants)));
    }

    private static string HeaderKey(DateOnly date, long officerId) => Key(date, officerId, 0);

    private static string Key(DateOnly date, long officerId, int part) =>
        string.Create(CultureInfo.InvariantCulture, $"schedule:{date:yyyyMMdd}:{officerId}:{part}");

    private static string OverviewKey(DateOnly date, long officerId) =>
        string.Create(CultureInfo.InvariantCulture, $"schedule:{date:yyyyMMdd}:overview:{officerId}");
}
