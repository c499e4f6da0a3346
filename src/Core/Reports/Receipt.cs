using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Timpora.Core.Privacy;

namespace Timpora.Core.Reports;

/// <summary>
/// The reporter's receipt code: 16 characters of Crockford base32 (80 random bits), shown once in groups of four, e.g.
/// <c>7KQ2-M9XD-4HTR-B8WE</c>. Typing is forgiving: case, spaces, dashes and the look-alikes O/0 and I/L/1 do not matter.
/// </summary>
public static class Receipt
{
    public const int Length = 16;

    // Crockford's alphabet leaves out I, L, O and U: nothing to misread when copying by hand.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        return $"{code[..4]}-{code[4..8]}-{code[8..12]}-{code[12..]}";
    }

    /// <summary>The code in its one canonical form (16 characters, no dashes), or false for anything that cannot be one.</summary>
    public static bool TryNormalize(string? typed, [NotNullWhen(true)] out string? code)
    {
        code = null;
        if (typed is null || typed.Length > 64)
        {
            return false;
        }

        var builder = new StringBuilder(Length);
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is ' ' or '-' or '\u2010' or '\u2011' or '\u2013' or '.' or '_')
            {
                continue;
            }

            var mapped = c switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                _ => c,
            };
            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return false;
            }

            builder.Append(mapped);
        }

        if (builder.Length != Length)
        {
            return false;
        }

        code = builder.ToString();
        return true;
    }

    /// <summary>
    /// What is stored: a hash keyed with the service's secret, so a copy of the database alone cannot be used to test
    /// codes. Fast is fine here: 80 random bits cannot be guessed, unlike a short PIN.
    /// </summary>
    public static string Hash(string normalizedCode, Pseudonyms keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Of("receipt", normalizedCode);
    }
}
