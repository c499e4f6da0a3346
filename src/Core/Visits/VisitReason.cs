namespace Timpora.Core.Visits;

/// <summary>Why the applicant cannot come to the office (domain.md §1); it decides whether a visit is offered at all.</summary>
public enum VisitReason
{
    InHospital,
    Bedridden,
    Disability,
    Newborn,
    Other,

    /// <summary>Can travel: pointed to the office's priority counter instead of a visit.</summary>
    CanTravel,
}
