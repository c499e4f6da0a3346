namespace Timpora.Core.Visits;

public enum VisitStatus
{
    Booked,
    Done,

    /// <summary>The officer came and the applicant was not there or not able.</summary>
    NotAvailable,

    /// <summary>Waiting for the citizen to pick a new window (after an officer's outcome or a closed day).</summary>
    NeedsNewDate,

    Cancelled,
}
