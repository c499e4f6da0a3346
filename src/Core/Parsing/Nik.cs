using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Timpora.Core.Parsing;

/// <summary>
/// A Nomor Induk Kependudukan that passed the format rules of domain.md §5: <c>PP KK CC DD MM YY SSSS</c>.
/// Birth date and sex are read from the digits but never checked against what the applicant says: Dukcapil
/// does not re-issue an NIK when a wrong birth date is corrected, so a mismatch is a warning for the caller.
/// </summary>
public sealed record Nik
{
    private const int Length = 16;

    private Nik(string value) => Value = value;

    /// <summary>The 16 digits. Personal data: log <see cref="Masked"/> instead.</summary>
    public string Value { get; }

    /// <summary>Women carry their day of birth plus 40.</summary>
    public bool IsFemale => Number(6, 2) > 40;

    public int BirthDay => IsFemale ? Number(6, 2) - 40 : Number(6, 2);

    public int BirthMonth => Number(8, 2);

    public int BirthYearTwoDigits => Number(10, 2);

    /// <summary>First four digits (province and regency) and the last four, e.g. <c>3604********0003</c>.</summary>
    public string Masked => Value[..4] + "********" + Value[^4..];

    public static NikCheck Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return NikCheck.Rejected(NikProblem.Empty, 0);
        }

        var digits = new List<char>(Length);
        var onlyDigits = true;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Add(c);
            }
            else if (!char.IsWhiteSpace(c) && c is not '.' and not '-')
            {
                onlyDigits = false;
            }
        }

        if (!onlyDigits)
        {
            return NikCheck.Rejected(NikProblem.NotDigits, digits.Count);
        }

        if (digits.Count == 0)
        {
            return NikCheck.Rejected(NikProblem.Empty, 0);
        }

        if (digits.Count != Length)
        {
            return NikCheck.Rejected(digits.Count < Length ? NikProblem.TooShort : NikProblem.TooLong, digits.Count);
        }

        var nik = new Nik(new string([.. digits]));
        var problem = nik.FirstProblem();
        return problem is { } found ? NikCheck.Rejected(found, Length) : NikCheck.Accepted(nik);
    }

    /// <summary>Shows <see cref="Masked"/>, so an NIK dropped into a log line or an interpolated string never leaks.</summary>
    public override string ToString() => Masked;

    private NikProblem? FirstProblem()
    {
        if (!IsProvince(Number(0, 2)))
        {
            return NikProblem.UnknownProvince;
        }

        if (Number(6, 2) is not (>= 1 and <= 31 or >= 41 and <= 71))
        {
            return NikProblem.BadDay;
        }

        if (BirthMonth is < 1 or > 12)
        {
            return NikProblem.BadMonth;
        }

        return Number(12, 4) == 0 ? NikProblem.ZeroSerial : null;
    }

    // 93-95 are uncertain in domain.md (new Papua provinces) but accepted: refusing a real applicant is worse
    // than letting a typo through to an officer.
    private static bool IsProvince(int code) => code is
        >= 11 and <= 19 or 21 or >= 31 and <= 36 or >= 51 and <= 53 or >= 61 and <= 65
        or >= 71 and <= 76 or 81 or 82 or >= 91 and <= 96;

    private int Number(int start, int length) =>
        int.Parse(Value.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>The outcome of <see cref="Nik.Parse"/>: either the NIK or the one problem to tell the applicant.</summary>
public sealed record NikCheck
{
    private NikCheck(Nik? nik, NikProblem? problem, int digits) => (Nik, Problem, Digits) = (nik, problem, digits);

    public Nik? Nik { get; }

    public NikProblem? Problem { get; }

    /// <summary>How many digits were typed, for "you typed 15 digits"; 16 once the length was right.</summary>
    public int Digits { get; }

    [MemberNotNullWhen(true, nameof(Nik))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => Nik is not null;

    internal static NikCheck Accepted(Nik nik) => new(nik, null, nik.Value.Length);

    internal static NikCheck Rejected(NikProblem problem, int digits) => new(null, problem, digits);
}
