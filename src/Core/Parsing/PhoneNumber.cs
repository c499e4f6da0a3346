using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Timpora.Core.Parsing;

/// <summary>
/// An Indonesian mobile number in E.164, <c>+628</c> and 8-11 more digits (domain.md §5). Operator prefixes are
/// not checked because the sources disagree on them.
/// </summary>
public sealed record PhoneNumber(string E164)
{
    private const string CountryCode = "62";
    private const int ShortestNational = 9;
    private const int LongestNational = 12;

    // Guards the positional constructor too, so a number loaded from storage is as valid as a parsed one.
    public string E164 { get; } = IsNormalised(E164)
        ? E164
        : throw new ArgumentException("Expected +628 followed by 8 to 11 digits.", nameof(E164));

    /// <summary>Keeps +62, the first three and the last three digits, e.g. <c>+62812****789</c>.</summary>
    public string Masked => "+" + CountryCode + National[..3] + new string('*', National.Length - 6) + National[^3..];

    /// <summary>Grouped for people to read back, e.g. <c>+62 812-3456-7890</c>.</summary>
    public string Display
    {
        get
        {
            var rest = National[3..];
            var groups = (rest.Length + 3) / 4;
            var display = new StringBuilder("+" + CountryCode + " " + National[..3]);
            var at = 0;
            for (var i = 0; i < groups; i++)
            {
                // Spread the digits evenly so no group is left with one or two digits.
                var size = (rest.Length / groups) + (i < rest.Length % groups ? 1 : 0);
                display.Append('-').Append(rest, at, size);
                at += size;
            }

            return display.ToString();
        }
    }

    private string National => E164[3..];

    /// <summary>
    /// Reads <c>08…</c>, <c>+628…</c>, <c>628…</c> (a Telegram shared contact), <c>00628…</c>, <c>+62 (0)8…</c> and a
    /// bare <c>8…</c>, with spaces, dashes, dots and parentheses anywhere.
    /// </summary>
    /// <summary>
    /// A stored number grouped to read out while dialling, e.g. +62 812-3456-7890; as stored if it is somehow not a
    /// mobile number (an older row), so it is never lost from a card.
    /// </summary>
    public static string Shown(string? stored) => Parse(stored).Number?.Display ?? stored ?? "";

    public static PhoneCheck Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PhoneCheck.Rejected(PhoneProblem.Empty);
        }

        var trimmed = text.Trim();
        var international = trimmed.StartsWith('+');
        var digits = new StringBuilder();
        foreach (var c in international ? trimmed[1..] : trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (!char.IsWhiteSpace(c) && c is not ('-' or '.' or '(' or ')'))
            {
                return PhoneCheck.Rejected(PhoneProblem.NotANumber);
            }
        }

        if (digits.Length == 0)
        {
            return PhoneCheck.Rejected(PhoneProblem.NotANumber);
        }

        var national = NationalPart(digits.ToString(), international);
        return national switch
        {
            null => PhoneCheck.Rejected(PhoneProblem.NotMobile),
            "" => PhoneCheck.Rejected(PhoneProblem.TooShort),
            _ when national[0] != '8' => PhoneCheck.Rejected(PhoneProblem.NotMobile),
            { Length: < ShortestNational } => PhoneCheck.Rejected(PhoneProblem.TooShort),
            { Length: > LongestNational } => PhoneCheck.Rejected(PhoneProblem.TooLong),
            _ => PhoneCheck.Accepted(new PhoneNumber("+" + CountryCode + national)),
        };
    }

    /// <summary>Shows <see cref="Masked"/>, so a number dropped into a log line never leaks.</summary>
    public override string ToString() => Masked;

    // The digits after the country code and any trunk zero, or null for another country.
    private static string? NationalPart(string digits, bool international)
    {
        var withCountryCode = digits;
        if (!international)
        {
            if (digits.StartsWith("00", StringComparison.Ordinal))
            {
                withCountryCode = digits[2..];
            }
            else if (digits.StartsWith('0'))
            {
                return digits[1..];
            }
            else if (digits.StartsWith('8'))
            {
                return digits;
            }
        }

        if (!withCountryCode.StartsWith(CountryCode, StringComparison.Ordinal))
        {
            return null;
        }

        // "+62 (0)812…" keeps the domestic trunk zero; it is not part of the number.
        var national = withCountryCode[CountryCode.Length..];
        return national.StartsWith('0') ? national[1..] : national;
    }

    private static bool IsNormalised(string? e164) =>
        e164 is { Length: >= 3 + ShortestNational and <= 3 + LongestNational }
        && e164.StartsWith("+628", StringComparison.Ordinal)
        && !e164.AsSpan(1).ContainsAnyExceptInRange('0', '9');
}

/// <summary>Why a typed phone number was refused.</summary>
public enum PhoneProblem
{
    Empty,
    NotANumber,

    /// <summary>A landline such as (0254) 209489, or a number in another country.</summary>
    NotMobile,
    TooShort,
    TooLong,
}

/// <summary>The outcome of <see cref="PhoneNumber.Parse"/>: either the number or the one problem.</summary>
public sealed record PhoneCheck
{
    private PhoneCheck(PhoneNumber? number, PhoneProblem? problem) => (Number, Problem) = (number, problem);

    public PhoneNumber? Number { get; }

    public PhoneProblem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Number))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => Number is not null;

    internal static PhoneCheck Accepted(PhoneNumber number) => new(number, null);

    internal static PhoneCheck Rejected(PhoneProblem problem) => new(null, problem);
}
