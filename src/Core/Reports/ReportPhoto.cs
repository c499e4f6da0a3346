namespace Timpora.Core.Reports;

/// <summary>A photo of a report, stored only after its metadata (EXIF, GPS, device) was removed.</summary>
public sealed class ReportPhoto
{
    private ReportPhoto()
    {
    }

    /// <param name="report">The report, possibly not saved yet: its id is filled in when both are saved together.</param>
    public ReportPhoto(Report report, ScrubbedPhoto photo, DateTime addedHourUtc)
    {
        ArgumentNullException.ThrowIfNull(photo);
        Report = report;
        Bytes = photo.Bytes;
        MimeType = photo.MimeType;
        AddedAt = addedHourUtc;
    }

    public long Id { get; private set; }

    public long ReportId { get; private set; }

    public Report? Report { get; private set; }

    public byte[] Bytes { get; private set; } = [];

    public string MimeType { get; private set; } = "";

    public DateTime AddedAt { get; private set; }
}
