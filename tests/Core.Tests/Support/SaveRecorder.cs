using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Timpora.Core.Conversations;

namespace Timpora.Core.Tests.Support;

/// <summary>Writes down, for each SaveChanges, which entities it was about to write and how.</summary>
public sealed class SaveRecorder : SaveChangesInterceptor
{
    private readonly List<IReadOnlyList<(Type Entity, EntityState State)>> _saves = [];

    public IReadOnlyList<IReadOnlyList<(Type Entity, EntityState State)>> All => _saves;

    /// <summary>
    /// Runs once, just before the next save that writes a conversation (a turn's save), as if another instance had
    /// written the database between the turn's read and its write.
    /// </summary>
    public Action? BeforeNextTurnSave { get; set; }

    public void Clear() => _saves.Clear();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Record(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var context = eventData.Context ?? throw new InvalidOperationException("A save without a context.");
        var changes = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (e.Entity.GetType(), e.State))
            .ToList();
        _saves.Add(changes);
        if (BeforeNextTurnSave is { } interfere && changes.Any(c => c.Item1 == typeof(Conversation)))
        {
            BeforeNextTurnSave = null;
            interfere();
        }
    }
}
