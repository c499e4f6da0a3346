using Microsoft.EntityFrameworkCore;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Privacy;
using Timpora.Core.Storage;

namespace Timpora.Bot.Delivery;

/// <summary>
/// Whether something may be sent to an address, remembered under its pseudonym only: blocking the bot must not
/// leave a list of who blocked it. The caller saves.
/// </summary>
public sealed class Reachability(Pseudonyms pseudonyms, TimeProvider clock)
{
    public async Task SetAsync(TimporaDb db, ConversationAddress address, bool reachable, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pseudonym = pseudonyms.Of(address);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Pseudonym == pseudonym, ct);
        if (conversation is null)
        {
            if (reachable)
            {
                return;
            }

            conversation = new Conversation(pseudonym, Language.Indonesian, clock.GetUtcNow().UtcDateTime);
            db.Conversations.Add(conversation);
        }

        conversation.Unreachable = !reachable;
    }

    public Task<bool> IsUnreachableAsync(TimporaDb db, ConversationAddress address, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pseudonym = pseudonyms.Of(address);
        return db.Conversations.AnyAsync(c => c.Pseudonym == pseudonym && c.Unreachable, ct);
    }
}
