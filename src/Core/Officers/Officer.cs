using Timpora.Core.Messaging;

namespace Timpora.Core.Officers;

/// <summary>
/// A member of staff who enrolled with a one-time invite. The address is where schedules and tips go; it is cleared
/// when the officer is removed, and every officer action checks the role again.
/// </summary>
public sealed class Officer
{
    private Officer()
    {
    }

    public Officer(string name, OfficerRole role, ConversationAddress address, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(address);
        Name = name;
        Role = role;
        Channel = address.Channel;
        ChatKey = address.Key;
        Active = true;
        EnrolledAt = nowUtc;
    }

    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    public OfficerRole Role { get; private set; }

    public string? Channel { get; private set; }

    public string? ChatKey { get; private set; }

    public bool Active { get; private set; }

    public DateTime EnrolledAt { get; private set; }

    public bool IsSupervisor => Role == OfficerRole.Supervisor;

    public ConversationAddress? Address => Channel is { } channel && ChatKey is { } key ? new ConversationAddress(channel, key) : null;

    public void Remove()
    {
        Active = false;
        Channel = null;
        ChatKey = null;
    }
}
