namespace Timpora.Core.Collective;

public enum SessionPurpose
{
    Umrah,
    Hajj,
    Other,
}
