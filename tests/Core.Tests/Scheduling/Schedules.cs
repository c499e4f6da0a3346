using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using Timpora.Core.Scheduling;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Scheduling;

/// <summary>The scheduling services over the Serang office, the shipped calendar and the default Jemput Bola rules.</summary>
internal static class Schedules
{
    public static readonly IReadOnlySet<DateOnly> NoClosedDays = new HashSet<DateOnly>();

    public static WorkingCalendar Calendar(CalendarOptions? calendar = null) =>
        new(Options.Create(Some.Office()), Options.Create(calendar ?? ShippedSections.Calendar()));

    public static Availability Availability(Action<JemputBolaOptions>? change = null, CalendarOptions? calendar = null)
    {
        var options = Some.JemputBola();
        change?.Invoke(options);
        return new Availability(Options.Create(options), Calendar(calendar));
    }

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>What the host's start-up validation would say about these options.</summary>
    public static List<string> Problems(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }
}
