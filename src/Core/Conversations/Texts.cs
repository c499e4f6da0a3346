using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Timpora.Core.Conversations;

/// <summary>
/// Every word the bot says lives in Resources/*.resx (one book per feature, Indonesian with an English twin); this
/// is the only way to read them, so a missing key fails loudly in tests instead of showing an empty message to a
/// citizen. Keys are unique across books, so a key alone finds its text.
/// </summary>
public static class Texts
{
    private const string ResourcePrefix = "Timpora.Core.Resources.";
    private const string ResourceSuffix = ".resources";

    private static readonly IReadOnlyList<ResourceManager> Books = typeof(Texts).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(n => new ResourceManager(n[..^ResourceSuffix.Length], typeof(Texts).Assembly))
        .ToList();

    private static readonly ConcurrentDictionary<string, ResourceManager?> BookOfKey = new(StringComparer.Ordinal);
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static CultureInfo Culture(Language language) => language == Language.English ? English : Indonesian;

    public static string Get(Language language, string key)
    {
        var culture = language == Language.English ? English : CultureInfo.InvariantCulture;
        var book = BookOfKey.GetOrAdd(key, k => Books.FirstOrDefault(b => b.GetString(k, CultureInfo.InvariantCulture) is not null));
        return book?.GetString(key, culture) ?? throw new KeyNotFoundException($"No text '{key}' in Resources/*.resx.");
    }

    public static string Format(Language language, string key, params object?[] args) =>
        string.Format(Culture(language), Get(language, key), args);

    /// <summary>The language to start with: English only when the person's app says so.</summary>
    public static Language FromHint(string? languageHint) =>
        languageHint is not null && languageHint.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? Language.English
            : Language.Indonesian;
}
