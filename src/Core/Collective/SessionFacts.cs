using Timpora.Core.Messaging;

namespace Timpora.Core.Collective;

/// <summary>What a coordinator tells the office about a group, as confirmed at the end of the request.</summary>
/// <param name="Address">The typed address, or the region found for a shared location.</param>
/// <param name="VenueDetails">The venue's name and how to find the room (hall, masjid, office).</param>
public sealed record SessionFacts(
    OrganisationKind Organisation,
    string OrganisationName,
    string CoordinatorName,
    string CoordinatorPhone,
    SessionPurpose Purpose,
    int ExpectedApplicants,
    GeoPoint? Point,
    string? Address,
    string VenueDetails,
    IReadOnlyList<PreferredDate> PreferredDates);
