using System.ComponentModel.DataAnnotations;

namespace Timpora.Core.Information;

/// <summary>Facts about the office, from the <c>Office</c> section of appsettings.json.</summary>
public sealed class OfficeOptions : IValidatableObject
{
    public const string SectionName = "Office";

    [Required]
    public string Name { get; set; } = "";

    [Required]
    public string Address { get; set; } = "";

    [Range(-90, 90)]
    public double Latitude { get; set; }

    [Range(-180, 180)]
    public double Longitude { get; set; }

    [Required]
    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    public string Website { get; set; } = "";

    /// <summary>IANA id of the office's time zone.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Jakarta";

    /// <summary>Opening hours, one entry per group of days with the same hours.</summary>
    [MinLength(1)]
    public List<OfficeHours> Hours { get; set; } = [];

    /// <summary>The regencies and cities the office serves.</summary>
    [MinLength(1)]
    public List<string> WorkingArea { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"'{TimeZone}' is not a known time zone (use an IANA id such as Asia/Jakarta).", [nameof(TimeZone)]);
        }

        for (var i = 0; i < Hours.Count; i++)
        {
            if (Hours[i].Days.Count == 0 || Hours[i].Opens >= Hours[i].Closes)
            {
                yield return new ValidationResult($"entry {i} needs at least one day and an opening time before its closing time.", [nameof(Hours)]);
            }
        }
    }
}
