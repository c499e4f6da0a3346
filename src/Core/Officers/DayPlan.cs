using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timpora.Core.Collective;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Visits;

namespace Timpora.Core.Officers;

/// <summary>
/// Who visits whom on a day, and in which order. Visits someone already holds (a supervisor moved them, or an
/// earlier plan gave them out) stay with that officer; the rest are shared out evenly by direction from the office.
/// Officers at an approved collective session that day are not in the plan. Works in the caller's unit of work and
/// does not save: the caller commits the plan with what it sends.
/// </summary>
public sealed class DayPlan(TimporaDb db, Sessions sessions, IOptions<OfficeOptions> office, TimeProvider clock, ILogger<DayPlan> log)
{
    private readonly GeoPoint _office = new(office.Value.Latitude, office.Value.Longitude);

    public async Task<IReadOnlyList<OfficerDay>> PlanAsync(DateOnly date, CancellationToken ct)
    {
        var everyone = await PoolAsync(db, ct);
        if (everyone.Count == 0)
        {
            return [];
        }

        var visits = await db.Visits
            .Where(v => v.Date == date && v.Status == VisitStatus.Booked)
            .OrderBy(v => v.Starts).ThenBy(v => v.Id)
            .ToListAsync(ct);
        var away = (await sessions.OfficersAwayAsync(date, date, ct)).GetValueOrDefault(date) ?? new HashSet<long>();
        var pool = everyone.Where(o => !away.Contains(o.Id)).ToList();
        if (pool.Count == 0 && visits.Count > 0)
        {
            // Capacity keeps new visits off such a day, but some were booked before the session was approved (or
            // raced it). A visit is never dropped: everyone stays in the pool and the supervisor sorts it out.
            log.LogWarning(
                "All {Officers} field officers are at a collective session on {Date} while {Visits} visits are booked; planning with everyone",
                everyone.Count,
                date,
                visits.Count);
            pool = everyone;
        }

        if (pool.Count == 0)
        {
            return [];
        }

        // A visit an earlier plan gave to an officer who is now at a session is shared out again.
        var inPool = pool.Select(o => o.Id).ToHashSet();
        var stops = visits
            .Select(v => new Stop(v.Point, v.Applicants, v.OfficerId is { } id && inPool.Contains(id) ? id : null))
            .ToList();
        var shares = Assignment.Balance(_office, stops, [.. pool.Select(o => o.Id)]);

        var now = clock.GetUtcNow().UtcDateTime;
        var days = new List<OfficerDay>(pool.Count);
        foreach (var officer in pool)
        {
            var mine = shares.GetValueOrDefault(officer.Id, []).Select(i => visits[i]).ToList();
            foreach (var visit in mine.Where(v => v.OfficerId != officer.Id))
            {
                visit.AssignTo(officer.Id, now);
            }

            days.Add(new OfficerDay(officer, InRouteOrder(mine)));
        }

        return days;
    }

    /// <summary>
    /// The officers who go out: those with the Officer role; when there are none, whoever is active, so visits are
    /// never left without anyone (a small office where the supervisor goes out too). Jemput Bola capacity counts
    /// the same people, so a session takes out of it exactly the officers it takes out of the plan.
    /// </summary>
    public static async Task<List<Officer>> PoolAsync(TimporaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var active = await db.Officers.Where(o => o.Active).OrderBy(o => o.Id).ToListAsync(ct);
        var officers = active.Where(o => o.Role == OfficerRole.Officer).ToList();
        return officers.Count > 0 ? officers : active;
    }

    /// <summary>
    /// Window by window; within a window, a short drive from where the officer is (the office for the first window,
    /// the last visit of the previous window after that). Visits with a typed address have no point to route by and
    /// come last in their window.
    /// </summary>
    private List<Visit> InRouteOrder(List<Visit> visits)
    {
        var ordered = new List<Visit>(visits.Count);
        var from = _office;
        foreach (var window in visits.GroupBy(v => v.Starts).OrderBy(w => w.Key))
        {
            var pinned = window.Where(v => v.Point is not null).OrderBy(v => v.Id).ToList();
            var route = Route.Order(from, [.. pinned.Select(v => v.Point!)]);
            ordered.AddRange(route.Select(i => pinned[i]));
            ordered.AddRange(window.Where(v => v.Point is null).OrderBy(v => v.Id));
            if (route.Count > 0)
            {
                from = pinned[route[^1]].Point!;
            }
        }

        return ordered;
    }
}

/// <summary>One officer's visits for a day, in the order to make them.</summary>
public sealed record OfficerDay(Officer Officer, IReadOnlyList<Visit> Stops);
