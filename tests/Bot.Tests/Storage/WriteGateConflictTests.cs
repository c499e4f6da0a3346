using Microsoft.EntityFrameworkCore;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Storage;
using Timpora.Core.Visits;

namespace Timpora.Bot.Tests.Storage;

/// <summary>
/// The in-process SQLite write gate after a lost optimistic-concurrency check: EF Core does not report that as a
/// failed save, and a gate left held stops every later write of the process.
/// </summary>
public sealed class WriteGateConflictTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Another_unit_of_work_can_write_after_one_lost_a_concurrency_conflict()
    {
        await using var host = await BotHost.StartAsync(api: null);
        await SeedAsync(host);
        await using var first = host.Services.CreateAsyncScope();
        await using var second = host.Services.CreateAsyncScope();
        await using var third = host.Services.CreateAsyncScope();
        var one = first.ServiceProvider.GetRequiredService<TimporaDb>();
        var two = second.ServiceProvider.GetRequiredService<TimporaDb>();
        (await one.SlotLoads.SingleAsync()).Add(1);
        (await two.SlotLoads.SingleAsync()).Add(1);
        await one.SaveChangesAsync();

        // The loser stays open (a job still running, say) while someone else writes.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());

        var three = third.ServiceProvider.GetRequiredService<TimporaDb>();
        (await three.SlotLoads.SingleAsync()).Add(1);
        await three.SaveChangesAsync().WaitAsync(Patience);

        Assert.Equal(2, (await three.SlotLoads.AsNoTracking().SingleAsync()).Units);
    }

    [Fact]
    public async Task The_unit_of_work_that_lost_a_conflict_can_run_again_and_write()
    {
        await using var host = await BotHost.StartAsync(api: null);
        await SeedAsync(host);
        await using var first = host.Services.CreateAsyncScope();
        await using var second = host.Services.CreateAsyncScope();
        var one = first.ServiceProvider.GetRequiredService<TimporaDb>();
        var two = second.ServiceProvider.GetRequiredService<TimporaDb>();
        (await one.SlotLoads.SingleAsync()).Add(1);
        (await two.SlotLoads.SingleAsync()).Add(1);
        await one.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());

        // What the conversation engine does after a conflict: forget, read again, write again.
        two.ChangeTracker.Clear();
        (await two.SlotLoads.SingleAsync()).Add(1);
        await two.SaveChangesAsync().WaitAsync(Patience);

        Assert.Equal(2, (await two.SlotLoads.AsNoTracking().SingleAsync()).Units);
    }

    private static async Task SeedAsync(BotHost host)
    {
        await using var setup = host.Services.CreateAsyncScope();
        var db = setup.ServiceProvider.GetRequiredService<TimporaDb>();
        db.SlotLoads.Add(new SlotLoad(new DateOnly(2026, 11, 24), new TimeOnly(9, 0)));
        await db.SaveChangesAsync();
    }
}
