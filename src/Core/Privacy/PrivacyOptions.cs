namespace Timpora.Core.Privacy;

public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// Base64 key (at least 32 bytes) for the keyed hash that stands in for addresses. When empty, the host keeps
    /// a generated key in a file next to the database: losing it only forgets unfinished conversations.
    /// </summary>
    public string PseudonymKey { get; set; } = "";
}
