using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;

namespace Timpora.Core.Visits;

/// <summary>
/// Booking, moving and cancelling visits in the caller's unit of work. Every change re-checks the window against the
/// database; the window's <see cref="SlotLoad"/> version makes two turns racing for its last place conflict, and the
/// engine runs the loser again, when it finds the window full.
/// </summary>
/// <remarks>
/// Officers at an approved collective session are out of their day's capacity (<see cref="Availability.DayCapacity"/>),
/// read here on every check. An approval does not touch the windows' loads, so a booking racing it is not a conflict:
/// if the booking commits first it stays, over the day's new capacity, and the day plan still gives it an officer
/// (everyone, if the session took them all); if the approval commits first the booking is refused as any full day is.
/// </remarks>
public sealed class Bookings(TimporaDb db, Outbox outbox, Availability availability, WorkingCalendar calendar, Sessions sessions)
{
    public async Task<IReadOnlyList<Slot>> OpenSlotsAsync(DateTimeOffset now, int applicants, int max, CancellationToken ct)
    {
        var (loads, closed) = await LoadsAsync(now, ct);
        var today = calendar.Today(now);
        var capacity = await CapacityAsync(today, today.AddDays(availability.HorizonDays), ct);
        return availability.Open(now, applicants, s => loads.GetValueOrDefault((s.Date, s.Starts)), closed, max, capacity);
    }

    public async Task<SlotProblem?> CheckAsync(Slot slot, DateTimeOffset now, int applicants, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var load = await db.SlotLoads.FindAsync([slot.Date, slot.Starts], ct);
        var closed = await db.ClosedDays.AnyAsync(d => d.Date == slot.Date, ct);
        var capacity = await CapacityAsync(slot.Date, slot.Date, ct);
        return availability.Check(slot, now, applicants, load?.Units ?? 0, closed ? new HashSet<DateOnly> { slot.Date } : [], capacity(slot.Date));
    }

    /// <summary>Books the visit, or says why the window cannot take it (someone else may have just taken it).</summary>
    public async Task<Booked> BookAsync(ConversationAddress citizen, Language language, VisitFacts facts, Slot slot, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (await CheckAsync(slot, now, facts.Applicants, ct) is { } problem)
        {
            return new Booked(null, problem);
        }

        await TakeAsync(slot, facts.Applicants, ct);
        var visit = new Visit(await NewCodeAsync(ct), citizen, language, facts, slot, calendar.At(slot.Date, slot.Starts), now.UtcDateTime);
        db.Visits.Add(visit);
        return new Booked(visit, null);
    }

    public async Task<SlotProblem?> MoveAsync(Visit visit, Slot slot, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(visit);
        ArgumentNullException.ThrowIfNull(slot);
        if (await CheckAsync(slot, now, visit.Applicants, ct) is { } problem)
        {
            return problem;
        }

        if (visit.Status == VisitStatus.Booked)
        {
            await ReleaseAsync(visit, ct);
        }

        await TakeAsync(slot, visit.Applicants, ct);
        await DropPendingNoticesAsync(visit, ct);
        var (officer, from) = (visit.OfficerId, visit.Slot);
        visit.MoveTo(slot, calendar.At(slot.Date, slot.Starts), now.UtcDateTime);
        await TellOfficerAsync(officer, visit, from, "Duty.Withdrawn.Moved", ct);
        return null;
    }

    public async Task CancelAsync(Visit visit, DateTimeOffset now, CancellationToken ct)
    {
        await SettleAsync(visit, VisitStatus.Cancelled, now, ct);
        await TellOfficerAsync(visit.OfficerId, visit, visit.Slot, "Duty.Withdrawn.Cancelled", ct);
    }

    /// <summary>The window is given back (the day was closed, or the officer found it needs another date).</summary>
    public Task NeedNewDateAsync(Visit visit, DateTimeOffset now, CancellationToken ct) =>
        SettleAsync(visit, VisitStatus.NeedsNewDate, now, ct);

    /// <summary>The officers came: done, or nobody to serve. A reminder still waiting would now only confuse.</summary>
    public Task RecordOutcomeAsync(Visit visit, VisitStatus outcome, DateTimeOffset now, CancellationToken ct) =>
        outcome is VisitStatus.Done or VisitStatus.NotAvailable
            ? SettleAsync(visit, outcome, now, ct)
            : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An outcome is done or not available; other changes have their own methods.");

    /// <summary>The citizen's visits that are still ahead (booked from today, or waiting for a new date), soonest first.</summary>
    public async Task<IReadOnlyList<Visit>> UpcomingAsync(ConversationAddress citizen, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        var today = calendar.Today(now);
        var visits = await db.Visits
            .Where(v => v.Channel == citizen.Channel && v.ChatKey == citizen.Key)
            .Where(v => v.Status == VisitStatus.NeedsNewDate || (v.Status == VisitStatus.Booked && v.Date >= today))
            .ToListAsync(ct);
        return [.. visits.OrderBy(v => v.Date).ThenBy(v => v.Starts).ThenBy(v => v.Id)];
    }

    /// <summary>One of the citizen's own visits; someone else's id (a forged button) finds nothing.</summary>
    public Task<Visit?> OwnAsync(ConversationAddress citizen, long visitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        return db.Visits.SingleOrDefaultAsync(v => v.Id == visitId && v.Channel == citizen.Channel && v.ChatKey == citizen.Key, ct);
    }

    private async Task<(Dictionary<(DateOnly, TimeOnly), int> Loads, HashSet<DateOnly> Closed)> LoadsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = calendar.Today(now);
        var loads = await db.SlotLoads.AsNoTracking().Where(l => l.Date >= today).ToListAsync(ct);
        var closed = await db.ClosedDays.AsNoTracking().Where(d => d.Date >= today).Select(d => d.Date).ToListAsync(ct);
        return (loads.ToDictionary(l => (l.Date, l.Starts), l => l.Units), [.. closed]);
    }

    /// <summary>
    /// Each date's capacity per window from <paramref name="from"/> to <paramref name="to"/>, with the officers at
    /// sessions left out. Most date questions find no session in range: then every day has its whole capacity, and
    /// the officers need not be read.
    /// </summary>
    private async Task<Func<DateOnly, int>> CapacityAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var away = await sessions.OfficersAwayAsync(from, to, ct);
        if (away.Count == 0)
        {
            return _ => availability.DayCapacity(0, 0);
        }

        var pool = (await DayPlan.PoolAsync(db, ct)).Select(o => o.Id).ToHashSet();
        return date => availability.DayCapacity(pool.Count, away.TryGetValue(date, out var ids) ? ids.Count(pool.Contains) : 0);
    }

    /// <summary>
    /// A visit leaves its window without a new one: the window is given back unless the visit was over anyway (done,
    /// not there: the officers went), and whatever of it is still waiting to be sent is withdrawn.
    /// </summary>
    private async Task SettleAsync(Visit visit, VisitStatus status, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (visit.Status == VisitStatus.Booked && status is VisitStatus.Cancelled or VisitStatus.NeedsNewDate)
        {
            await ReleaseAsync(visit, ct);
        }

        await DropPendingNoticesAsync(visit, ct);
        visit.Record(status, now.UtcDateTime);
    }

    private async Task TakeAsync(Slot slot, int applicants, CancellationToken ct)
    {
        var load = await db.SlotLoads.FindAsync([slot.Date, slot.Starts], ct);
        if (load is null)
        {
            // Two first bookings of a window both insert: the primary key makes the second one fail and run again.
            load = new SlotLoad(slot.Date, slot.Starts);
            db.SlotLoads.Add(load);
        }

        load.Add(availability.Units(applicants));
    }

    private async Task ReleaseAsync(Visit visit, CancellationToken ct)
    {
        if (await db.SlotLoads.FindAsync([visit.Date, visit.Starts], ct) is { } load)
        {
            load.Add(-availability.Units(visit.Applicants));
        }
    }

    /// <summary>
    /// The officer who already has the visit in their plan (perhaps in this morning's schedule) must not drive to a
    /// bed that is empty. Officers read Indonesian, like the schedule itself.
    /// </summary>
    private async Task TellOfficerAsync(long? officerId, Visit visit, Slot was, string key, CancellationToken ct)
    {
        if (officerId is not { } id || await db.Officers.SingleOrDefaultAsync(o => o.Id == id && o.Active, ct) is not { Address: { } address })
        {
            return;
        }

        var text = Texts.Format(Language.Indonesian, key, Html.Escape(visit.Code), WindowText.Describe(was, Language.Indonesian), Html.Escape(visit.PlaceDetails));
        outbox.Enqueue(address, OutgoingMessage.Say(text), string.Create(CultureInfo.InvariantCulture, $"{VisitNotices.KeyPrefix(visit.Id)}withdrawn:{was.Key}"));
    }

    /// <summary>A reminder queued for the old window must not arrive after the visit moved or was cancelled.</summary>
    private Task DropPendingNoticesAsync(Visit visit, CancellationToken ct) => outbox.WithdrawPendingAsync(VisitNotices.KeyPrefix(visit.Id), ct);

    private async Task<string> NewCodeAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = BookingCode.New();
            if (!await db.Visits.AnyAsync(v => v.Code == code, ct) && !db.Visits.Local.Any(v => v.Code == code))
            {
                return code;
            }
        }
    }
}

public sealed record Booked(Visit? Visit, SlotProblem? Problem);
