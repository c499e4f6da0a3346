using Timpora.Core.Parsing;

namespace Timpora.Core.Tests.Parsing;

public sealed class NikTests
{
    // Kab. Serang, a woman born 5 January 1990, serial 0003.
    private const string SerangWoman = "3604014501900003";

    public static TheoryData<string> ListedProvinces =>
    [
        "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
        "31", "32", "33", "34", "35", "36", "51", "52", "53",
        "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
        "81", "82", "91", "92", "93", "94", "95", "96",
    ];

    [Fact]
    public void Accepts_a_woman_s_NIK_with_day_plus_forty()
    {
        var check = Nik.Parse(SerangWoman);

        Assert.True(check.IsValid);
        Assert.Null(check.Problem);
        Assert.Equal(SerangWoman, check.Nik.Value);
        Assert.True(check.Nik.IsFemale);
        Assert.Equal(5, check.Nik.BirthDay);
        Assert.Equal(1, check.Nik.BirthMonth);
        Assert.Equal(90, check.Nik.BirthYearTwoDigits);
    }

    [Theory]
    [InlineData("3673020512850001", 5, 12, 85)]
    [InlineData("3604010101000001", 1, 1, 0)]
    [InlineData("3671013112991234", 31, 12, 99)]
    public void Reads_a_man_s_birth_day_as_typed(string text, int day, int month, int year)
    {
        var nik = Nik.Parse(text).Nik;

        Assert.NotNull(nik);
        Assert.False(nik.IsFemale);
        Assert.Equal(day, nik.BirthDay);
        Assert.Equal(month, nik.BirthMonth);
        Assert.Equal(year, nik.BirthYearTwoDigits);
    }

    [Theory]
    [InlineData("01", false, 1)]
    [InlineData("31", false, 31)]
    [InlineData("41", true, 1)]
    [InlineData("71", true, 31)]
    public void Accepts_the_first_and_last_day_for_men_and_women(string dd, bool female, int day)
    {
        var nik = Nik.Parse($"360401{dd}01900003").Nik;

        Assert.NotNull(nik);
        Assert.Equal(female, nik.IsFemale);
        Assert.Equal(day, nik.BirthDay);
    }

    [Theory]
    [InlineData("3604 0145 0190 0003")]
    [InlineData("3604.0145.0190.0003")]
    [InlineData("36-04-01-450190-0003")]
    [InlineData("  3604014501900003  ")]
    [InlineData("3604 01 45 01 90 0003")]
    [InlineData("3604\u00a00145\t0190 - 0003.")]
    public void Strips_spaces_dots_and_dashes_between_digits(string text)
    {
        var check = Nik.Parse(text);

        Assert.True(check.IsValid);
        Assert.Equal(SerangWoman, check.Nik.Value);
    }

    [Theory]
    [MemberData(nameof(ListedProvinces))]
    public void Accepts_every_listed_province(string province)
    {
        var check = Nik.Parse($"{province}04014501900003");

        Assert.True(check.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - . ")]
    public void Rejects_an_empty_NIK(string? text)
    {
        var check = Nik.Parse(text);

        Assert.False(check.IsValid);
        Assert.Equal(NikProblem.Empty, check.Problem);
        Assert.Equal(0, check.Digits);
    }

    [Theory]
    [InlineData("36040145O1900003")]
    [InlineData("NIK 3604014501900003")]
    [InlineData("3604/0145/0190/0003")]
    [InlineData("3604,0145,0190,0003")]
    [InlineData("+3604014501900003")]
    [InlineData("belum punya")]
    [InlineData("٣٦٠٤٠١٤٥٠١٩٠٠٠٠٣")]
    public void Rejects_a_NIK_with_anything_but_digits_and_separators(string text)
    {
        var check = Nik.Parse(text);

        Assert.Equal(NikProblem.NotDigits, check.Problem);
        Assert.Null(check.Nik);
    }

    [Theory]
    [InlineData("360401450190000", 15)]
    [InlineData("3604 0145 0190 000", 15)]
    [InlineData("360401450190", 12)]
    [InlineData("3", 1)]
    public void Rejects_a_NIK_with_fifteen_digits_or_fewer_and_tells_how_many(string text, int digits)
    {
        var check = Nik.Parse(text);

        Assert.Equal(NikProblem.TooShort, check.Problem);
        Assert.Equal(digits, check.Digits);
    }

    [Theory]
    [InlineData("36040145019000031", 17)]
    [InlineData("3604 0145 0190 0003 3604", 20)]
    public void Rejects_a_NIK_with_seventeen_digits_or_more_and_tells_how_many(string text, int digits)
    {
        var check = Nik.Parse(text);

        Assert.Equal(NikProblem.TooLong, check.Problem);
        Assert.Equal(digits, check.Digits);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("10")]
    [InlineData("20")]
    [InlineData("22")]
    [InlineData("30")]
    [InlineData("37")]
    [InlineData("50")]
    [InlineData("54")]
    [InlineData("60")]
    [InlineData("66")]
    [InlineData("70")]
    [InlineData("77")]
    [InlineData("80")]
    [InlineData("83")]
    [InlineData("90")]
    [InlineData("97")]
    [InlineData("99")]
    public void Rejects_a_province_code_that_is_not_listed(string province)
    {
        var check = Nik.Parse($"{province}04014501900003");

        Assert.Equal(NikProblem.UnknownProvince, check.Problem);
        Assert.Equal(16, check.Digits);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("32")]
    [InlineData("39")]
    [InlineData("40")]
    [InlineData("72")]
    [InlineData("99")]
    public void Rejects_a_day_that_is_neither_a_man_s_nor_a_woman_s(string dd)
    {
        var check = Nik.Parse($"360401{dd}01900003");

        Assert.Equal(NikProblem.BadDay, check.Problem);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("13")]
    [InlineData("45")]
    public void Rejects_a_month_outside_one_to_twelve(string mm)
    {
        var check = Nik.Parse($"36040145{mm}900003");

        Assert.Equal(NikProblem.BadMonth, check.Problem);
    }

    [Fact]
    public void Rejects_a_zero_serial()
    {
        var check = Nik.Parse("3604014501900000");

        Assert.Equal(NikProblem.ZeroSerial, check.Problem);
    }

    [Theory]
    [InlineData("9904000000000000", NikProblem.UnknownProvince)]
    [InlineData("3604000000000000", NikProblem.BadDay)]
    [InlineData("3604010100000000", NikProblem.BadMonth)]
    [InlineData("3604010101000000", NikProblem.ZeroSerial)]
    public void Reports_only_the_first_problem_reading_left_to_right(string text, NikProblem problem)
    {
        var check = Nik.Parse(text);

        Assert.Equal(problem, check.Problem);
    }

    [Fact]
    public void Accepts_a_region_outside_Serang_and_a_birth_date_that_does_not_exist()
    {
        var check = Nik.Parse("9601017102000001");

        Assert.True(check.IsValid);
        Assert.Equal(31, check.Nik.BirthDay);
        Assert.Equal(2, check.Nik.BirthMonth);
    }

    [Fact]
    public void Masks_all_but_the_first_and_last_four_digits()
    {
        var nik = Nik.Parse(SerangWoman).Nik!;

        Assert.Equal("3604********0003", nik.Masked);
    }

    [Fact]
    public void Never_prints_the_whole_NIK_by_accident()
    {
        var check = Nik.Parse(SerangWoman);

        Assert.Equal("3604********0003", check.Nik!.ToString());
        Assert.Equal("NIK 3604********0003", $"NIK {check.Nik}");
        Assert.DoesNotContain(SerangWoman, check.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Treats_the_same_digits_typed_differently_as_the_same_NIK()
    {
        var plain = Nik.Parse(SerangWoman).Nik;
        var spaced = Nik.Parse("3604 0145 0190 0003").Nik;

        Assert.Equal(plain, spaced);
    }
}
