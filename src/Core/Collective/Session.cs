using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Core.Collective;

/// <summary>
/// A collective passport session: a group far from the office asks the mobile unit to come to them. It starts as a
/// request with preferred dates; a supervisor approves it on a date with a time and officers, proposes another date,
/// or declines it. The coordinator's chat is kept because decisions and reminders must reach them.
/// </summary>
public sealed class Session
{
    private Session()
    {
    }

    public Session(string code, ConversationAddress coordinator, Language language, SessionFacts facts, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(facts);
        Code = code;
        Channel = coordinator.Channel;
        ChatKey = coordinator.Key;
        Language = language;
        Organisation = facts.Organisation;
        OrganisationName = facts.OrganisationName;
        CoordinatorName = facts.CoordinatorName;
        CoordinatorPhone = facts.CoordinatorPhone;
        Purpose = facts.Purpose;
        ExpectedApplicants = facts.ExpectedApplicants;
        Latitude = facts.Point?.Latitude;
        Longitude = facts.Point?.Longitude;
        Address = facts.Address;
        VenueDetails = facts.VenueDetails;
        Preferred = PreferredDate.Join(facts.PreferredDates);
        Status = SessionStatus.Requested;
        CreatedAt = nowUtc;
        UpdatedAt = nowUtc;
    }

    public long Id { get; private set; }

    /// <summary>The request code, also the join link's payload, e.g. RB-7K3Q9X.</summary>
    public string Code { get; private set; } = "";

    public string Channel { get; private set; } = "";

    public string ChatKey { get; private set; } = "";

    /// <summary>The coordinator's language: what the office decides reaches them in it.</summary>
    public Language Language { get; private set; }

    public OrganisationKind Organisation { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public string CoordinatorName { get; private set; } = "";

    /// <summary>E.164, e.g. +6281234567890.</summary>
    public string CoordinatorPhone { get; private set; } = "";

    public SessionPurpose Purpose { get; private set; }

    public int ExpectedApplicants { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>The typed address, or the region found for a shared location.</summary>
    public string? Address { get; private set; }

    public string VenueDetails { get; private set; } = "";

    /// <summary>The preferred dates as stored (<see cref="PreferredDate.Join"/>); read them through <see cref="PreferredDates"/>.</summary>
    public string Preferred { get; private set; } = "";

    public SessionStatus Status { get; private set; }

    /// <summary>The approved (or proposed) date, in office time.</summary>
    public DateOnly? Date { get; private set; }

    /// <summary>When the service starts on <see cref="Date"/>, in office time; officers arrive SetupMinutes earlier.</summary>
    public TimeOnly? Starts { get; private set; }

    /// <summary>The start as an instant, so reminder jobs can compare it with the clock in the database.</summary>
    public DateTime? StartsAt { get; private set; }

    /// <summary>Why the office declined, as the supervisor typed it; shown to the coordinator.</summary>
    public string? DeclineReason { get; private set; }

    /// <summary>How many applications the officers took on the day.</summary>
    public int? ApplicationsTaken { get; private set; }

    public SessionReminder CoordinatorReminded { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Two supervisors deciding at once, or a decision racing a cancellation: one of them runs again.</summary>
    public int Version { get; private set; }

    public ConversationAddress Coordinator => new(Channel, ChatKey);

    public GeoPoint? Point => Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null;

    public IReadOnlyList<PreferredDate> PreferredDates => PreferredDate.Split(Preferred);

    /// <summary>Open sessions hold their applicants' NIKs: the same person cannot be on two open rosters.</summary>
    public bool IsOpen => OpenStatuses.Contains(Status);

    /// <summary>
    /// Whether people can still join: open, and not an approved session whose day is past (its officers may not have
    /// recorded it yet, but nobody can be served on a day that is over).
    /// </summary>
    public bool TakesApplicants(DateOnly today) => IsOpen && !(Status == SessionStatus.Approved && Date < today);

    /// <summary>The statuses a roster can still change in, for queries.</summary>
    public static IReadOnlyList<SessionStatus> OpenStatuses { get; } = [SessionStatus.Requested, SessionStatus.Proposed, SessionStatus.Approved];

    /// <summary>Fixed (approved) or offered (proposed) on a date with a time.</summary>
    public void Schedule(SessionStatus status, DateOnly date, TimeOnly starts, DateTimeOffset startsAt, DateTime nowUtc)
    {
        if (status is not (SessionStatus.Approved or SessionStatus.Proposed))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A session is scheduled as approved or proposed.");
        }

        Status = status;
        Date = date;
        Starts = starts;
        StartsAt = startsAt.UtcDateTime;
        CoordinatorReminded = SessionReminder.None;
        Touch(nowUtc);
    }

    /// <summary>The coordinator refused a proposed date: back to the office, with nothing fixed.</summary>
    public void Reopen(DateTime nowUtc)
    {
        Status = SessionStatus.Requested;
        Date = null;
        Starts = null;
        StartsAt = null;
        Touch(nowUtc);
    }

    public void Decline(string reason, DateTime nowUtc)
    {
        Status = SessionStatus.Declined;
        DeclineReason = reason;
        Touch(nowUtc);
    }

    public void Cancel(DateTime nowUtc)
    {
        Status = SessionStatus.Cancelled;
        Touch(nowUtc);
    }

    public void RecordHeld(int applicationsTaken, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(applicationsTaken);
        Status = SessionStatus.Held;
        ApplicationsTaken = applicationsTaken;
        Touch(nowUtc);
    }

    public void MarkCoordinatorReminded(SessionReminder stage, DateTime nowUtc)
    {
        CoordinatorReminded = stage;
        Touch(nowUtc);
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAt = nowUtc;
        Version++;
    }
}
