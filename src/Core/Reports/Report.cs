using Timpora.Core.Messaging;

namespace Timpora.Core.Reports;

/// <summary>
/// An anonymous report of suspicious foreigners. It holds what was seen and the office's handling of it, and nothing
/// about who sent it: no account, chat, name, phone, language or message id, and the hour it arrived rather than the
/// minute. The receipt code, kept only as a keyed hash, is the reporter's one way back to it.
/// </summary>
public sealed class Report
{
    private Report()
    {
    }

    public Report(string number, string receiptHash, ReportDraft draft, DateOnly seenOn, DateTime submittedHourUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Number = number;
        ReceiptHash = receiptHash;
        Category = draft.Category ?? throw new ArgumentException("A report needs a category.", nameof(draft));
        Text = draft.Text ?? throw new ArgumentException("A report needs a text.", nameof(draft));
        Latitude = draft.Place?.Latitude;
        Longitude = draft.Place?.Longitude;
        PlaceText = draft.Place?.Text;
        Region = draft.Place?.Region;
        OutsideArea = draft.Place?.Outside ?? false;
        Seen = draft.Seen ?? SeenPeriod.Earlier;
        SeenOn = seenOn;
        People = draft.People;
        Nationality = draft.Nationality;
        SubmittedAt = submittedHourUtc;
        Status = ReportStatus.New;
    }

    public long Id { get; private set; }

    /// <summary>
    /// What officers call it (LP-7K2QX): random, so it is known before the report is saved (its card goes out in the
    /// same transaction) and says nothing about how many reports the office gets.
    /// </summary>
    public string Number { get; private set; } = "";

    public string ReceiptHash { get; private set; } = "";

    public ReportCategory Category { get; private set; }

    public string Text { get; private set; } = "";

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>The place as the reporter typed it (a rough description is fine).</summary>
    public string? PlaceText { get; private set; }

    /// <summary>The kabupaten/kota a typed place named, when it named one.</summary>
    public string? Region { get; private set; }

    /// <summary>Outside the office's working area: accepted, and marked so the office can pass it on.</summary>
    public bool OutsideArea { get; private set; }

    public SeenPeriod Seen { get; private set; }

    /// <summary>The day seen (office time): the day itself, or the day the period was counted from.</summary>
    public DateOnly SeenOn { get; private set; }

    public int? People { get; private set; }

    public string? Nationality { get; private set; }

    /// <summary>Rounded down to the hour, so the time cannot be matched to one person's activity.</summary>
    public DateTime SubmittedAt { get; private set; }

    public ReportStatus Status { get; private set; }

    public long? ClaimedBy { get; private set; }

    /// <summary>When it went to the supervisors for want of a claim; once only.</summary>
    public DateTime? EscalatedAt { get; private set; }

    /// <summary>Bumped on every change: two officers acting at once cannot both win.</summary>
    public int Version { get; private set; }

    public GeoPoint? Point => Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null;

    /// <summary>The statuses of a report still being handled; closed and unfounded are final.</summary>
    public static readonly IReadOnlyList<ReportStatus> OpenStatuses = [ReportStatus.New, ReportStatus.Verified, ReportStatus.InAction];

    public bool IsOpen => OpenStatuses.Contains(Status);

    /// <summary>The statuses an officer may set next: one step along the chain, or unfounded while open.</summary>
    public IReadOnlyList<ReportStatus> NextStatuses => Status switch
    {
        ReportStatus.New => [ReportStatus.Verified, ReportStatus.Unfounded],
        ReportStatus.Verified => [ReportStatus.InAction, ReportStatus.Unfounded],
        ReportStatus.InAction => [ReportStatus.Closed, ReportStatus.Unfounded],
        _ => [],
    };

    public bool Claim(long officerId)
    {
        if (ClaimedBy is not null || !IsOpen)
        {
            return false;
        }

        ClaimedBy = officerId;
        Touch();
        return true;
    }

    public bool MoveTo(ReportStatus status)
    {
        if (!NextStatuses.Contains(status))
        {
            return false;
        }

        Status = status;
        Touch();
        return true;
    }

    public void Escalated(DateTime nowUtc)
    {
        EscalatedAt = nowUtc;
        Touch();
    }

    /// <summary>Marks a change the reporter or an officer made, so concurrent writers conflict.</summary>
    public void Touch() => Version++;
}
