using Timpora.Core.Places;
using Timpora.Core.Scheduling;

namespace Timpora.Core.Visits;

/// <summary>The answers of a booking so far; kept with the conversation until the visit is booked or the form is left.</summary>
public sealed class VisitDraft
{
    public VisitReason? Reason { get; set; }

    public string? ReasonNote { get; set; }

    public VisitService? Service { get; set; }

    public int Applicants { get; set; }

    public Place? Place { get; set; }

    public string? PlaceDetails { get; set; }

    public Slot? Slot { get; set; }

    public string? Name { get; set; }

    public string? Nik { get; set; }

    public string? Phone { get; set; }

    public string? LetterPhotoId { get; set; }
}
