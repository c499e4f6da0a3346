using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Messaging;
using Timpora.Core.Storage;
using Timpora.Core.Visits;

namespace Timpora.Core.Officers;

/// <summary>Inviting, enrolling, finding and removing officers, in the caller's unit of work.</summary>
public sealed class Officers(TimporaDb db)
{
    /// <summary>Deep-link payloads of invites start with this, so /start can tell them from other links.</summary>
    public const string InvitePrefix = "of_";

    public static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(7);

    private const string CodeAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A new invite; the code (100 random bits) is returned once and stored only as a hash.</summary>
    public string Invite(string name, OfficerRole role, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var code = InvitePrefix + RandomNumberGenerator.GetString(CodeAlphabet, 20);
        db.OfficerInvites.Add(new OfficerInvite(Hash(code), name.Trim(), role, now.UtcDateTime, (now + InviteLifetime).UtcDateTime));
        return code;
    }

    /// <summary>
    /// Enrols the chat with a code. An unknown, used and expired code all read the same, so a guesser learns nothing.
    /// </summary>
    public async Task<Enrolment> EnrolAsync(string code, ConversationAddress address, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (await FindAsync(address, ct) is { } already)
        {
            return new Enrolment(already, AlreadyEnrolled: true);
        }

        var hash = Hash(code.Trim());
        var invite = await db.OfficerInvites.SingleOrDefaultAsync(i => i.CodeHash == hash, ct);
        if (invite is null || !invite.IsUsable(now.UtcDateTime))
        {
            return new Enrolment(null, AlreadyEnrolled: false);
        }

        invite.Use(now.UtcDateTime);
        var officer = new Officer(invite.Name, invite.Role, address, now.UtcDateTime);
        db.Officers.Add(officer);
        return new Enrolment(officer, AlreadyEnrolled: false);
    }

    /// <summary>The active officer writing from this chat, or null: every officer action starts here.</summary>
    public Task<Officer?> FindAsync(ConversationAddress address, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        return db.Officers.SingleOrDefaultAsync(o => o.Active && o.Channel == address.Channel && o.ChatKey == address.Key, ct);
    }

    public async Task<IReadOnlyList<Officer>> ActiveAsync(CancellationToken ct) =>
        await db.Officers.Where(o => o.Active).OrderBy(o => o.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<OfficerInvite>> PendingInvitesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var utc = now.UtcDateTime;
        return await db.OfficerInvites.Where(i => i.UsedAt == null && i.ExpiresAt > utc).OrderBy(i => i.Id).ToListAsync(ct);
    }

    /// <summary>Removes an officer: their address is forgotten and their open visits go back to be shared out.</summary>
    public async Task<Officer?> RemoveAsync(long officerId, CancellationToken ct)
    {
        var officer = await db.Officers.SingleOrDefaultAsync(o => o.Id == officerId && o.Active, ct);
        if (officer is null)
        {
            return null;
        }

        officer.Remove();
        var assigned = await db.Visits.Where(v => v.OfficerId == officerId && v.Status == VisitStatus.Booked).ToListAsync(ct);
        foreach (var visit in assigned)
        {
            visit.Unassign();
        }

        return officer;
    }

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}

public sealed record Enrolment(Officer? Officer, bool AlreadyEnrolled);
