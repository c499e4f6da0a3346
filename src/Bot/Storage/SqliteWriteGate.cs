using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Timpora.Bot.Storage;

/// <summary>
/// SQLite takes one writer at a time, and a writer that finds the lock taken sleeps and retries on a pool thread:
/// under a burst of turns that means no extra throughput and seconds-long tails. Queuing the writes of one
/// database file in the process, asynchronously and in arrival order, gives the same throughput with short waits.
/// Reads are not gated: WAL lets them run beside the writer.
/// </summary>
internal sealed class SqliteWriteGate : SaveChangesInterceptor
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly ConditionalWeakTable<DbContext, SemaphoreSlim> _held = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && Gate(context) is { } gate)
        {
            ReleaseHeld(context);
            await gate.WaitAsync(cancellationToken);
            _held.AddOrUpdate(context, gate);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && Gate(context) is { } gate)
        {
            ReleaseHeld(context);
            gate.Wait();
            _held.AddOrUpdate(context, gate);
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData);

    /// <summary>
    /// A lost optimistic-concurrency check is not reported as a failed save (EF Core raises this instead), so it must
    /// let the gate go here: otherwise the turn that runs again after the conflict waits for itself, and with it every
    /// later write of the process. The rollback that follows is short; SQLite's busy timeout covers it.
    /// </summary>
    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData);
        return result;
    }

    private void Release(DbContextEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            ReleaseHeld(context);
        }
    }

    /// <summary>Lets go of a gate this context still holds, so no path that EF Core does not report can wedge it.</summary>
    private void ReleaseHeld(DbContext context)
    {
        if (_held.TryGetValue(context, out var gate))
        {
            _held.Remove(context);
            gate.Release();
        }
    }

    private static SemaphoreSlim? Gate(DbContext context)
    {
        // A caller's own transaction already holds SQLite's lock for longer than one save: leave it alone.
        if (context.Database.CurrentTransaction is not null)
        {
            return null;
        }

        var connectionString = context.Database.GetConnectionString() ?? "";
        return Gates.GetOrAdd(SqliteFile.PathOf(connectionString) ?? connectionString, _ => new SemaphoreSlim(1, 1));
    }
}
