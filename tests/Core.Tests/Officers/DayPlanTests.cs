using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;

namespace Timpora.Core.Tests.Officers;

public sealed class DayPlanTests : IDisposable
{
    /// <summary>Tuesday 6 January 2026: booked on Monday morning, a working day with two windows.</summary>
    private static readonly DateOnly Day = new(2026, 1, 6);
    private static readonly Slot Morning = new(Day, new(9, 0), new(11, 0));
    private static readonly Slot Afternoon = new(Day, new(13, 0), new(15, 0));

    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Shares_the_visits_evenly_and_keeps_the_assignment()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, "9002");
        long[] visits =
        [
            await BookAsync(Morning, 2, new(-6.05, 106.10)),
            await BookAsync(Morning, 2, new(-6.20, 106.25)),
            await BookAsync(Afternoon, 2, new(-6.05, 106.25)),
            await BookAsync(Afternoon, 2, new(-6.20, 106.10)),
        ];

        var days = await PlanAndSaveAsync();

        Assert.Equal([budi, sari], days.Select(d => d.Officer.Id));
        Assert.All(days, d => Assert.Equal(4, d.Stops.Sum(v => v.Applicants)));
        var stored = await AssignedAsync();
        Assert.Equal(visits.Order(), stored.Keys.Order());
        Assert.All(days, d => Assert.All(d.Stops, v => Assert.Equal(d.Officer.Id, stored[v.Id])));
    }

    [Fact]
    public async Task Keeps_a_visit_with_the_officer_who_already_has_it()
    {
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, "9002");
        var near = await BookAsync(Morning, 1, new(-6.11, 106.18));
        var far = await BookAsync(Morning, 1, new(-6.40, 106.00));
        await InDbAsync(async db =>
        {
            foreach (var visit in await db.Visits.ToListAsync())
            {
                visit.AssignTo(sari, _bot.Clock.GetUtcNow().UtcDateTime);
            }
        });

        var days = await PlanAndSaveAsync();

        Assert.Equal([near, far], days.Single(d => d.Officer.Id == sari).Stops.Select(v => v.Id).Order());
        Assert.Empty(days.Single(d => d.Officer.Id != sari).Stops);
        Assert.All((await AssignedAsync()).Values, id => Assert.Equal(sari, id));
    }

    [Fact]
    public async Task Gives_the_visits_of_an_officer_who_left_to_those_still_on_duty()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, "9002");
        await BookAsync(Morning, 1, new(-6.05, 106.10));
        await BookAsync(Morning, 1, new(-6.20, 106.25));
        await BookAsync(Afternoon, 1, new(-6.05, 106.25));
        await PlanAndSaveAsync();
        await InDbAsync(async db => (await db.Officers.SingleAsync(o => o.Id == budi)).Remove());

        var days = await PlanAndSaveAsync();

        var day = Assert.Single(days);
        Assert.Equal(sari, day.Officer.Id);
        Assert.Equal(3, day.Stops.Count);
        Assert.All((await AssignedAsync()).Values, id => Assert.Equal(sari, id));
    }

    [Fact]
    public async Task Orders_the_stops_by_window_then_along_a_short_route_from_where_the_officer_is()
    {
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        var afternoonTyped = await BookAsync(Afternoon, 1, null);
        var afternoonNearOffice = await BookAsync(Afternoon, 1, new(-6.12, 106.17));
        var morningFar = await BookAsync(Morning, 1, new(-6.20, 106.18));
        var afternoonNearMorningFar = await BookAsync(Afternoon, 1, new(-6.21, 106.18));
        var morningNearOffice = await BookAsync(Morning, 1, new(-6.11, 106.18));

        var days = await PlanAndSaveAsync();

        Assert.Equal(
            [morningNearOffice, morningFar, afternoonNearMorningFar, afternoonNearOffice, afternoonTyped],
            Assert.Single(days).Stops.Select(v => v.Id));
    }

    [Fact]
    public async Task Sends_only_officers_out_when_there_are_any()
    {
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, "9003");
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        await BookAsync(Morning, 1, new(-6.11, 106.18));

        var days = await PlanAndSaveAsync();

        Assert.Equal(budi, Assert.Single(days).Officer.Id);
        Assert.Single(days[0].Stops);
    }

    [Fact]
    public async Task Sends_the_supervisors_out_when_there_are_no_officers()
    {
        var dewi = await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, "9003");
        await BookAsync(Morning, 1, new(-6.11, 106.18));

        var days = await PlanAndSaveAsync();

        Assert.Equal(dewi, Assert.Single(days).Officer.Id);
        Assert.Equal(dewi, Assert.Single((await AssignedAsync()).Values));
    }

    [Fact]
    public async Task Plans_nothing_without_officers()
    {
        var visit = await BookAsync(Morning, 1, new(-6.11, 106.18));

        var days = await PlanAndSaveAsync();

        Assert.Empty(days);
        Assert.Null((await AssignedAsync())[visit]);
    }

    private async Task<IReadOnlyList<OfficerDay>> PlanAndSaveAsync() =>
        await _bot.InScopeAsync(async sp =>
        {
            var days = await sp.GetRequiredService<DayPlan>().PlanAsync(Day, CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return days;
        });

    private async Task<Dictionary<long, long?>> AssignedAsync()
    {
        await using var db = _bot.Database.NewDb();
        return await db.Visits.ToDictionaryAsync(v => v.Id, v => v.OfficerId);
    }

    private Task InDbAsync(Func<TimporaDb, Task> change) =>
        _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            await change(db);
            await db.SaveChangesAsync();
        });

    private Task<long> BookAsync(Slot slot, int applicants, GeoPoint? point) =>
        _bot.InScopeAsync(async sp =>
        {
            var facts = new VisitFacts(
                VisitReason.InHospital, null, VisitService.NewPassport, applicants, point, point is null ? "Jl. Ahmad Yani No. 1, Kota Serang" : "Kota Serang",
                "RSUD Serang, Ruang Melati 3", "Siti Aminah", "3604014101900003", "+6281234567890", null);
            var booked = await sp.GetRequiredService<Bookings>().BookAsync(EngineHarness.Address("2001"), Language.Indonesian, facts, slot, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return booked.Visit?.Id ?? throw new InvalidOperationException($"Could not book {slot.Key}: {booked.Problem}");
        });
}
