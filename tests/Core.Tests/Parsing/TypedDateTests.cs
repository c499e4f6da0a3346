using System.Globalization;
using Timpora.Core.Parsing;

namespace Timpora.Core.Tests.Parsing;

public sealed class TypedDateTests
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2026, 3, 11);

    [Theory]
    [InlineData("hari ini")]
    [InlineData("Hari Ini")]
    [InlineData("today")]
    [InlineData("0 hari lagi")]
    public void Reads_hari_ini_as_today(string text)
    {
        Assert.Equal(Today, TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("besok")]
    [InlineData("Besok")]
    [InlineData("  BESOK  ")]
    [InlineData("besok.")]
    [InlineData("tomorrow")]
    [InlineData("Tomorrow.")]
    public void Reads_besok_as_tomorrow(string text)
    {
        Assert.Equal(new DateOnly(2026, 3, 12), TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("lusa")]
    [InlineData("day after tomorrow")]
    [InlineData("the day after tomorrow")]
    [InlineData("Day  after   tomorrow")]
    public void Reads_lusa_as_the_day_after_tomorrow(string text)
    {
        Assert.Equal(new DateOnly(2026, 3, 13), TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("kemarin")]
    [InlineData("yesterday")]
    public void Reads_kemarin_as_yesterday_and_leaves_refusing_the_past_to_the_caller(string text)
    {
        Assert.Equal(new DateOnly(2026, 3, 10), TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("kemarin lusa")]
    [InlineData("the day before yesterday")]
    public void Reads_kemarin_lusa_as_two_days_back_like_kemarin(string text)
    {
        Assert.Equal(new DateOnly(2026, 3, 9), TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("3 hari lalu")]
    [InlineData("3 hari yang lalu")]
    [InlineData("3 days ago")]
    [InlineData("seminggu lalu")]
    [InlineData("Senin lalu")]
    [InlineData("Senin kemarin")]
    [InlineData("last Monday")]
    public void Leaves_the_words_of_a_past_reading_to_ParsePast(string text)
    {
        Assert.Null(TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("3 hari lagi", "2026-03-14")]
    [InlineData("in 3 days", "2026-03-14")]
    [InlineData("in 1 day", "2026-03-12")]
    [InlineData("30 hari lagi", "2026-04-10")]
    [InlineData("In 366 days", "2027-03-12")]
    [InlineData("3660 hari lagi", "2036-03-18")]
    public void Reads_a_number_of_days_ahead(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("Kamis", "2026-03-12")]
    [InlineData("Jumat", "2026-03-13")]
    [InlineData("Jum'at", "2026-03-13")]
    [InlineData("jum’at", "2026-03-13")]
    [InlineData("Sabtu", "2026-03-14")]
    [InlineData("Minggu", "2026-03-15")]
    [InlineData("Ahad", "2026-03-15")]
    [InlineData("Senin", "2026-03-16")]
    [InlineData("Selasa", "2026-03-17")]
    [InlineData("Thursday", "2026-03-12")]
    [InlineData("fri", "2026-03-13")]
    [InlineData("Saturday", "2026-03-14")]
    [InlineData("Sun", "2026-03-15")]
    [InlineData("monday", "2026-03-16")]
    [InlineData("Tue", "2026-03-17")]
    [InlineData("hari Senin", "2026-03-16")]
    [InlineData("on Monday", "2026-03-16")]
    [InlineData("hari Minggu", "2026-03-15")]
    public void Reads_a_bare_weekday_as_the_next_such_day(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("Rabu")]
    [InlineData("wednesday")]
    [InlineData("Wed")]
    [InlineData("Rabu depan")]
    [InlineData("next Wednesday")]
    public void Reads_today_s_weekday_as_a_week_ahead(string text)
    {
        Assert.Equal(new DateOnly(2026, 3, 18), TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("Senin depan")]
    [InlineData("senin depan.")]
    [InlineData("hari Senin depan")]
    [InlineData("next Monday")]
    [InlineData("Next mon")]
    public void Reads_Senin_depan_as_the_next_Monday_not_the_one_after(string text)
    {
        Assert.Equal(new DateOnly(2026, 3, 16), TypedDate.Parse(text, Today));
    }

    [Fact]
    public void Does_not_guess_whether_Minggu_depan_means_next_week_or_Sunday()
    {
        Assert.Null(TypedDate.Parse("Minggu depan", Today));
    }

    [Fact]
    public void Reads_hari_Minggu_depan_as_Sunday()
    {
        Assert.Equal(new DateOnly(2026, 3, 15), TypedDate.Parse("hari Minggu depan", Today));
    }

    [Theory]
    [InlineData("25/12/2026", "2026-12-25")]
    [InlineData("25-12-2026", "2026-12-25")]
    [InlineData("25.12.2026", "2026-12-25")]
    [InlineData("25/12/26", "2026-12-25")]
    [InlineData("5/1/2027", "2027-01-05")]
    [InlineData("05/01/27", "2027-01-05")]
    [InlineData("25 / 12 / 2026", "2026-12-25")]
    [InlineData("25.12.2026.", "2026-12-25")]
    [InlineData("tgl 25/12/2026", "2026-12-25")]
    [InlineData("1/1/2020", "2020-01-01")]
    public void Reads_a_numeric_date_day_first(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("12/25")]
    [InlineData("12/25/2026")]
    [InlineData("03/31/2026")]
    public void Never_reads_a_numeric_date_month_first(string text)
    {
        Assert.Null(TypedDate.Parse(text, Today));
    }

    [Fact]
    public void Reads_1_5_as_the_first_of_May_not_the_fifth_of_January()
    {
        Assert.Equal(new DateOnly(2026, 5, 1), TypedDate.Parse("1/5", Today));
    }

    [Theory]
    [InlineData("5/1")]
    [InlineData("05/01")]
    [InlineData("5-1")]
    [InlineData("5.1")]
    [InlineData("5 Januari")]
    [InlineData("5 jan")]
    public void Reads_5_1_in_December_as_next_January(string text)
    {
        Assert.Equal(new DateOnly(2027, 1, 5), TypedDate.Parse(text, new DateOnly(2026, 12, 20)));
    }

    [Theory]
    [InlineData("11/3", "2026-03-11")]
    [InlineData("12/3", "2026-03-12")]
    [InlineData("10/3", "2027-03-10")]
    [InlineData("10 Maret", "2027-03-10")]
    [InlineData("31/12", "2026-12-31")]
    public void Reads_a_date_without_a_year_as_its_next_occurrence_from_today_on(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.Parse(text, Today));
    }

    [Fact]
    public void Reads_29_February_without_a_year_as_the_next_leap_day()
    {
        Assert.Equal(new DateOnly(2028, 2, 29), TypedDate.Parse("29/2", Today));
    }

    [Theory]
    [InlineData("5 Januari 2027", 1)]
    [InlineData("5 Februari 2027", 2)]
    [InlineData("5 Pebruari 2027", 2)]
    [InlineData("5 Feb 2027", 2)]
    [InlineData("5 Peb 2027", 2)]
    [InlineData("5 Maret 2027", 3)]
    [InlineData("5 Mar 2027", 3)]
    [InlineData("5 April 2027", 4)]
    [InlineData("5 Apr 2027", 4)]
    [InlineData("5 Mei 2027", 5)]
    [InlineData("5 Juni 2027", 6)]
    [InlineData("5 Jun 2027", 6)]
    [InlineData("5 Juli 2027", 7)]
    [InlineData("5 Jul 2027", 7)]
    [InlineData("5 Agustus 2027", 8)]
    [InlineData("5 Agu 2027", 8)]
    [InlineData("5 Agt 2027", 8)]
    [InlineData("5 Ags 2027", 8)]
    [InlineData("5 Agst 2027", 8)]
    [InlineData("5 September 2027", 9)]
    [InlineData("5 Sep 2027", 9)]
    [InlineData("5 Sept 2027", 9)]
    [InlineData("5 Oktober 2027", 10)]
    [InlineData("5 Okt 2027", 10)]
    [InlineData("5 November 2027", 11)]
    [InlineData("5 Nopember 2027", 11)]
    [InlineData("5 Nov 2027", 11)]
    [InlineData("5 Desember 2027", 12)]
    [InlineData("5 Des 2027", 12)]
    [InlineData("5 DES. 2027", 12)]
    [InlineData("tanggal 5 Desember 2027", 12)]
    [InlineData("tgl. 5 des 27", 12)]
    public void Reads_Indonesian_month_names_and_their_short_forms(string text, int month)
    {
        Assert.Equal(new DateOnly(2027, month, 5), TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("5 january 2027", 1)]
    [InlineData("January 5", 1)]
    [InlineData("Jan 5th, 2027", 1)]
    [InlineData("5 February 2027", 2)]
    [InlineData("March 5 2027", 3)]
    [InlineData("May 5", 5)]
    [InlineData("5 June 2027", 6)]
    [InlineData("5 July 2027", 7)]
    [InlineData("5 Aug 2027", 8)]
    [InlineData("August 5, 2027", 8)]
    [InlineData("Oct 5", 10)]
    [InlineData("5 October 2027", 10)]
    [InlineData("Dec 5", 12)]
    [InlineData("5th December 2027", 12)]
    [InlineData("on 5 December 2027", 12)]
    public void Reads_English_month_names_day_first_or_month_first(string text, int month)
    {
        var date = TypedDate.Parse(text, Today);

        Assert.NotNull(date);
        Assert.Equal((month, 5), (date.Value.Month, date.Value.Day));
    }

    [Theory]
    [InlineData("tgl 25", "2026-03-25")]
    [InlineData("Tanggal 25", "2026-03-25")]
    [InlineData("tgl. 11", "2026-03-11")]
    [InlineData("tgl 10", "2026-04-10")]
    [InlineData("tanggal 1", "2026-04-01")]
    public void Reads_tgl_and_a_day_as_this_month_unless_it_has_passed(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.Parse(text, Today));
    }

    [Fact]
    public void Reads_tgl_31_in_a_thirty_day_month_as_the_next_thirty_first()
    {
        Assert.Equal(new DateOnly(2026, 5, 31), TypedDate.Parse("tgl 31", new DateOnly(2026, 4, 15)));
    }

    [Theory]
    [InlineData("Jumat, 25 Desember 2026", "2026-12-25")]
    [InlineData("Jum'at, 25 Des 2026", "2026-12-25")]
    [InlineData("jumat 25/12/2026", "2026-12-25")]
    [InlineData("hari Jumat tanggal 25 Desember 2026", "2026-12-25")]
    [InlineData("Friday, December 25, 2026", "2026-12-25")]
    [InlineData("Senin, 5 Januari 2026", "2026-01-05")]
    [InlineData("Rabu, 25 Maret", "2026-03-25")]
    [InlineData("Rabu tgl 25", "2026-03-25")]
    public void Reads_a_weekday_before_a_date_when_they_agree(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("Kamis, 25 Desember 2026")]
    [InlineData("Saturday, December 25, 2026")]
    [InlineData("Senin 25/12/2026")]
    [InlineData("Jumat tgl 25")]
    public void Refuses_a_weekday_that_contradicts_the_date(string text)
    {
        Assert.Null(TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData("31/2")]
    [InlineData("30/2")]
    [InlineData("29/2/2026")]
    [InlineData("31/4/2026")]
    [InlineData("30 Februari")]
    [InlineData("32 Januari")]
    [InlineData("0/1")]
    [InlineData("5/13")]
    [InlineData("5/0/2026")]
    [InlineData("1/1/0000")]
    [InlineData("tgl 32")]
    [InlineData("tgl 0")]
    public void Refuses_a_date_that_does_not_exist(string text)
    {
        Assert.Null(TypedDate.Parse(text, Today));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("kapan saja")]
    [InlineData("secepatnya")]
    [InlineData("25")]
    [InlineData("tgl")]
    [InlineData("hari")]
    [InlineData("Desember")]
    [InlineData("Desember 2026")]
    [InlineData("2026")]
    [InlineData("2026-12-25")]
    [InlineData("5/1/202")]
    [InlineData("5/1-2026")]
    [InlineData("25 12 2026")]
    [InlineData("25 Desember 20266")]
    [InlineData("Januari Februari")]
    [InlineData("Senin Selasa")]
    [InlineData("minggu ini")]
    [InlineData("next week")]
    [InlineData("pukul 09.00")]
    [InlineData("3661 hari lagi")]
    [InlineData("99999999999 hari lagi")]
    [InlineData("-3 hari lagi")]
    [InlineData("٥/١")]
    [InlineData("🙏")]
    [InlineData("besok besok besok besok besok besok besok besok besok besok besok besok besok besok")]
    public void Returns_nothing_for_text_it_does_not_understand(string? text)
    {
        Assert.Null(TypedDate.Parse(text, Today));
    }

    [Fact]
    public void Gives_up_on_a_text_longer_than_any_date()
    {
        var padded = "25" + new string(' ', 80) + "Desember";

        Assert.Null(TypedDate.Parse(padded, Today));
    }

    [Fact]
    public void Never_throws_at_the_edges_of_the_calendar()
    {
        Assert.Null(TypedDate.Parse("besok", DateOnly.MaxValue));
        Assert.Null(TypedDate.Parse("kemarin", DateOnly.MinValue));
        Assert.Null(TypedDate.Parse("Senin", DateOnly.MaxValue));
        Assert.Null(TypedDate.Parse("5/1", DateOnly.MaxValue));
        Assert.Null(TypedDate.Parse("tgl 1", DateOnly.MaxValue));
        Assert.Equal(DateOnly.MaxValue, TypedDate.Parse("hari ini", DateOnly.MaxValue));
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
