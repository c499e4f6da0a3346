namespace Timpora.Core.Officers;

public enum OfficerRole
{
    Officer,

    /// <summary>Sees everyone's schedule, reassigns visits and closes days.</summary>
    Supervisor,
}
