using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Privacy;
using Timpora.Core.Reports;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Reports;

/// <summary>The receipt code: what it looks like, how forgiving reading it is, and that only its keyed hash is kept.</summary>
public sealed partial class ReceiptTests
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    // A code whose canonical form holds the digits 0 and 1, so the look-alikes O, I and L have something to stand for.
    private const string Canonical = "10ZZ011XABCDEF01";

    private static readonly Pseudonyms Keys = new(Some.PseudonymKey());

    [Fact]
    public void A_new_code_is_sixteen_Crockford_characters_in_four_groups_of_four()
    {
        for (var i = 0; i < 1000; i++)
        {
            var code = Receipt.New();

            Assert.Matches(Shown(), code);
            Assert.Equal(Receipt.Length, code.Replace("-", "", StringComparison.Ordinal).Length);
        }
    }

    [Fact]
    public void New_codes_draw_on_the_whole_alphabet_and_nothing_outside_it()
    {
        var used = new HashSet<char>();
        for (var i = 0; i < 2000; i++)
        {
            used.UnionWith(Receipt.New().Replace("-", "", StringComparison.Ordinal));
        }

        Assert.Equal(Crockford.ToHashSet(), used);
    }

    [Fact]
    public void Ten_thousand_new_codes_are_all_distinct()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => Receipt.New()).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_new_code_reads_back_as_itself_without_the_dashes()
    {
        var code = Receipt.New();

        Assert.True(Receipt.TryNormalize(code, out var normalized));
        Assert.Equal(code.Replace("-", "", StringComparison.Ordinal), normalized);
    }

    [Theory]
    [InlineData("10ZZ-011X-ABCD-EF01")]
    [InlineData("10zz-011x-abcd-ef01")]
    [InlineData("10ZZ011XABCDEF01")]
    [InlineData("10zz011xabcdef01")]
    [InlineData("10ZZ 011X ABCD EF01")]
    [InlineData("  10ZZ 011X-abcd  ef01 ")]
    [InlineData("1OZZ-O11X-ABCD-EFO1")]
    [InlineData("1ozz-o11x-abcd-ef01")]
    [InlineData("IOZZ-OLIX-ABCD-EF0L")]
    [InlineData("i0zz-0l1x-abcd-ef0i")]
    [InlineData("10ZZ\u2011011X\u2013ABCD\u2010EF01")]
    public void Reads_a_code_typed_in_lower_case_with_spaces_without_dashes_or_with_look_alikes(string typed)
    {
        Assert.True(Receipt.TryNormalize(typed, out var code));
        Assert.Equal(Canonical, code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("10ZZ-011X-ABCD-EF0")]
    [InlineData("10ZZ-011X-ABCD-EF011")]
    [InlineData("10ZZ-011X-ABCD")]
    [InlineData("10ZZ-011X-ABCD-EFU1")]
    [InlineData("10zz-011x-abcd-efu1")]
    [InlineData("10ZZ/011X/ABCD/EF01")]
    [InlineData("10ZZ-011X-ABCD-EF01!")]
    [InlineData("10ZZ,011X,ABCD,EF01")]
    [InlineData("10ZZ-011X-ABCD-EF0\U0001F600")]
    [InlineData("10ZZ-011X-\U0001F600ABCD-EF01")]
    [InlineData("10ZZ-011X-ABCD-EF01\u200B")]
    [InlineData("\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600")]
    [InlineData("１０ＺＺ-０１１Ｘ-ＡＢＣＤ-ＥＦ０１")]
    [InlineData("LP-7K2Q")]
    [InlineData("JB-7K3Q9X")]
    [InlineData("<b>10ZZ-011X-ABCD-EF01</b>")]
    public void Refuses_a_wrong_length_U_punctuation_emoji_or_other_scripts(string typed)
    {
        Assert.False(Receipt.TryNormalize(typed, out var code));
        Assert.Null(code);
    }

    [Fact]
    public void Refuses_nothing_at_all()
    {
        Assert.False(Receipt.TryNormalize(null, out var code));
        Assert.Null(code);
    }

    [Fact]
    public void Refuses_a_five_thousand_character_string_even_of_valid_characters()
    {
        Assert.False(Receipt.TryNormalize(new string('A', 5000), out _));
        Assert.False(Receipt.TryNormalize(Canonical + new string('-', 4984), out _));
    }

    [Fact]
    public void The_hash_is_keyed_so_another_key_gives_another_hash()
    {
        var other = new Pseudonyms([.. Enumerable.Range(101, 32).Select(i => (byte)i)]);

        Assert.NotEqual(Receipt.Hash(Canonical, Keys), Receipt.Hash(Canonical, other));
        Assert.Equal(Receipt.Hash(Canonical, Keys), Receipt.Hash(Canonical, new Pseudonyms(Some.PseudonymKey())));
    }

    [Fact]
    public void The_hash_is_not_the_code_nor_contains_it_nor_is_a_plain_digest_of_it()
    {
        var hash = Receipt.Hash(Canonical, Keys);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain(Canonical, hash, StringComparison.OrdinalIgnoreCase);
        var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Canonical)));
        Assert.NotEqual(plain, hash);
        Assert.NotEqual(Receipt.Hash("10ZZ011XABCDEF02", Keys), hash);
    }

    [Theory]
    [InlineData("10ZZ-011X-ABCD-EF01")]
    [InlineData("10zz011xabcdef01")]
    [InlineData(" 1OZZ O11X abcd EFOL ")]
    [InlineData("IOZZ-OLIX-ABCD-EF0I")]
    public void The_same_code_gives_the_same_hash_whichever_way_it_was_typed(string typed)
    {
        Assert.True(Receipt.TryNormalize(typed, out var code));

        Assert.Equal(Receipt.Hash(Canonical, Keys), Receipt.Hash(code, Keys));
    }

    [Fact]
    public async Task After_a_report_the_database_holds_the_hash_of_the_code_and_never_the_code()
    {
        using var bot = new EngineHarness();
        var code = Reporter.ReceiptIn(await new Reporter(bot).Report());
        Assert.True(Receipt.TryNormalize(code, out var normalized));

        var cells = bot.Database.Cells("reports");
        Assert.Contains(Receipt.Hash(normalized, bot.Pseudonyms), cells);
        AssertNowhere(cells, code, normalized);
        var conversation = bot.Conversation();
        AssertNowhere([conversation.FlowState ?? "", conversation.Choices ?? ""], code, normalized);

        // Once the receipt message left, no table at all holds it: not the entries, photos, inbox or outbox.
        bot.MarkOutboxSent();
        foreach (var table in Tables(bot))
        {
            AssertNowhere(bot.Database.Cells(table), code, normalized);
        }
    }

    private static void AssertNowhere(IEnumerable<string> cells, string shown, string normalized)
    {
        foreach (var cell in cells)
        {
            Assert.DoesNotContain(shown, cell, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(normalized, cell, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(shown.Replace('-', ' '), cell, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static List<string> Tables(EngineHarness bot)
    {
        using var db = bot.Database.NewDb();
        var tables = db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").ToList();
        Assert.Contains("reports", tables);
        return tables;
    }

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex Shown();
}
