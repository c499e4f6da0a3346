using System.Diagnostics.CodeAnalysis;

namespace Timpora.Core.Collective;

/// <summary>
/// A full name as on the KTP, for the join form and the coordinator's file alike. For Umrah and Hajj the Saudi visa
/// needs at least two words (domain.md §2); a one-word name is completed with "bin/binti" and the father's name,
/// which the office endorses in the passport.
/// </summary>
public static class ApplicantName
{
    public const int Longest = 100;

    /// <summary>The name with its spaces tidied, or the first rule it breaks.</summary>
    public static NameCheck Check(string? typed, bool twoWords)
    {
        var words = (typed ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var name = string.Join(' ', words);
        if (name.Length == 0)
        {
            return new NameCheck(null, NameProblem.Empty);
        }

        if (name.Length > Longest)
        {
            return new NameCheck(null, NameProblem.TooLong);
        }

        // Letters, and the marks KTP names carry: Ma'ruf, Moh. Ali, Siti Nur-Aini, "Hasan, S.Pd." is for the officer.
        if (!name.All(c => char.IsLetter(c) || c is ' ' or '\'' or '’' or '`' or '.' or ',' or '-')
            || !words.Any(w => w.Any(char.IsLetter)))
        {
            return new NameCheck(null, NameProblem.NotLetters);
        }

        if (twoWords && words.Count(w => w.Any(char.IsLetter)) < 2)
        {
            return new NameCheck(null, NameProblem.OneWord);
        }

        return new NameCheck(name, null);
    }

    public static bool NeedsTwoWords(SessionPurpose purpose) => purpose is SessionPurpose.Umrah or SessionPurpose.Hajj;
}

public enum NameProblem
{
    Empty,
    TooLong,
    NotLetters,

    /// <summary>Umrah or Hajj with a one-word name.</summary>
    OneWord,
}

public sealed record NameCheck(string? Name, NameProblem? Problem)
{
    [MemberNotNullWhen(true, nameof(Name))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => Name is not null;
}
