using Microsoft.EntityFrameworkCore;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Privacy;
using Timpora.Core.Storage;

namespace Timpora.Bot.Delivery;

/// <summary>
/// The door every update comes through. An update is stored before its channel is told it arrived, so a crash
/// never loses one; an update id seen before is skipped, so a redelivery never runs a turn twice.
/// </summary>
public sealed class Inbox(IServiceScopeFactory scopes, Pseudonyms pseudonyms, TurnRunner turns, TimeProvider clock)
{
    /// <summary>Stores the updates in one transaction and returns how many were new.</summary>
    public async Task<int> AcceptAsync(string channel, IReadOnlyList<ReceivedUpdate> updates, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
        var ids = updates.Select(u => u.UpdateId).ToList();
        var seen = await db.Inbox.Where(e => e.Channel == channel && ids.Contains(e.UpdateId)).Select(e => e.UpdateId).ToListAsync(ct);
        var hour = Hours.Of(clock.GetUtcNow());
        var fresh = updates.Where(u => !seen.Contains(u.UpdateId)).DistinctBy(u => u.UpdateId).ToList();
        InboxEntry Entry(ReceivedUpdate update) =>
            new(channel, update.UpdateId, pseudonyms.Of(update.Message.Address), MessageJson.Write(update.Message), hour);

        db.Inbox.AddRange(fresh.Select(Entry));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request stored one of these ids first (a webhook retry racing the original): store the rest
            // one by one, letting the unique index decide which are new.
            db.ChangeTracker.Clear();
            var stored = 0;
            foreach (var update in fresh)
            {
                db.Inbox.Add(Entry(update));
                try
                {
                    await db.SaveChangesAsync(ct);
                    stored++;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                }
            }

            turns.Wake();
            return stored;
        }

        turns.Wake();
        return fresh.Count;
    }
}
