namespace Timpora.Core.Reports;

/// <summary>
/// One line of a report's thread: a question, an answer, an addition, a note or an event. What the reporter writes is
/// stamped to the hour, like the report; what officers write carries the officer and the minute.
/// </summary>
public sealed class ReportEntry
{
    private ReportEntry()
    {
    }

    public ReportEntry(long reportId, ReportEntryKind kind, string text, long? officerId, DateTime atUtc)
    {
        ReportId = reportId;
        Kind = kind;
        Text = text;
        OfficerId = officerId;
        At = atUtc;
    }

    public long Id { get; private set; }

    public long ReportId { get; private set; }

    public ReportEntryKind Kind { get; private set; }

    public string Text { get; private set; } = "";

    public long? OfficerId { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>Kept inside the office: never shown to the reporter nor forwarded to partners.</summary>
    public bool IsInternal => Internal(Kind);

    /// <summary>The one rule of what stays inside the office: notes and events.</summary>
    public static bool Internal(ReportEntryKind kind) => kind is ReportEntryKind.Note or ReportEntryKind.Event;
}
