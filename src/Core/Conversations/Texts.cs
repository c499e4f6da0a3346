using System.Globalization;
using System.Resources;

namespace Timpora.Core.Conversations;

/// <summary>
/// Every word the bot says lives in Resources/Texts*.resx; this is the only way to read them, so a missing key
/// fails loudly in tests instead of showing an empty message to a citizen.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("Timpora.Core.Resources.Texts", typeof(Texts).Assembly);
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static CultureInfo Culture(Language language) => language == Language.English ? English : Indonesian;

    public static string Get(Language language, string key) =>
        Resources.GetString(key, language == Language.English ? English : CultureInfo.InvariantCulture)
        ?? throw new KeyNotFoundException($"No text '{key}' in Resources/Texts.resx.");

    public static string Format(Language language, string key, params object?[] args) =>
        string.Format(Culture(language), Get(language, key), args);

    /// <summary>The language to start with: English only when the person's app says so.</summary>
    public static Language FromHint(string? languageHint) =>
        languageHint is not null && languageHint.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? Language.English
            : Language.Indonesian;
}
