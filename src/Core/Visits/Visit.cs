using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;

namespace Timpora.Core.Visits;

/// <summary>
/// One Jemput Bola visit: officers come to a hospital bed or a home. It keeps the citizen's address, because
/// reminders and outcomes must reach them later; the NIK and phone are for the officers and never go to a log.
/// </summary>
public sealed class Visit
{
    private Visit()
    {
    }

    public Visit(string code, ConversationAddress citizen, Language language, VisitFacts facts, Slot slot, DateTimeOffset startsAt, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        ArgumentNullException.ThrowIfNull(facts);
        Code = code;
        Channel = citizen.Channel;
        ChatKey = citizen.Key;
        Language = language;
        Reason = facts.Reason;
        ReasonNote = facts.ReasonNote;
        Service = facts.Service;
        Applicants = facts.Applicants;
        Latitude = facts.Point?.Latitude;
        Longitude = facts.Point?.Longitude;
        Address = facts.Address;
        PlaceDetails = facts.PlaceDetails;
        ApplicantName = facts.ApplicantName;
        Nik = facts.Nik;
        Phone = facts.Phone;
        LetterPhotoId = facts.LetterPhotoId;
        CreatedAt = nowUtc;
        MoveTo(slot, startsAt, nowUtc);
    }

    public long Id { get; private set; }

    /// <summary>What the citizen quotes on the phone, e.g. JB-7K3Q9X.</summary>
    public string Code { get; private set; } = "";

    public string Channel { get; private set; } = "";

    public string ChatKey { get; private set; } = "";

    public Language Language { get; private set; }

    public VisitReason Reason { get; private set; }

    public string? ReasonNote { get; private set; }

    public VisitService Service { get; private set; }

    public int Applicants { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>The typed address, or the region found for a shared location.</summary>
    public string? Address { get; private set; }

    /// <summary>Hospital, ward and room, or how to find the house.</summary>
    public string PlaceDetails { get; private set; } = "";

    public string ApplicantName { get; private set; } = "";

    public string Nik { get; private set; } = "";

    /// <summary>E.164, e.g. +6281234567890.</summary>
    public string Phone { get; private set; } = "";

    public string? LetterPhotoId { get; private set; }

    public DateOnly Date { get; private set; }

    public TimeOnly Starts { get; private set; }

    public TimeOnly Ends { get; private set; }

    /// <summary>The window's start as an instant, so reminder jobs can compare it with the clock in the database.</summary>
    public DateTime StartsAt { get; private set; }

    public VisitStatus Status { get; private set; }

    public long? OfficerId { get; private set; }

    public ReminderStage Reminded { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public ConversationAddress Citizen => new(Channel, ChatKey);

    public Slot Slot => new(Date, Starts, Ends);

    public GeoPoint? Point => Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null;

    /// <summary>Still ahead of the officers: booked, or waiting for the citizen to pick a new window.</summary>
    public bool IsOpen => Status is VisitStatus.Booked or VisitStatus.NeedsNewDate;

    /// <summary>A new window: booked again, reminders start over, and the officer is chosen again for that day.</summary>
    public void MoveTo(Slot slot, DateTimeOffset startsAt, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(slot);
        Date = slot.Date;
        Starts = slot.Starts;
        Ends = slot.Ends;
        StartsAt = startsAt.UtcDateTime;
        Status = VisitStatus.Booked;
        Reminded = ReminderStage.None;
        OfficerId = null;
        Touch(nowUtc);
    }

    public void Record(VisitStatus outcome, DateTime nowUtc)
    {
        Status = outcome;
        Touch(nowUtc);
    }

    public void AssignTo(long officerId, DateTime nowUtc)
    {
        OfficerId = officerId;
        Touch(nowUtc);
    }

    public void Unassign()
    {
        OfficerId = null;
        Version++;
    }

    public void MarkReminded(ReminderStage stage, DateTime nowUtc)
    {
        Reminded = stage;
        Touch(nowUtc);
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAt = nowUtc;
        Version++;
    }
}
