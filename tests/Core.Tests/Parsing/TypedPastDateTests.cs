using System.Globalization;
using Timpora.Core.Parsing;

namespace Timpora.Core.Tests.Parsing;

public sealed class TypedPastDateTests
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2026, 3, 11);

    [Theory]
    [InlineData("hari ini")]
    [InlineData("Hari ini.")]
    [InlineData("today")]
    [InlineData("0 hari lalu")]
    public void Reads_hari_ini_as_today(string text)
    {
        Assert.Equal(Today, TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("kemarin")]
    [InlineData("  Kemarin. ")]
    [InlineData("yesterday")]
    [InlineData("Yesterday")]
    public void Reads_kemarin_as_yesterday(string text)
    {
        Assert.Equal(new DateOnly(2026, 3, 10), TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("kemarin lusa")]
    [InlineData("Kemarin  lusa")]
    [InlineData("the day before yesterday")]
    [InlineData("day before yesterday")]
    public void Reads_kemarin_lusa_as_the_day_before_yesterday(string text)
    {
        Assert.Equal(new DateOnly(2026, 3, 9), TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("3 hari lalu", "2026-03-08")]
    [InlineData("3 hari yang lalu", "2026-03-08")]
    [InlineData("3 Hari Yang Lalu.", "2026-03-08")]
    [InlineData("1 hari lalu", "2026-03-10")]
    [InlineData("30 hari yang lalu", "2026-02-09")]
    [InlineData("3660 hari lalu", "2016-03-03")]
    [InlineData("3 days ago", "2026-03-08")]
    [InlineData("1 day ago", "2026-03-10")]
    [InlineData("366 days ago", "2025-03-10")]
    public void Reads_a_number_of_days_back(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("seminggu lalu", "2026-03-04")]
    [InlineData("seminggu yang lalu", "2026-03-04")]
    [InlineData("1 minggu lalu", "2026-03-04")]
    [InlineData("2 minggu yang lalu", "2026-02-25")]
    [InlineData("a week ago", "2026-03-04")]
    [InlineData("one week ago", "2026-03-04")]
    [InlineData("2 weeks ago", "2026-02-25")]
    public void Reads_a_number_of_weeks_back(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("Selasa", "2026-03-10")]
    [InlineData("Senin", "2026-03-09")]
    [InlineData("Ahad", "2026-03-08")]
    [InlineData("hari Minggu", "2026-03-08")]
    [InlineData("Sabtu", "2026-03-07")]
    [InlineData("Jum'at", "2026-03-06")]
    [InlineData("Kamis", "2026-03-05")]
    [InlineData("tuesday", "2026-03-10")]
    [InlineData("Mon", "2026-03-09")]
    [InlineData("on Sunday", "2026-03-08")]
    [InlineData("Saturday", "2026-03-07")]
    [InlineData("fri", "2026-03-06")]
    [InlineData("Thursday", "2026-03-05")]
    public void Reads_a_bare_weekday_as_the_latest_such_day_before_today(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("Senin lalu")]
    [InlineData("senin yang lalu")]
    [InlineData("Senin kemarin")]
    [InlineData("hari Senin lalu")]
    [InlineData("last Monday")]
    [InlineData("Last mon.")]
    public void Reads_Senin_lalu_as_the_latest_Monday_not_the_one_before(string text)
    {
        Assert.Equal(new DateOnly(2026, 3, 9), TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("Rabu")]
    [InlineData("Rabu lalu")]
    [InlineData("Rabu kemarin")]
    [InlineData("wednesday")]
    [InlineData("last Wednesday")]
    public void Reads_today_s_weekday_as_a_week_ago(string text)
    {
        Assert.Equal(new DateOnly(2026, 3, 4), TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("Minggu lalu")]
    [InlineData("minggu yang lalu")]
    [InlineData("Minggu kemarin")]
    public void Does_not_guess_whether_Minggu_lalu_means_last_week_or_Sunday(string text)
    {
        Assert.Null(TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("hari Minggu lalu")]
    [InlineData("hari Minggu kemarin")]
    [InlineData("last Sunday")]
    public void Reads_hari_Minggu_lalu_as_Sunday(string text)
    {
        Assert.Equal(new DateOnly(2026, 3, 8), TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("5/1", "2026-01-05")]
    [InlineData("05-01", "2026-01-05")]
    [InlineData("5 Januari", "2026-01-05")]
    [InlineData("5 jan", "2026-01-05")]
    [InlineData("Jan 5", "2026-01-05")]
    [InlineData("January 5th", "2026-01-05")]
    [InlineData("11/3", "2026-03-11")]
    [InlineData("10 Maret", "2026-03-10")]
    [InlineData("12/3", "2025-03-12")]
    [InlineData("12 Maret", "2025-03-12")]
    [InlineData("25 Desember", "2025-12-25")]
    [InlineData("Dec 25", "2025-12-25")]
    public void Reads_a_date_without_a_year_as_its_latest_occurrence_up_to_today(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("30/12")]
    [InlineData("30 Desember")]
    [InlineData("30 Des")]
    [InlineData("December 30")]
    [InlineData("30th Dec")]
    public void Reads_30_12_typed_on_5_January_as_last_December(string text)
    {
        Assert.Equal(new DateOnly(2025, 12, 30), TypedDate.ParsePast(text, new DateOnly(2026, 1, 5)));
    }

    [Theory]
    [InlineData("5/1", "2026-01-05")]
    [InlineData("6/1", "2025-01-06")]
    [InlineData("1/1", "2026-01-01")]
    [InlineData("31/12", "2025-12-31")]
    public void Reads_dates_around_the_turn_of_the_year_as_the_latest_that_was(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.ParsePast(text, new DateOnly(2026, 1, 5)));
    }

    [Theory]
    [InlineData("29/2", "2027-03-01", "2024-02-29")]
    [InlineData("29 Februari", "2027-03-01", "2024-02-29")]
    [InlineData("Feb 29", "2028-02-28", "2024-02-29")]
    [InlineData("29/2", "2028-02-29", "2028-02-29")]
    [InlineData("29/2", "2028-03-01", "2028-02-29")]
    public void Reads_29_February_without_a_year_as_the_latest_leap_day_that_was(string text, string today, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.ParsePast(text, Date(today)));
    }

    [Fact]
    public void Reaches_back_across_a_century_year_without_a_leap_day()
    {
        // 2100 has no 29 February, so the latest one before 28 February 2104 is eight years back.
        Assert.Equal(new DateOnly(2096, 2, 29), TypedDate.ParsePast("29/2", new DateOnly(2104, 2, 28)));
    }

    [Theory]
    [InlineData("5/1/2026", "2026-01-05")]
    [InlineData("05/01/26", "2026-01-05")]
    [InlineData("5-1-2025", "2025-01-05")]
    [InlineData("11.3.2026", "2026-03-11")]
    [InlineData("5 Januari 2026", "2026-01-05")]
    [InlineData("tgl. 5 des 25", "2025-12-05")]
    [InlineData("January 5, 2026", "2026-01-05")]
    [InlineData("29/2/2024", "2024-02-29")]
    [InlineData("1/1/2020", "2020-01-01")]
    public void Reads_a_date_with_a_year_as_that_date(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("tgl 10", "2026-03-10")]
    [InlineData("tanggal 11", "2026-03-11")]
    [InlineData("tgl 25", "2026-02-25")]
    [InlineData("tgl 30", "2026-01-30")]
    public void Reads_tgl_and_a_day_as_this_month_unless_it_is_still_to_come(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("Senin, 9 Maret 2026", "2026-03-09")]
    [InlineData("Rabu, 25 Februari", "2026-02-25")]
    [InlineData("hari Sabtu tanggal 7", "2026-03-07")]
    [InlineData("Monday, March 9", "2026-03-09")]
    public void Reads_a_weekday_before_a_date_when_they_agree(string text, string expected)
    {
        Assert.Equal(Date(expected), TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("Senin, 10 Maret")]
    [InlineData("Tuesday, March 9, 2026")]
    [InlineData("Jumat tgl 7")]
    public void Refuses_a_weekday_that_contradicts_the_date(string text)
    {
        Assert.Null(TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("besok")]
    [InlineData("lusa")]
    [InlineData("tomorrow")]
    [InlineData("the day after tomorrow")]
    [InlineData("3 hari lagi")]
    [InlineData("in 3 days")]
    [InlineData("Senin depan")]
    [InlineData("Rabu depan")]
    [InlineData("hari Minggu depan")]
    [InlineData("next Monday")]
    [InlineData("12/3/2026")]
    [InlineData("5 Januari 2027")]
    [InlineData("Kamis, 12 Maret 2026")]
    public void Refuses_a_day_still_to_come(string text)
    {
        Assert.Null(TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData("besok")]
    [InlineData("3 hari lagi")]
    [InlineData("Senin depan")]
    [InlineData("next Monday")]
    [InlineData("12/3/2026")]
    [InlineData("5 Januari 2027")]
    public void Leaves_Parse_to_tell_a_day_still_to_come_from_text_not_understood(string text)
    {
        Assert.Null(TypedDate.ParsePast(text, Today));
        Assert.True(TypedDate.Parse(text, Today) > Today);
    }

    [Theory]
    [InlineData("31/2")]
    [InlineData("30 Februari")]
    [InlineData("29/2/2026")]
    [InlineData("31/4/2025")]
    [InlineData("32 Januari")]
    [InlineData("0/1")]
    [InlineData("5/13")]
    [InlineData("1/1/0000")]
    [InlineData("tgl 32")]
    [InlineData("tgl 0")]
    public void Refuses_a_date_that_does_not_exist(string text)
    {
        Assert.Null(TypedDate.ParsePast(text, Today));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("lupa")]
    [InlineData("tadi")]
    [InlineData("25")]
    [InlineData("lalu")]
    [InlineData("ago")]
    [InlineData("yang lalu")]
    [InlineData("hari lalu")]
    [InlineData("minggu lalu")]
    [InlineData("a week")]
    [InlineData("last week")]
    [InlineData("last")]
    [InlineData("Senin Selasa lalu")]
    [InlineData("12/25")]
    [InlineData("2026-01-05")]
    [InlineData("3661 hari lalu")]
    [InlineData("523 minggu lalu")]
    [InlineData("99999 days ago")]
    [InlineData("-3 hari lalu")]
    [InlineData("tiga hari lalu")]
    [InlineData("3 bulan lalu")]
    public void Returns_nothing_for_text_it_does_not_understand(string? text)
    {
        Assert.Null(TypedDate.ParsePast(text, Today));
    }

    [Fact]
    public void Gives_up_on_a_text_longer_than_any_date()
    {
        var padded = "3" + new string(' ', 80) + "hari lalu";

        Assert.Null(TypedDate.ParsePast(padded, Today));
    }

    [Fact]
    public void Never_throws_at_the_edges_of_the_calendar()
    {
        Assert.Null(TypedDate.ParsePast("kemarin", DateOnly.MinValue));
        Assert.Null(TypedDate.ParsePast("3 hari lalu", DateOnly.MinValue));
        Assert.Null(TypedDate.ParsePast("Senin", DateOnly.MinValue));
        Assert.Null(TypedDate.ParsePast("5/1", DateOnly.MinValue));
        Assert.Null(TypedDate.ParsePast("tgl 2", DateOnly.MinValue));
        Assert.Null(TypedDate.ParsePast("besok", DateOnly.MaxValue));
        Assert.Equal(DateOnly.MinValue, TypedDate.ParsePast("hari ini", DateOnly.MinValue));
        Assert.Equal(DateOnly.MaxValue, TypedDate.ParsePast("31/12", DateOnly.MaxValue));
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
