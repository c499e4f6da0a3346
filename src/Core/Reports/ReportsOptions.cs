using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Timpora.Core.Reports;

/// <summary>The <c>Reports</c> section: where new reports go, who may receive forwards, and the reporter's limits.</summary>
public sealed class ReportsOptions : IValidatableObject
{
    public const string SectionName = "Reports";

    /// <summary>
    /// The Telegram chat id of the TIMPORA duty group that gets every new report. Empty: each enrolled officer gets
    /// them in their own chat.
    /// </summary>
    public string DutyChat { get; set; } = "";

    /// <summary>Agencies a report can be forwarded to, each with a Telegram chat id.</summary>
    public List<ReportPartner> Partners { get; set; } = [];

    /// <summary>New reports one person may send in 24 hours (counted in memory only).</summary>
    [Range(1, 100)]
    public int DailyLimit { get; set; } = 5;

    [Range(0, 10)]
    public int MaxPhotos { get; set; } = 5;

    /// <summary>Telegram takes photo uploads up to 10 MB, and the cleaned photo is uploaded to the officers.</summary>
    [Range(1, 10 * 1024 * 1024)]
    public long MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Office hours a new report may wait for a claim before the supervisors are told.</summary>
    [Range(0.25, 100)]
    public double EscalateAfterOfficeHours { get; set; } = 4;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DutyChat.Length > 0 && !IsChatId(DutyChat))
        {
            yield return new ValidationResult("must be a Telegram chat id (e.g. -1001234567890) or empty.", [nameof(DutyChat)]);
        }

        for (var i = 0; i < Partners.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Partners[i].Name) || Partners[i].Name.Length > 60 || !IsChatId(Partners[i].Chat))
            {
                yield return new ValidationResult($"entry {i} needs a name (up to 60 characters) and a Telegram chat id.", [nameof(Partners)]);
            }
        }

        if (Partners.Select(p => p.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Partners.Count)
        {
            yield return new ValidationResult("names must be unique.", [nameof(Partners)]);
        }
    }

    private static bool IsChatId(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) && id != 0;
}

/// <summary>A TIMPORA partner agency (Polres, Disnaker, Kesbangpol, Dukcapil, ...) and its Telegram chat.</summary>
public sealed class ReportPartner
{
    public string Name { get; set; } = "";

    public string Chat { get; set; } = "";
}
