using System.Text;
using System.Text.RegularExpressions;
using Timpora.Core.Delivery;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Delivery;

public sealed partial class TextSplitterTests
{
    private const int Telegram = 4096;

    [Fact]
    public void Leaves_a_short_text_whole()
    {
        var parts = TextSplitter.Split("<b>Jam layanan</b>\nSenin–Kamis", Telegram);

        Assert.Equal(["<b>Jam layanan</b>\nSenin–Kamis"], parts);
    }

    [Fact]
    public void Cuts_a_long_text_at_paragraphs_keeping_all_of_it()
    {
        var text = Paragraphs(10_000);

        var parts = TextSplitter.Split(text, Telegram);

        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, Telegram));
        Assert.Equal(WithoutWhitespace(text), WithoutWhitespace(string.Concat(parts)));
        Assert.All(parts.SkipLast(1), p => Assert.Contains(p + "\n\n", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Cuts_a_long_line_without_spaces_anywhere()
    {
        var text = string.Concat(Enumerable.Range(0, 9_000).Select(i => (char)('a' + (i % 26))));

        var parts = TextSplitter.Split(text, Telegram);

        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, Telegram));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Closes_and_reopens_tags_that_span_a_cut()
    {
        var text = "<b>" + Words(6_000) + "</b> dan <i>" + Words(3_000) + "</i>";

        var parts = TextSplitter.Split(text, Telegram);

        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.Null(TelegramHtmlCheck.Problem(p)));
        Assert.All(parts, p => Assert.InRange(p.Length, 1, Telegram));
        Assert.EndsWith("</b>", parts[0], StringComparison.Ordinal);
        Assert.StartsWith("<b>", parts[1], StringComparison.Ordinal);
        Assert.Equal(WithoutTagsOrWhitespace(text), WithoutTagsOrWhitespace(string.Concat(parts)));
    }

    [Fact]
    public void Reopens_a_link_with_its_address()
    {
        var text = "<a href=\"https://serang.imigrasi.go.id\">" + Words(6_000) + "</a>";

        var parts = TextSplitter.Split(text, Telegram);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Null(TelegramHtmlCheck.Problem(p)));
        Assert.StartsWith("<a href=\"https://serang.imigrasi.go.id\">", parts[1], StringComparison.Ordinal);
        Assert.EndsWith("</a>", parts[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Never_cuts_inside_an_entity(int shift)
    {
        var text = new string('x', shift) + string.Concat(Enumerable.Repeat("&amp;", 2_000));

        var parts = TextSplitter.Split(text, Telegram);

        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.Null(TelegramHtmlCheck.Problem(p)));
        Assert.All(parts, p => Assert.InRange(p.Length, 1, Telegram));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Never_cuts_inside_a_tag_with_an_entity_in_it()
    {
        var text = new string('x', 3_984) + "<a href=\"https://serang.imigrasi.go.id/?q=1&amp;r=2\">peta</a>" + new string('y', 5_000);

        var parts = TextSplitter.Split(text, Telegram);

        Assert.All(parts, p => Assert.Null(TelegramHtmlCheck.Problem(p)));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Refuses_a_limit_too_small_to_cut_well()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextSplitter.Split("halo", 99));
    }

    private static string Paragraphs(int length)
    {
        var text = new StringBuilder();
        for (var paragraph = 1; text.Length < length; paragraph++)
        {
            text.Append("<b>Bagian ").Append(paragraph).Append("</b>\n").Append(Words(280)).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    private static string Words(int length)
    {
        string[] words = ["paspor", "jemput", "bola", "kantor", "imigrasi", "Serang", "syarat", "biaya", "&amp;", "jadwal"];
        var text = new StringBuilder();
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(words[i % words.Length]).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    private static string WithoutWhitespace(string text) => Whitespace().Replace(text, "");

    private static string WithoutTagsOrWhitespace(string text) => Whitespace().Replace(Tag().Replace(text, ""), "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
