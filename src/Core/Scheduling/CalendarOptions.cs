using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Timpora.Core.Scheduling;

/// <summary>The <c>Calendar</c> section: national holidays and cuti bersama, on which no visit is made.</summary>
public sealed class CalendarOptions : IValidatableObject
{
    public const string SectionName = "Calendar";

    public List<Holiday> Holidays { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < Holidays.Count; i++)
        {
            var holiday = Holidays[i];
            if (holiday is null)
            {
                yield return new ValidationResult($"entry {i} is empty.", [nameof(Holidays)]);
                continue;
            }

            if (string.IsNullOrWhiteSpace(holiday.Name))
            {
                yield return new ValidationResult($"entry {i} ({Iso(holiday.Date)}) needs a name.", [nameof(Holidays)]);
            }

            // One name per day: two entries for one date would leave the bot unsure which one to tell the user.
            if (!seen.Add(holiday.Date))
            {
                yield return new ValidationResult($"{Iso(holiday.Date)} is listed more than once; merge the names into one entry.", [nameof(Holidays)]);
            }
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class Holiday
{
    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";

    /// <summary>A collective leave day (set by SKB/Keppres) rather than a national holiday; the office is closed either way.</summary>
    public bool CutiBersama { get; set; }
}
