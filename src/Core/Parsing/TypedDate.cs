using System.Globalization;
using System.Text.RegularExpressions;

namespace Timpora.Core.Parsing;

/// <summary>
/// Reads a date a person typed in Indonesian or English (domain.md §5), relative to today in the office time
/// zone, which the caller passes: ahead for a booking (<see cref="Parse"/>), back for a report
/// (<see cref="ParsePast"/>); both share the words, formats and checks. Numeric dates are always day-first.
/// Anything not understood, and any date that does not exist, gives null; the caller asks again and echoes a
/// found date back as a concrete day.
/// </summary>
public static partial class TypedDate
{
    // Far beyond any real answer; keeps a pasted essay from being worked through.
    private const int LongestText = 80;
    private const int FurthestDays = 3660;

    private static readonly Dictionary<string, int> Relative = new(StringComparer.Ordinal)
    {
        ["hari ini"] = 0,
        ["today"] = 0,
        ["besok"] = 1,
        ["tomorrow"] = 1,
        ["lusa"] = 2,
        ["day after tomorrow"] = 2,
        ["the day after tomorrow"] = 2,
        ["kemarin"] = -1,
        ["yesterday"] = -1,
        ["kemarin lusa"] = -2,
        ["day before yesterday"] = -2,
        ["the day before yesterday"] = -2,
    };

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["senin"] = DayOfWeek.Monday,
        ["selasa"] = DayOfWeek.Tuesday,
        ["rabu"] = DayOfWeek.Wednesday,
        ["kamis"] = DayOfWeek.Thursday,
        ["jumat"] = DayOfWeek.Friday,
        ["sabtu"] = DayOfWeek.Saturday,
        ["minggu"] = DayOfWeek.Sunday,
        ["ahad"] = DayOfWeek.Sunday,
        ["monday"] = DayOfWeek.Monday,
        ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["tue"] = DayOfWeek.Tuesday,
        ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["wed"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["thu"] = DayOfWeek.Thursday,
        ["thur"] = DayOfWeek.Thursday,
        ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
        ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
        ["sun"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["januari"] = 1, ["january"] = 1, ["jan"] = 1,
        ["februari"] = 2, ["pebruari"] = 2, ["february"] = 2, ["feb"] = 2, ["peb"] = 2,
        ["maret"] = 3, ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["mei"] = 5, ["may"] = 5,
        ["juni"] = 6, ["june"] = 6, ["jun"] = 6,
        ["juli"] = 7, ["july"] = 7, ["jul"] = 7,
        ["agustus"] = 8, ["august"] = 8, ["agu"] = 8, ["agt"] = 8, ["ags"] = 8, ["agst"] = 8, ["agust"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["oktober"] = 10, ["october"] = 10, ["okt"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nopember"] = 11, ["nov"] = 11, ["nop"] = 11,
        ["desember"] = 12, ["december"] = 12, ["des"] = 12, ["dec"] = 12,
    };

    /// <summary>
    /// Reads a day to come, for a booking. A bare weekday, "Senin depan" and "next Monday" all mean the first such
    /// day strictly after today: on a Monday, "Senin" is a week ahead, because nobody books a same-day visit by
    /// naming today's weekday. "Minggu depan" gives null, since it also means "next week". Without a year a date is
    /// its next occurrence on or after today, so "5/1" typed in December is next January; a two-digit year is 20xx.
    /// Words that plainly name a past day ("kemarin") are read as they say; refusing them is the caller's.
    /// </summary>
    public static DateOnly? Parse(string? text, DateOnly today) => Read(text, today, Toward.Future);

    /// <summary>
    /// Reads a day gone by, for a report of something seen: the mirror of <see cref="Parse"/>. A bare weekday,
    /// "Senin lalu", "Senin kemarin" and "last Monday" mean the latest such day strictly before today (on a Monday,
    /// "Senin" is a week ago: nobody describes today by its weekday's name); "Minggu lalu" gives null, since it also
    /// means "last week". Without a year a date is its latest occurrence on or before today, so "30/12" typed on 5
    /// January is last December and "29/2" is the latest 29 February that was. Anything after today gives null, as
    /// does what is not understood; a caller that wants to say "that is still to come" can ask <see cref="Parse"/>,
    /// which finds a day after today for "besok", "Senin depan" or a date with a later year.
    /// </summary>
    public static DateOnly? ParsePast(string? text, DateOnly today) =>
        Read(text, today, Toward.Past) is { } date && date <= today ? date : null;

    private static DateOnly? Read(string? text, DateOnly today, Toward toward)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > LongestText)
        {
            return null;
        }

        var words = Words(text);
        if (Relative.TryGetValue(string.Join(' ', words), out var shift))
        {
            return Shift(today, shift);
        }

        if (DaysAway(words, toward) is { } days)
        {
            return Shift(today, days);
        }

        var rest = SkipPrefixes(words, out var named);
        if (rest is [var prefix, var after] && prefix == (toward == Toward.Future ? "next" : "last")
            && Weekdays.TryGetValue(after, out var prefixed))
        {
            return Nearest(today, prefixed, toward);
        }

        if (rest.Length == 0 || !Weekdays.TryGetValue(rest[0], out var weekday))
        {
            return DateOf(rest, today, named, toward);
        }

        return rest[1..] switch
        {
            [] => Nearest(today, weekday, toward),
            var marker when Marks(marker, toward) =>
                rest[0] == "minggu" && !named.HasFlag(Named.Day) ? null : Nearest(today, weekday, toward),
            var date => Agreeing(
                DateOf(SkipPrefixes(date, out var dayNamed), today, named | dayNamed, toward), weekday),
        };
    }

    // "Kamis, 25 Desember 2026" is a slip in one of the two; guessing which could book the wrong day.
    private static DateOnly? Agreeing(DateOnly? date, DayOfWeek weekday) => date?.DayOfWeek == weekday ? date : null;

    // What may follow a weekday to say which way to look: "Senin depan", "Senin lalu", "Senin kemarin".
    private static bool Marks(string[] words, Toward toward) => (toward, words) switch
    {
        (Toward.Future, ["depan"]) => true,
        (Toward.Past, ["lalu" or "kemarin"] or ["yang", "lalu"]) => true,
        _ => false,
    };

    private static string[] Words(string text)
    {
        var lower = text.Trim().TrimEnd('.').ToLowerInvariant();
        lower = Apostrophe().Replace(lower, "");
        lower = DotAfterLetter().Replace(lower, " ");
        lower = SpacedSeparator().Replace(lower, "$1");
        return lower.Split([' ', ',', '\t', '\n', '\r', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
    }

    // Days from today, signed: "3 hari lagi" and "in 3 days" ahead; "3 hari (yang) lalu", "3 days ago",
    // "seminggu lalu", "2 weeks ago" back. Each reading knows only its own words, so the other's fall through to null.
    private static int? DaysAway(string[] words, Toward toward) => (toward, words) switch
    {
        (Toward.Future, [var n, "hari", "lagi"]) => Count(n, 1),
        (Toward.Future, ["in", var n, "day" or "days"]) => Count(n, 1),
        (Toward.Past, [.. var span, "yang", "lalu"]) => -Span(span),
        (Toward.Past, [.. var span, "lalu" or "ago"]) => -Span(span),
        _ => null,
    };

    private static int? Span(string[] words) => words switch
    {
        ["seminggu"] or ["a" or "one", "week"] => 7,
        [var n, "hari" or "day" or "days"] => Count(n, 1),
        [var n, "minggu" or "week" or "weeks"] => Count(n, 7),
        _ => null,
    };

    private static int? Count(string digits, int daysEach) =>
        digits.Length <= 4 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count * daysEach <= FurthestDays
            ? count * daysEach
            : null;

    private static string[] SkipPrefixes(string[] words, out Named named)
    {
        named = Named.None;
        var skip = 0;
        while (skip < words.Length - 1)
        {
            switch (words[skip])
            {
                case "hari":
                    named |= Named.Day;
                    break;
                case "tgl" or "tanggal":
                    named |= Named.Date;
                    break;
                case "on":
                    break;
                default:
                    return words[skip..];
            }

            skip++;
        }

        return words[skip..];
    }

    private static DateOnly? DateOf(string[] words, DateOnly today, Named named, Toward toward)
    {
        switch (words)
        {
            case [var only] when NumericDate().Match(only) is { Success: true } numeric:
                var day = int.Parse(numeric.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
                var month = int.Parse(numeric.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
                return numeric.Groups["y"].Success
                    ? Exact(Year(numeric.Groups["y"].Value), month, day)
                    : NearestOccurrence(today, month, day, toward);
            case [var only] when named.HasFlag(Named.Date) && Day(only) is { } dayOfMonth:
                return NearestDayOfMonth(today, dayOfMonth, toward);
            case [var first, var second, .. var year] when year.Length <= 1:
                var (dayWord, monthWord) = Months.ContainsKey(first) ? (second, first) : (first, second);
                if (Day(dayWord) is not { } d || !Months.TryGetValue(monthWord, out var m))
                {
                    return null;
                }

                return year switch
                {
                    [] => NearestOccurrence(today, m, d, toward),
                    [var y] when YearPattern().IsMatch(y) => Exact(Year(y), m, d),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static int? Day(string word) =>
        DayPattern().Match(word) is { Success: true } match
            ? int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture)
            : null;

    private static int Year(string digits)
    {
        var year = int.Parse(digits, CultureInfo.InvariantCulture);
        return digits.Length == 2 ? 2000 + year : year;
    }

    private static DateOnly? Exact(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    // Eight years either way reaches a 29 February (even across 1900 or 2100); 31/2 never exists and gives null.
    private static DateOnly? NearestOccurrence(DateOnly today, int month, int day, Toward toward)
    {
        for (var years = 0; years <= 8; years++)
        {
            if (Exact(today.Year + ((int)toward * years), month, day) is { } date && Faces(date, today, toward))
            {
                return date;
            }
        }

        return null;
    }

    private static DateOnly? NearestDayOfMonth(DateOnly today, int day, Toward toward)
    {
        for (var away = 0; away <= 12; away++)
        {
            var months = (today.Year * 12) + today.Month - 1 + ((int)toward * away);
            if (Exact(months / 12, (months % 12) + 1, day) is { } date && Faces(date, today, toward))
            {
                return date;
            }
        }

        return null;
    }

    // Today or beyond it in the reading's direction.
    private static bool Faces(DateOnly date, DateOnly today, Toward toward) =>
        (date.DayNumber - today.DayNumber) * (int)toward >= 0;

    // Never today itself: a weekday's name points at another day.
    private static DateOnly? Nearest(DateOnly today, DayOfWeek weekday, Toward toward)
    {
        var days = (((int)toward * ((int)weekday - (int)today.DayOfWeek)) + 7) % 7;
        return Shift(today, (int)toward * (days == 0 ? 7 : days));
    }

    private static DateOnly? Shift(DateOnly today, int days)
    {
        var target = today.DayNumber + days;
        return target >= DateOnly.MinValue.DayNumber && target <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber((int)target)
            : null;
    }

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})(?<s>[/.\-])(?<m>[0-9]{1,2})(?:\k<s>(?<y>[0-9]{4}|[0-9]{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})(?:st|nd|rd|th)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^(?:[0-9]{2}|[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    [GeneratedRegex("['’‘`]", RegexOptions.CultureInvariant)]
    private static partial Regex Apostrophe();

    [GeneratedRegex(@"(?<=\p{L})\.", RegexOptions.CultureInvariant)]
    private static partial Regex DotAfterLetter();

    // "25 / 12 / 2026" is one date, not three words.
    [GeneratedRegex(@"(?<=[0-9])\s*([/.\-])\s*(?=[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedSeparator();

    // Which way a reading looks; the value is the sign of its days from today.
    private enum Toward
    {
        Past = -1,
        Future = 1,
    }

    [Flags]
    private enum Named
    {
        None = 0,

        // "hari" came before: "hari Minggu depan" is a Sunday, not next week.
        Day = 1,

        // "tgl" or "tanggal" came before: a lone number is a day of the month.
        Date = 2,
    }
}
