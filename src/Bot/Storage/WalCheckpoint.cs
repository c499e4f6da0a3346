using Microsoft.EntityFrameworkCore;
using Timpora.Core.Storage;

namespace Timpora.Bot.Storage;

/// <summary>
/// SQLite's write-ahead log keeps old page images (an inbox row before its message was erased, say) until a
/// checkpoint overwrites them. Truncating it every minute and at shutdown keeps the privacy promise for the WAL
/// too, not only for the database file.
/// </summary>
internal sealed class WalCheckpoint(IServiceScopeFactory scopes, ILogger<WalCheckpoint> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync runs the last checkpoint.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await CheckpointAsync(cancellationToken);
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "WAL checkpoint failed; the next one will try again");
        }
    }
}
