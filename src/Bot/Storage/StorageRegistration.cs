using Microsoft.EntityFrameworkCore;
using Timpora.Core.Storage;

namespace Timpora.Bot.Storage;

public static class StorageRegistration
{
    public const string ConnectionName = "Timpora";

    private static readonly SqliteWriteGate WriteGate = new();

    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is empty; set it (e.g. 'Data Source=data/timpora.db').");
        }

        services.AddDbContextPool<TimporaDb>(db =>
        {
            if (options.Provider == DatabaseProvider.Postgres)
            {
                db.UseNpgsql(connectionString, x => x.MigrationsAssembly(typeof(StorageRegistration).Assembly.GetName().Name));
            }
            else
            {
                db.UseSqlite(connectionString, x => x.MigrationsAssembly(typeof(StorageRegistration).Assembly.GetName().Name))
                    .AddInterceptors(new SqlitePragmas(), WriteGate);
            }
        });
        services.AddHealthChecks().AddDbContextCheck<TimporaDb>("database");
        services.AddHostedService<DatabaseMigrator>();

        // Registered before the loops that write, so it stops after them and checkpoints their last writes.
        services.AddHostedService<WalCheckpoint>();
        return services;
    }

    /// <summary>Creates the data folder and the database if needed, applies migrations, and turns on WAL.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
        if (db.Database.IsSqlite())
        {
            if (Path.GetDirectoryName(SqliteFile.PathOf(db.Database.GetConnectionString())) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL is a property of the file: set once, it holds for every later connection. EF Core sets it only on
            // files it creates, not on one restored from a backup or made by another tool.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        }
    }
}
