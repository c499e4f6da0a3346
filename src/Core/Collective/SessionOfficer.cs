namespace Timpora.Core.Collective;

/// <summary>An officer who goes to a session: they are out of that day's Jemput Bola plan.</summary>
public sealed class SessionOfficer(long sessionId, long officerId)
{
    public long SessionId { get; private set; } = sessionId;

    public long OfficerId { get; private set; } = officerId;
}
