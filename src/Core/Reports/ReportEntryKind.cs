namespace Timpora.Core.Reports;

/// <summary>One line of a report's thread. Notes and events are the office's own and never leave it.</summary>
public enum ReportEntryKind
{
    /// <summary>An officer's question to the reporter, shown to them under /status.</summary>
    Question = 1,

    /// <summary>The reporter's answer to the latest question.</summary>
    Answer = 2,

    /// <summary>Something the reporter added without being asked.</summary>
    Addition = 3,

    /// <summary>An officer's internal note.</summary>
    Note = 4,

    /// <summary>What an officer did (claimed, set a status, forwarded): the audit trail.</summary>
    Event = 5,
}
