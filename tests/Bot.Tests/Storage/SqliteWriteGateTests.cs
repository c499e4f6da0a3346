using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Timpora.Bot.Storage;
using Timpora.Core.Delivery;
using Timpora.Core.Storage;

namespace Timpora.Bot.Tests.Storage;

public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task A_save_that_fails_lets_the_next_writer_through()
    {
        await using var services = Services();
        await services.MigrateDatabaseAsync();
        await SaveAsync(services, db => db.Outbox.Add(new OutboxMessage("telegram", "1", "{}", "same-key", DateTime.UnixEpoch)));

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            SaveAsync(services, db => db.Outbox.Add(new OutboxMessage("telegram", "1", "{}", "same-key", DateTime.UnixEpoch))));
        var next = SaveAsync(services, db => db.Outbox.Add(new OutboxMessage("telegram", "1", "{}", "other-key", DateTime.UnixEpoch)));

        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(10))));
        await next;
    }

    [Fact]
    public async Task A_save_cancelled_while_waiting_for_its_turn_takes_no_place()
    {
        await using var services = Services();
        await services.MigrateDatabaseAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SaveAsync(services, db => db.Outbox.Add(new OutboxMessage("telegram", "1", "{}", "a", DateTime.UnixEpoch)), cancelled.Token));
        var next = SaveAsync(services, db => db.Outbox.Add(new OutboxMessage("telegram", "1", "{}", "b", DateTime.UnixEpoch)));

        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(10))));
        await next;
    }

    [Fact]
    public async Task Many_concurrent_writers_all_get_through()
    {
        await using var services = Services();
        await services.MigrateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            Task.Run(() => SaveAsync(services, db => db.Outbox.Add(new OutboxMessage("telegram", "1", "{}", $"key-{i}", DateTime.UnixEpoch))))));

        await using var scope = services.CreateAsyncScope();
        Assert.Equal(64, await scope.ServiceProvider.GetRequiredService<TimporaDb>().Outbox.CountAsync());
    }

    private static ServiceProvider Services()
    {
        var folder = Support.BotHost.NewFolder();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Timpora"] = $"Data Source={Path.Combine(folder, "gate.db")}" })
            .Build();
        return new ServiceCollection().AddLogging().AddStorage(configuration).BuildServiceProvider();
    }

    private static async Task SaveAsync(IServiceProvider services, Action<TimporaDb> change, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
        change(db);
        await db.SaveChangesAsync(ct);
    }
}
