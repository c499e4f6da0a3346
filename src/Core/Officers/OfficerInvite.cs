namespace Timpora.Core.Officers;

/// <summary>A one-time enrolment code, kept only as a hash: whoever reads the database cannot enrol with it.</summary>
public sealed class OfficerInvite
{
    private OfficerInvite()
    {
    }

    public OfficerInvite(string codeHash, string name, OfficerRole role, DateTime nowUtc, DateTime expiresAtUtc)
    {
        CodeHash = codeHash;
        Name = name;
        Role = role;
        CreatedAt = nowUtc;
        ExpiresAt = expiresAtUtc;
    }

    public long Id { get; private set; }

    public string CodeHash { get; private set; } = "";

    public string Name { get; private set; } = "";

    public OfficerRole Role { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    public bool IsUsable(DateTime nowUtc) => UsedAt is null && nowUtc < ExpiresAt;

    public void Use(DateTime nowUtc) => UsedAt = nowUtc;
}
