using Timpora.Core.Messaging;

namespace Timpora.Core.Visits;

/// <summary>What the citizen told us, checked, ready to become a visit.</summary>
public sealed record VisitFacts(
    VisitReason Reason,
    string? ReasonNote,
    VisitService Service,
    int Applicants,
    GeoPoint? Point,
    string? Address,
    string PlaceDetails,
    string ApplicantName,
    string Nik,
    string Phone,
    string? LetterPhotoId);
