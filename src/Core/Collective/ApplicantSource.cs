namespace Timpora.Core.Collective;

public enum ApplicantSource
{
    /// <summary>The applicant registered themselves through the join link; reminders reach their chat.</summary>
    Link,

    /// <summary>The coordinator's CSV file added them; they have no chat until they open the join link themselves.</summary>
    Csv,
}
