namespace Timpora.Bot.Storage;

/// <summary>
/// Migrates the database when the host starts. Registered before the inbox, outbox and channel loops, so they
/// start only on a current schema (hosted services start one after the other, in order).
/// </summary>
internal sealed class DatabaseMigrator(IServiceProvider services, ILogger<DatabaseMigrator> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.MigrateDatabaseAsync(cancellationToken);
        log.LogInformation("Database is up to date");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
