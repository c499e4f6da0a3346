namespace Timpora.Core.Reports;

/// <summary>
/// A report while it is being written. It lives only in the conversation's state and is erased when the report is
/// sent or cancelled. Photos are the channel's file ids: the bytes are fetched and cleaned when the report is sent.
/// </summary>
public sealed class ReportDraft
{
    public ReportCategory? Category { get; set; }

    public string? Text { get; set; }

    public ReportPlace? Place { get; set; }

    public SeenPeriod? Seen { get; set; }

    public DateOnly? SeenOn { get; set; }

    public int? People { get; set; }

    public string? Nationality { get; set; }

    public List<string> Photos { get; set; } = [];
}

/// <summary>Where it was seen: a pin, or words; outside the working area is kept and marked.</summary>
public sealed record ReportPlace(double? Latitude, double? Longitude, string? Text, string? Region, bool Outside);

