using Timpora.Core.Parsing;

namespace Timpora.Core.Tests.Parsing;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("0812 3456 7890", "+6281234567890")]
    [InlineData("0812.3456.7890", "+6281234567890")]
    [InlineData("(0812) 3456-7890", "+6281234567890")]
    [InlineData("  0878 1234 567  ", "+628781234567")]
    public void Normalises_a_number_typed_with_zero_eight(string text, string e164)
    {
        var check = PhoneNumber.Parse(text);

        Assert.True(check.IsValid);
        Assert.Equal(e164, check.Number.E164);
    }

    [Theory]
    [InlineData("+62 812 3456 7890")]
    [InlineData("+62-812-3456-7890")]
    [InlineData("+62 (812) 3456.7890")]
    [InlineData("62 812 3456 7890")]
    [InlineData("0062 812 3456 7890")]
    [InlineData("+62 (0)812 3456 7890")]
    [InlineData("812 3456 7890")]
    public void Normalises_a_number_typed_with_the_country_code_or_without_the_zero(string text)
    {
        var check = PhoneNumber.Parse(text);

        Assert.Equal("+6281234567890", check.Number?.E164);
    }

    [Theory]
    [InlineData("6281234567890")]
    [InlineData("+6281234567890")]
    public void Accepts_a_phone_from_a_Telegram_shared_contact(string text)
    {
        var check = PhoneNumber.Parse(text);

        Assert.Equal("+6281234567890", check.Number?.E164);
    }

    [Theory]
    [InlineData("0812345678", "+62812345678")]
    [InlineData("0812345678901", "+62812345678901")]
    [InlineData("+62812345678", "+62812345678")]
    [InlineData("+62812345678901", "+62812345678901")]
    public void Accepts_the_shortest_and_the_longest_mobile_numbers(string text, string e164)
    {
        var check = PhoneNumber.Parse(text);

        Assert.Equal(e164, check.Number?.E164);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejects_an_empty_phone_number(string? text)
    {
        var check = PhoneNumber.Parse(text);

        Assert.False(check.IsValid);
        Assert.Equal(PhoneProblem.Empty, check.Problem);
    }

    [Theory]
    [InlineData("belum ada")]
    [InlineData("0812-3456-789O")]
    [InlineData("0812 3456 7890 ext 12")]
    [InlineData("0812/3456/7890")]
    [InlineData("++6281234567890")]
    [InlineData("0812+34567890")]
    [InlineData("+")]
    [InlineData("( - )")]
    [InlineData("٠٨١٢٣٤٥٦٧٨٩٠")]
    public void Rejects_text_that_is_not_a_number(string text)
    {
        var check = PhoneNumber.Parse(text);

        Assert.Equal(PhoneProblem.NotANumber, check.Problem);
        Assert.Null(check.Number);
    }

    [Theory]
    [InlineData("(0254) 209489")]
    [InlineData("0254-200-099")]
    [InlineData("021 500 500")]
    [InlineData("+62 254 209489")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("0044 7911 123456")]
    [InlineData("+1 202 555 0143")]
    [InlineData("447911123456")]
    public void Rejects_a_landline_or_a_foreign_number_as_not_mobile(string text)
    {
        var check = PhoneNumber.Parse(text);

        Assert.Equal(PhoneProblem.NotMobile, check.Problem);
    }

    [Theory]
    [InlineData("081234567")]
    [InlineData("0812-345")]
    [InlineData("+62812")]
    [InlineData("+62")]
    [InlineData("0")]
    public void Rejects_a_number_that_is_too_short(string text)
    {
        var check = PhoneNumber.Parse(text);

        Assert.Equal(PhoneProblem.TooShort, check.Problem);
    }

    [Theory]
    [InlineData("08123456789012")]
    [InlineData("+62 812 3456 7890 12")]
    [InlineData("0812 3456 7890 0812 3456 7890")]
    public void Rejects_a_number_that_is_too_long(string text)
    {
        var check = PhoneNumber.Parse(text);

        Assert.Equal(PhoneProblem.TooLong, check.Problem);
    }

    [Theory]
    [InlineData("+62812345678", "+62812***678")]
    [InlineData("+628123456789", "+62812****789")]
    [InlineData("+6281234567890", "+62812*****890")]
    [InlineData("+62812345678901", "+62812******901")]
    public void Masks_all_but_the_country_code_the_first_three_and_the_last_three_digits(string e164, string masked)
    {
        var number = new PhoneNumber(e164);

        Assert.Equal(masked, number.Masked);
    }

    [Fact]
    public void Never_prints_the_whole_number_by_accident()
    {
        var check = PhoneNumber.Parse("0812-3456-789");

        Assert.Equal("+62812****789", check.Number!.ToString());
        Assert.Equal("HP +62812****789", $"HP {check.Number}");
        Assert.DoesNotContain("8123456789", check.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+62812345678", "+62 812-345-678")]
    [InlineData("+628123456789", "+62 812-3456-789")]
    [InlineData("+6281234567890", "+62 812-3456-7890")]
    [InlineData("+62812345678901", "+62 812-345-678-901")]
    public void Groups_the_digits_for_people_to_read(string e164, string display)
    {
        var number = new PhoneNumber(e164);

        Assert.Equal(display, number.Display);
    }

    [Theory]
    [InlineData("081234567890")]
    [InlineData("+62254209489")]
    [InlineData("+6281234567")]
    [InlineData("+62812345678901234")]
    [InlineData("+62812-3456-7890")]
    [InlineData("")]
    public void Refuses_to_hold_a_number_that_is_not_normalised(string e164)
    {
        Assert.Throws<ArgumentException>(() => new PhoneNumber(e164));
    }

    [Fact]
    public void Treats_the_same_number_typed_differently_as_the_same_number()
    {
        var domestic = PhoneNumber.Parse("0812-3456-7890").Number;
        var shared = PhoneNumber.Parse("6281234567890").Number;

        Assert.Equal(domestic, shared);
    }
}
