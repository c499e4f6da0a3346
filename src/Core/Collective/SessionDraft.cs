using Timpora.Core.Places;

namespace Timpora.Core.Collective;

/// <summary>The answers of a session request so far; kept with the conversation until it is sent or the form is left.</summary>
public sealed class SessionDraft
{
    public OrganisationKind? Organisation { get; set; }

    public string? OrganisationName { get; set; }

    public string? CoordinatorName { get; set; }

    /// <summary>E.164, e.g. +6281234567890.</summary>
    public string? CoordinatorPhone { get; set; }

    public SessionPurpose? Purpose { get; set; }

    public int Applicants { get; set; }

    public Place? Place { get; set; }

    public string? VenueDetails { get; set; }

    /// <summary>The coordinator confirmed power, tables and internet: without them the mobile unit cannot work.</summary>
    public bool FacilitiesReady { get; set; }

    public PreferredDate? FirstDate { get; set; }

    public PreferredDate? SecondDate { get; set; }

    /// <summary>Optional: two choices are enough.</summary>
    public PreferredDate? ThirdDate { get; set; }

    /// <summary>The preferred dates given, in the order of choice.</summary>
    public IReadOnlyList<PreferredDate> PreferredDates() => [.. new[] { FirstDate, SecondDate, ThirdDate }.OfType<PreferredDate>()];
}
