namespace Timpora.Core.Reports;

/// <summary>
/// Where a report is in triage: new → verified → in action → closed, or unfounded from any open step. The numbers
/// are stored, so never renumber.
/// </summary>
public enum ReportStatus
{
    New = 0,
    Verified = 1,
    InAction = 2,
    Closed = 3,
    Unfounded = 4,
}
