using System.Security.Cryptography;
using System.Text;
using Timpora.Core.Messaging;

namespace Timpora.Core.Privacy;

/// <summary>
/// Turns an address into a stable pseudonym. Keyed, because Telegram ids are few enough to hash them all: without
/// the key, a copy of the database cannot be matched back to accounts.
/// </summary>
public sealed class Pseudonyms
{
    private readonly byte[] _key;

    public Pseudonyms(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("A pseudonym key has at least 32 bytes.", nameof(key));
        }

        _key = key;
    }

    public string Of(ConversationAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{address.Channel}\n{address.Key}"));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>A keyed hash of a secret for another purpose (e.g. a receipt code); the purpose keeps the two apart.</summary>
    public string Of(string purpose, string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentNullException.ThrowIfNull(secret);
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{purpose}\u0000{secret}"));
        return Convert.ToHexStringLower(hash);
    }
}
