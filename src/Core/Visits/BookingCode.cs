using System.Security.Cryptography;

namespace Timpora.Core.Visits;

/// <summary>Short codes a person can read out on the phone: no 0/O, 1/I/L confusion, e.g. JB-7K3Q9X.</summary>
public static class BookingCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New() => "JB-" + RandomNumberGenerator.GetString(Alphabet, 6);

    /// <summary>The code as typed ("jb 7k3q9x", "7K3Q9X") in its stored form, or null.</summary>
    public static string? Normalise(string? typed)
    {
        var letters = new string((typed ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
        if (letters.StartsWith("JB", StringComparison.Ordinal) && letters.Length == 8)
        {
            letters = letters[2..];
        }

        return letters.Length == 6 && letters.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? "JB-" + letters : null;
    }
}
