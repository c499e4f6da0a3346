using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Timpora.Core.Conversations;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Conversations;

public sealed partial class TextsTests
{
    private static readonly IReadOnlyDictionary<string, string> Indonesian = ReadBooks(english: false);
    private static readonly IReadOnlyDictionary<string, string> English = ReadBooks(english: true);

    public static TheoryData<string> KeysInCode => new(KeysUsedInCode());

    public static TheoryData<string, string> AllTexts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (language, texts) in new[] { ("id", Indonesian), ("en", English) })
            {
                foreach (var text in texts)
                {
                    data.Add($"{language}:{text.Key}", text.Value);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Has_the_same_keys_in_both_languages()
    {
        var onlyIndonesian = Indonesian.Keys.Except(English.Keys).ToList();
        var onlyEnglish = English.Keys.Except(Indonesian.Keys).ToList();

        Assert.Empty(onlyIndonesian);
        Assert.Empty(onlyEnglish);
        Assert.True(Indonesian.Count > 50);
    }

    [Fact]
    public void Has_the_same_placeholders_in_both_languages()
    {
        var different = Indonesian
            .Where(t => English.ContainsKey(t.Key))
            .Where(t => !Placeholders(t.Value).SetEquals(Placeholders(English[t.Key])))
            .Select(t => t.Key)
            .ToList();

        Assert.Empty(different);
    }

    [Fact]
    public void Ships_every_English_text_in_the_English_resources()
    {
        var books = Directory.EnumerateFiles(SourceTree.PathOf("src", "Core", "Resources"), "*.en.resx")
            .Select(f => Path.GetFileName(f)[..^".en.resx".Length]);

        var shipped = books
            .Select(book => new ResourceManager($"Timpora.Core.Resources.{book}", typeof(Texts).Assembly)
                .GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false))
            .SelectMany(set => Assert.IsAssignableFrom<ResourceSet>(set).Cast<DictionaryEntry>())
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value);
        Assert.Equal(English.OrderBy(t => t.Key), shipped.OrderBy(t => t.Key).Select(t => KeyValuePair.Create(t.Key, t.Value ?? "")));
    }

    [Theory]
    [MemberData(nameof(KeysInCode))]
    public void Has_every_key_the_code_uses_in_both_languages(string key)
    {
        // A literal that names a family of texts (e.g. "Visit.Reason" for "Visit.Reason.{value}") must have members in both.
        if (!Indonesian.ContainsKey(key))
        {
            Assert.Contains(Indonesian.Keys, k => k.StartsWith(key + ".", StringComparison.Ordinal));
            Assert.Contains(English.Keys, k => k.StartsWith(key + ".", StringComparison.Ordinal));
            return;
        }

        var indonesian = Texts.Get(Language.Indonesian, key);
        var english = Texts.Get(Language.English, key);

        Assert.Equal(Indonesian[key], indonesian);
        Assert.Equal(English[key], english);
    }

    [Fact]
    public void Finds_the_keys_the_code_uses()
    {
        var keys = KeysUsedInCode();

        Assert.Contains("Menu.Prompt", keys);
        Assert.Contains("Input.Kind.sticker", keys);
        Assert.Contains("Info.Topic.Contact", keys);
        Assert.Contains("Help", keys);
    }

    [Theory]
    [MemberData(nameof(AllTexts))]
    public void Writes_every_text_in_valid_Telegram_HTML(string key, string text)
    {
        var problem = TelegramHtmlCheck.Problem(text);

        Assert.True(problem is null, $"{key}: {problem}");
    }

    [Theory]
    [InlineData("en", Language.English)]
    [InlineData("en-US", Language.English)]
    [InlineData("EN-gb", Language.English)]
    [InlineData("id", Language.Indonesian)]
    [InlineData("ms", Language.Indonesian)]
    [InlineData("", Language.Indonesian)]
    [InlineData(null, Language.Indonesian)]
    public void Starts_in_English_only_when_the_app_is_in_English(string? hint, Language expected)
    {
        var language = Texts.FromHint(hint);

        Assert.Equal(expected, language);
    }

    [Fact]
    public void Fails_loudly_for_a_missing_key()
    {
        Assert.Throws<KeyNotFoundException>(() => Texts.Get(Language.English, "Menu.NoSuchText"));
    }

    [Fact]
    public void Formats_numbers_and_arguments_into_a_text()
    {
        var text = Texts.Format(Language.English, "Input.TooLong", 4096);

        Assert.Equal("Sorry, this message is too long. Please shorten it to at most 4096 characters and send it again.", text);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    /// <summary>Every book of one language as one dictionary; a key in two books fails here, as Texts could not tell them apart.</summary>
    private static Dictionary<string, string> ReadBooks(bool english) =>
        Directory.EnumerateFiles(SourceTree.PathOf("src", "Core", "Resources"), "*.resx")
            .Where(f => f.EndsWith(".en.resx", StringComparison.Ordinal) == english)
            .SelectMany(f => XDocument.Load(f).Root!.Elements("data"))
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static SortedSet<string> KeysUsedInCode()
    {
        var sources = Directory.EnumerateFiles(SourceTree.PathOf("src", "Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return [.. sources.SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))];
    }

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"""((?:Menu|Info|Input|Cancel|Help|Language|ComingSoon|Error|Group|Commands|Form|Visit|Visits|Duty|Officer|Notice|Slot|Place|Report|Receipt|Status|Triage|Escalation|Collective|Roster|Join|Session|SessionNotice)(?:\.[A-Za-z]+)*)""")]
    private static partial Regex TextKey();
}
