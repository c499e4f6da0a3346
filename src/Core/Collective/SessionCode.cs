using System.Security.Cryptography;

namespace Timpora.Core.Collective;

/// <summary>
/// A session's request code, e.g. RB-7K3Q9X. It is also the join link's payload (Telegram allows letters, digits, _ and
/// - there), so it reads out on the phone and travels in <c>t.me/bot?start=RB-7K3Q9X</c> unchanged.
/// </summary>
public static class SessionCode
{
    public const string Prefix = "RB-";

    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, 6);

    /// <summary>The code as typed or linked ("rb 7k3q9x", "RB-7K3Q9X") in its stored form, or null.</summary>
    public static string? Normalise(string? typed)
    {
        var letters = new string((typed ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
        if (letters.StartsWith("RB", StringComparison.Ordinal) && letters.Length == 8)
        {
            letters = letters[2..];
        }

        return letters.Length == 6 && letters.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? Prefix + letters : null;
    }

    /// <summary>The link to share with the group; without a bot username (the console), the command to send instead.</summary>
    public static string JoinLink(string botUsername, string code) =>
        string.IsNullOrWhiteSpace(botUsername) ? $"/start {code}" : $"https://t.me/{botUsername}?start={code}";
}
