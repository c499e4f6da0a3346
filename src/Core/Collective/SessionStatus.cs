namespace Timpora.Core.Collective;

public enum SessionStatus
{
    /// <summary>Waiting for a supervisor's decision.</summary>
    Requested,

    /// <summary>The office proposed another date (with a time and officers); waiting for the coordinator.</summary>
    Proposed,

    /// <summary>Date, time and officers are fixed.</summary>
    Approved,

    /// <summary>The officers went; the applications taken are recorded.</summary>
    Held,

    Declined,

    /// <summary>The coordinator withdrew the request.</summary>
    Cancelled,
}
