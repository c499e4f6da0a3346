using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Timpora.Core.Parsing;

namespace Timpora.Core.Collective;

/// <summary>
/// A date of birth, typed or from the coordinator's file: day first (17/08/1975, 17-8-1975, 17.08.1975), the ISO
/// form a spreadsheet may write (1975-08-17), or in words (17 Agustus 1975). The year must have four digits: "75"
/// could be 1975 or 2075 and nobody should have to guess which.
/// </summary>
public static partial class BirthDates
{
    /// <summary>Older than anyone alive: a typo in the year, not a person.</summary>
    public const int OldestYears = 120;

    public static BirthDateCheck Parse(string? text, DateOnly today)
    {
        var typed = (text ?? "").Trim();
        if (typed.Length == 0)
        {
            return new BirthDateCheck(null, BirthDateProblem.Empty);
        }

        DateOnly? date;
        if (DayFirst().Match(typed) is { Success: true } dayFirst)
        {
            date = Exact(dayFirst.Groups["y"].Value, dayFirst.Groups["m"].Value, dayFirst.Groups["d"].Value);
        }
        else if (Iso().Match(typed) is { Success: true } iso)
        {
            date = Exact(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value);
        }
        else if (ShortYear().IsMatch(typed))
        {
            return new BirthDateCheck(null, BirthDateProblem.ShortYear);
        }
        else
        {
            // In words, only with a four-digit year: "17 Agustus" alone is not a birth date.
            date = FourDigits().IsMatch(typed) ? TypedDate.Parse(typed, today) : null;
        }

        return date switch
        {
            null => new BirthDateCheck(null, BirthDateProblem.NotUnderstood),
            { } d when d > today => new BirthDateCheck(null, BirthDateProblem.Future),
            { } d when d < today.AddYears(-OldestYears) => new BirthDateCheck(null, BirthDateProblem.TooOld),
            { } d => new BirthDateCheck(d, null),
        };
    }

    /// <summary>
    /// False when the NIK's digits (day, women +40, month, two-digit year) tell another date. A warning only:
    /// Dukcapil does not re-issue an NIK when a wrong birth date is corrected (domain.md §5). An NIK that does not
    /// parse tells nothing, so it does not differ.
    /// </summary>
    public static bool DiffersFromNik(string? nik, DateOnly birth) =>
        Nik.Parse(nik).Nik is { } parsed
        && (parsed.BirthDay != birth.Day || parsed.BirthMonth != birth.Month || parsed.BirthYearTwoDigits != birth.Year % 100);

    /// <summary>Whole years of age on a day.</summary>
    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var years = day.Year - birth.Year;
        return day < birth.AddYears(years) ? years - 1 : years;
    }

    private static DateOnly? Exact(string year, string month, string day)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\s*(?<s>[/.\-])\s*(?<m>[0-9]{1,2})\s*\k<s>\s*(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^[0-9]{1,2}\s*[/.\-]\s*[0-9]{1,2}\s*[/.\-]\s*[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortYear();

    [GeneratedRegex(@"(?<![0-9])[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigits();
}

public enum BirthDateProblem
{
    Empty,
    NotUnderstood,

    /// <summary>17/08/75: the year needs four digits.</summary>
    ShortYear,
    Future,
    TooOld,
}

public sealed record BirthDateCheck(DateOnly? Date, BirthDateProblem? Problem)
{
    [MemberNotNullWhen(true, nameof(Date))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => Date is not null;
}
