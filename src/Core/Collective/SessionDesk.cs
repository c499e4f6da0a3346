using Microsoft.EntityFrameworkCore;
using Timpora.Core.Storage;

namespace Timpora.Core.Collective;

/// <summary>
/// What the office and the people of a session are told when it changes: supervisors get each new request with its
/// buttons; a cancellation reaches the office, the officers who would go, and every applicant with a chat.
/// (Skeleton: being built.)
/// </summary>
public sealed class SessionDesk(TimporaDb db)
{
    /// <summary>A new request: every supervisor gets its facts and the approve, propose and decline buttons.</summary>
    public Task RequestedAsync(Session session, CancellationToken ct) => db.Officers.CountAsync(ct);

    /// <summary>The coordinator withdrew: supervisors, the officers who would go, and applicants with a chat are told.</summary>
    public Task CancelledAsync(Session session, CancellationToken ct) => db.Officers.CountAsync(ct);
}
