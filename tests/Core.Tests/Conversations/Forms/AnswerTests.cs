using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Messaging;
using Timpora.Core.Places;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;

namespace Timpora.Core.Tests.Conversations.Forms;

/// <summary>Each kind of answer on its own: how it asks, what it takes and how it explains what it refuses.</summary>
public sealed class AnswerTests
{
    private const string Cilegon = "Kantor Imigrasi Kelas II TPI Cilegon";
    private const long TenMegabytes = 10 * 1024 * 1024;

    private static readonly ConversationAddress Address = new(Channel.Telegram, "1001");

    // Pick

    [Fact]
    public async Task Pick_asks_with_one_labelled_button_a_row()
    {
        var question = await new Pick<VisitService>("Visit.Service").AskAsync(Asking(Typed("")), default);

        Assert.All(question.Choices, row => Assert.Single(row));
        Assert.Equal(
            [T("Visit.Service.NewPassport"), T("Visit.Service.PassportReplacement"), T("Visit.Service.StayPermit")],
            question.Choices.Select(r => r[0].Label));
        Assert.Equal(
            ["v1:sample:a:step:NewPassport", "v1:sample:a:step:PassportReplacement", "v1:sample:a:step:StayPermit"],
            question.Choices.Select(r => r[0].Payload));
        Assert.Null(question.Keyboard);
    }

    [Theory]
    [InlineData("NewPassport", VisitService.NewPassport)]
    [InlineData("StayPermit", VisitService.StayPermit)]
    public async Task Pick_takes_a_pressed_name(string pressed, VisitService expected)
    {
        var parsed = await new Pick<VisitService>("Visit.Service").ReadAsync(Asking(Typed("")), Pressed(pressed), default);

        Assert.True(parsed.Ok);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("99")]
    [InlineData("-1")]
    public async Task Pick_refuses_a_forged_number(string pressed)
    {
        var parsed = await new Pick<VisitService>("Visit.Service").ReadAsync(Asking(Typed("")), Pressed(pressed), default);

        Assert.False(parsed.Ok);
        Assert.Equal(T("Form.PickOne"), parsed.Problem);
    }

    [Theory]
    [InlineData("Visa")]
    [InlineData("newpassport")]
    public async Task Pick_refuses_a_name_it_does_not_know(string pressed)
    {
        var parsed = await new Pick<VisitService>("Visit.Service").ReadAsync(Asking(Typed("")), Pressed(pressed), default);

        Assert.False(parsed.Ok);
        Assert.Equal(T("Form.PickOne"), parsed.Problem);
    }

    [Fact]
    public async Task Pick_offers_and_takes_only_the_allowed_options()
    {
        var pick = new Pick<VisitService>("Visit.Service", [VisitService.NewPassport, VisitService.PassportReplacement]);

        var question = await pick.AskAsync(Asking(Typed("")), default);
        var parsed = await pick.ReadAsync(Asking(Typed("")), Pressed("StayPermit"), default);

        Assert.Equal(["v1:sample:a:step:NewPassport", "v1:sample:a:step:PassportReplacement"], question.Choices.SelectMany(r => r).Select(b => b.Payload));
        Assert.False(parsed.Ok);
        Assert.Equal(T("Form.PickOne"), parsed.Problem);
    }

    [Fact]
    public async Task Pick_takes_only_buttons_not_a_typed_name()
    {
        var message = Typed("NewPassport");

        var parsed = await new Pick<VisitService>("Visit.Service").ReadAsync(Asking(message), new Reply(message, null), default);

        Assert.False(parsed.Ok);
    }

    [Fact]
    public void Pick_lets_typed_numbers_choose_its_buttons()
    {
        IAnswer<VisitService> pick = new Pick<VisitService>("Visit.Service");

        Assert.True(pick.NumbersPickButtons);
        Assert.False(pick.UsesKeyboard);
    }

    // Count

    [Fact]
    public async Task Count_asks_with_the_numbers_five_a_row()
    {
        var question = await new Count(1, 7).AskAsync(Asking(Typed("")), default);

        Assert.Equal(["1 2 3 4 5", "6 7"], question.Choices.Select(r => string.Join(' ', r.Select(b => b.Label))));
        Assert.Equal("v1:sample:a:step:6", question.Choices[1][0].Payload);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    [InlineData(" 3 ", 3)]
    public async Task Count_takes_a_typed_number_in_range(string typed, int expected)
    {
        var message = Typed(typed);

        var parsed = await new Count(1, 5).ReadAsync(Asking(message), new Reply(message, null), default);

        Assert.True(parsed.Ok);
        Assert.Equal(expected, parsed.Value);
    }

    [Fact]
    public async Task Count_takes_a_pressed_number()
    {
        var parsed = await new Count(1, 5).ReadAsync(Asking(Typed("")), Pressed("4"), default);

        Assert.Equal(4, parsed.Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("3.5")]
    [InlineData("3,5")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task Count_refuses_anything_else_with_the_range(string typed)
    {
        var message = Typed(typed);

        var parsed = await new Count(1, 5).ReadAsync(Asking(message), new Reply(message, null), default);

        Assert.False(parsed.Ok);
        Assert.Equal(T("Form.CountRange", 1, 5), parsed.Problem);
    }

    [Fact]
    public async Task Count_refuses_a_forged_press_out_of_range()
    {
        var parsed = await new Count(1, 5).ReadAsync(Asking(Typed("")), Pressed("9"), default);

        Assert.False(parsed.Ok);
    }

    [Fact]
    public void Count_keeps_typed_numbers_for_itself()
    {
        Assert.False(((IAnswer<int>)new Count(1, 5)).NumbersPickButtons);
    }

    // FreeText

    [Theory]
    [InlineData("abc")]
    [InlineData("abcdefghij")]
    [InlineData("🙏🏽🙏🏽🙏🏽")]
    [InlineData("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧")]
    public async Task FreeText_takes_text_from_the_shortest_to_the_longest_in_characters_as_people_see_them(string text)
    {
        var parsed = await ReadText(new FreeText(3, 10), text);

        Assert.True(parsed.Ok);
        Assert.Equal(text, parsed.Value);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("🙏🙏")]
    [InlineData("   ab   ")]
    public async Task FreeText_refuses_text_that_is_too_short(string text)
    {
        var parsed = await ReadText(new FreeText(3, 10), text);

        Assert.False(parsed.Ok);
        Assert.Equal(T("Form.TextTooShort", 3), parsed.Problem);
    }

    [Theory]
    [InlineData("abcdefghijk", 11)]
    [InlineData("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 11)]
    public async Task FreeText_refuses_text_that_is_too_long_saying_how_long_it_is(string text, int length)
    {
        var parsed = await ReadText(new FreeText(3, 10), text);

        Assert.False(parsed.Ok);
        Assert.Equal(T("Form.TextTooLong", 10, length), parsed.Problem);
    }

    [Fact]
    public async Task FreeText_trims_the_answer()
    {
        var parsed = await ReadText(new FreeText(3, 10), "  Siti  ");

        Assert.Equal("Siti", parsed.Value);
    }

    [Fact]
    public async Task FreeText_refuses_a_location()
    {
        var message = new IncomingMessage(Address, IncomingKind.Location) { Location = new GeoPoint(-6.12, 106.15) };

        var parsed = await new FreeText(3, 10).ReadAsync(Asking(message), new Reply(message, null), default);

        Assert.False(parsed.Ok);
        Assert.Equal(T("Form.ExpectText"), parsed.Problem);
    }

    [Fact]
    public async Task FreeText_refuses_a_photo_with_a_caption()
    {
        var message = new IncomingMessage(Address, IncomingKind.Photo) { Text = "Siti Aminah", File = Photo(1000) };

        var parsed = await new FreeText(3, 10).ReadAsync(Asking(message), new Reply(message, null), default);

        Assert.False(parsed.Ok);
        Assert.Equal(T("Form.ExpectText"), parsed.Problem);
    }

    // NikAnswer

    [Theory]
    [InlineData("3604014501900003")]
    [InlineData("3604 0145 0190 0003")]
    [InlineData("3604.0145.0190.0003")]
    public async Task Nik_takes_a_valid_NIK_as_its_sixteen_digits(string typed)
    {
        var parsed = await ReadText(new NikAnswer(), typed);

        Assert.True(parsed.Ok);
        Assert.Equal("3604014501900003", parsed.Value);
    }

    [Fact]
    public async Task Nik_refuses_fifteen_digits_saying_how_many_were_typed()
    {
        var parsed = await ReadText(new NikAnswer(), "360401450190003");

        Assert.False(parsed.Ok);
        Assert.Equal(T("Form.Nik.TooShort", 15), parsed.Problem);
        Assert.Contains("15", parsed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nik_refuses_letters()
    {
        var parsed = await ReadText(new NikAnswer(), "36040145019OOOO3");

        Assert.Equal(T("Form.Nik.NotDigits"), parsed.Problem);
    }

    [Fact]
    public async Task Nik_refuses_an_unknown_province()
    {
        var parsed = await ReadText(new NikAnswer(), "9904014501900003");

        Assert.Equal(T("Form.Nik.UnknownProvince"), parsed.Problem);
    }

    [Fact]
    public async Task Nik_refuses_a_press()
    {
        var parsed = await new NikAnswer().ReadAsync(Asking(Typed("")), Pressed("3604014501900003"), default);

        Assert.Equal(T("Form.Nik.Empty"), parsed.Problem);
    }

    [Fact]
    public void Nik_keeps_typed_numbers_for_itself()
    {
        Assert.False(((IAnswer<string>)new NikAnswer()).NumbersPickButtons);
    }

    // PhoneAnswer

    [Theory]
    [InlineData("0812-3456-7890")]
    [InlineData("081234567890")]
    [InlineData("+62 812 3456 7890")]
    public async Task Phone_takes_a_typed_mobile_number_as_E164(string typed)
    {
        var parsed = await ReadText(new PhoneAnswer(), typed);

        Assert.True(parsed.Ok);
        Assert.Equal("+6281234567890", parsed.Value);
    }

    [Fact]
    public async Task Phone_takes_a_shared_contact()
    {
        var message = new IncomingMessage(Address, IncomingKind.Contact) { Contact = new SharedContact("6281234567890", "Siti", IsSender: true) };

        var parsed = await new PhoneAnswer().ReadAsync(Asking(message), new Reply(message, null), default);

        Assert.True(parsed.Ok);
        Assert.Equal("+6281234567890", parsed.Value);
    }

    [Fact]
    public async Task Phone_refuses_a_landline()
    {
        var parsed = await ReadText(new PhoneAnswer(), "(0254) 209489");

        Assert.False(parsed.Ok);
        Assert.Equal(T("Form.Phone.NotMobile"), parsed.Problem);
    }

    [Fact]
    public async Task Phone_refuses_words()
    {
        var parsed = await ReadText(new PhoneAnswer(), "nomor saya");

        Assert.Equal(T("Form.Phone.NotANumber"), parsed.Problem);
    }

    [Fact]
    public async Task Phone_asks_with_a_keyboard_that_shares_the_contact()
    {
        IAnswer<string> phone = new PhoneAnswer();

        var question = await phone.AskAsync(Asking(Typed("")), default);

        var key = Assert.Single(Assert.Single(question.Keyboard!.Rows));
        Assert.Equal(KeyRequest.Contact, key.Request);
        Assert.Equal(T("Form.Phone.Share"), key.Label);
        Assert.Empty(question.Choices);
        Assert.True(phone.UsesKeyboard);
        Assert.False(phone.NumbersPickButtons);
    }

    // PhotoAnswer

    [Fact]
    public async Task Photo_takes_a_photo_by_its_file_id()
    {
        var parsed = await ReadFile(new PhotoAnswer(TenMegabytes), IncomingKind.Photo, Photo(2_000_000));

        Assert.True(parsed.Ok);
        Assert.Equal("photo-1", parsed.Value);
    }

    [Fact]
    public async Task Photo_takes_an_image_sent_as_a_file()
    {
        var parsed = await ReadFile(new PhotoAnswer(TenMegabytes), IncomingKind.Document, new IncomingFile("doc-1", 3_000_000, "image/png", "surat.png", IsPhoto: false));

        Assert.True(parsed.Ok);
        Assert.Equal("doc-1", parsed.Value);
    }

    [Fact]
    public async Task Photo_takes_one_exactly_as_big_as_allowed()
    {
        var parsed = await ReadFile(new PhotoAnswer(TenMegabytes), IncomingKind.Photo, Photo(TenMegabytes));

        Assert.True(parsed.Ok);
    }

    [Fact]
    public async Task Photo_refuses_a_PDF()
    {
        var parsed = await ReadFile(new PhotoAnswer(TenMegabytes), IncomingKind.Document, new IncomingFile("doc-1", 3_000_000, "application/pdf", "surat.pdf", IsPhoto: false));

        Assert.False(parsed.Ok);
        Assert.Equal(T("Form.Photo.Expected"), parsed.Problem);
    }

    [Fact]
    public async Task Photo_refuses_one_too_big_naming_the_limit_in_megabytes()
    {
        var parsed = await ReadFile(new PhotoAnswer(TenMegabytes), IncomingKind.Photo, Photo(TenMegabytes + 1));

        Assert.False(parsed.Ok);
        Assert.Equal(T("Form.Photo.TooBig", 10), parsed.Problem);
        Assert.Contains("10 MB", parsed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Photo_refuses_text()
    {
        var parsed = await ReadText(new PhotoAnswer(TenMegabytes), "nanti saja");

        Assert.Equal(T("Form.Photo.Expected"), parsed.Problem);
    }

    // PlaceAnswer

    [Fact]
    public async Task Place_takes_a_pin_in_Serang()
    {
        var parsed = await ReadPin(-6.12, 106.15);

        Assert.True(parsed.Ok);
        Assert.Equal(new GeoPoint(-6.12, 106.15), parsed.Value!.Point);
        Assert.Null(parsed.Value.Address);
    }

    [Fact]
    public async Task Place_refuses_a_pin_in_Cilegon_naming_the_Cilegon_office()
    {
        var parsed = await ReadPin(-6.00, 106.05);

        Assert.False(parsed.Ok);
        Assert.Equal(T("Place.Outside", Cilegon), parsed.Problem);
    }

    [Fact]
    public async Task Place_refuses_invalid_coordinates()
    {
        var parsed = await ReadPin(106.15, -6.12);

        Assert.False(parsed.Ok);
        Assert.Equal(T("Place.Unknown"), parsed.Problem);
    }

    [Fact]
    public async Task Place_takes_a_typed_address_with_its_region()
    {
        var parsed = await ReadText(PlaceInArea(), "Jl. Ahmad Yani 10, Kec. Serang, Kota Serang");

        Assert.True(parsed.Ok);
        Assert.Equal(Place.Typed("Jl. Ahmad Yani 10, Kec. Serang, Kota Serang", "Kota Serang"), parsed.Value);
    }

    [Fact]
    public async Task Place_takes_an_address_just_long_enough()
    {
        var parsed = await ReadText(PlaceInArea(), "Kp. Serang");

        Assert.True(parsed.Ok);
        Assert.Equal("Serang", parsed.Value!.Region);
    }

    [Fact]
    public async Task Place_refuses_a_typed_address_in_Cilegon_naming_the_Cilegon_office()
    {
        var parsed = await ReadText(PlaceInArea(), "Jl. Raya Merak 5, Kota Cilegon");

        Assert.Equal(T("Place.Outside", Cilegon), parsed.Problem);
    }

    [Fact]
    public async Task Place_asks_for_the_region_when_the_address_names_none()
    {
        var parsed = await ReadText(PlaceInArea(), "Jl. Kaligandu No. 5, RT 03/11");

        Assert.False(parsed.Ok);
        Assert.Equal(T("Place.Unknown"), parsed.Problem);
    }

    [Theory]
    [InlineData("Serang")]
    [InlineData("Jl Serang")]
    public async Task Place_refuses_an_address_too_short_to_find(string typed)
    {
        var parsed = await ReadText(PlaceInArea(), typed);

        Assert.False(parsed.Ok);
        Assert.Equal(T("Place.AddressLength", 10, 300), parsed.Problem);
    }

    [Fact]
    public async Task Place_refuses_an_address_longer_than_an_address()
    {
        var parsed = await ReadText(PlaceInArea(), "Kec. Serang, Kota Serang " + new string('x', 300));

        Assert.Equal(T("Place.AddressLength", 10, 300), parsed.Problem);
    }

    [Fact]
    public async Task Place_refuses_a_photo_even_with_an_address_as_its_caption()
    {
        var message = new IncomingMessage(Address, IncomingKind.Photo) { Text = "Jl. Ahmad Yani 10, Kec. Serang, Kota Serang", File = Photo(1000) };

        var parsed = await PlaceInArea().ReadAsync(Asking(message), new Reply(message, null), default);

        Assert.False(parsed.Ok);
        Assert.Equal(T("Place.Expected"), parsed.Problem);
    }

    [Fact]
    public async Task Place_asks_with_a_keyboard_that_shares_the_location()
    {
        IAnswer<Place> place = PlaceInArea();

        var question = await place.AskAsync(Asking(Typed("")), default);

        var key = Assert.Single(Assert.Single(question.Keyboard!.Rows));
        Assert.Equal(KeyRequest.Location, key.Request);
        Assert.Equal(T("Place.ShareLocation"), key.Label);
        Assert.True(place.UsesKeyboard);
        Assert.False(place.NumbersPickButtons);
    }

    // Every answer speaks the person's language.

    [Fact]
    public async Task Explains_in_English_to_a_person_who_reads_English()
    {
        var message = Typed("360401450190003");

        var parsed = await new NikAnswer().ReadAsync(Asking(message, Language.English), new Reply(message, null), default);

        Assert.Equal(Texts.Format(Language.English, "Form.Nik.TooShort", 15), parsed.Problem);
    }

    private static string T(string key, params object?[] args) =>
        args.Length == 0 ? Texts.Get(Language.Indonesian, key) : Texts.Format(Language.Indonesian, key, args);

    private static PlaceAnswer PlaceInArea() => new(new WorkingArea(Options.Create(Some.Area())));

    private static IncomingMessage Typed(string text) => new(Address, IncomingKind.Text) { Text = text };

    private static Reply Pressed(string value) =>
        new(new IncomingMessage(Address, IncomingKind.Button) { Payload = $"v1:sample:a:step:{value}" }, value);

    private static IncomingFile Photo(long size) => new("photo-1", size, null, null, IsPhoto: true);

    private static Asking Asking(IncomingMessage message, Language language = Language.Indonesian)
    {
        var conversation = new Conversation("abc", language, Some.Now.UtcDateTime);
        var turn = new Turn(message, conversation, Some.Now, (_, _, _) => Task.CompletedTask, (_, _, _) => Task.CompletedTask);
        return new Asking(turn, "sample", "step", new SampleDraft());
    }

    private static async Task<Parsed<T>> ReadText<T>(IAnswer<T> answer, string text)
    {
        var message = Typed(text);
        return await answer.ReadAsync(Asking(message), new Reply(message, null), default);
    }

    private static async Task<Parsed<string>> ReadFile(PhotoAnswer answer, IncomingKind kind, IncomingFile file)
    {
        var message = new IncomingMessage(Address, kind) { File = file };
        return await answer.ReadAsync(Asking(message), new Reply(message, null), default);
    }

    private static async Task<Parsed<Place>> ReadPin(double latitude, double longitude)
    {
        var message = new IncomingMessage(Address, IncomingKind.Location) { Location = new GeoPoint(latitude, longitude) };
        return await PlaceInArea().ReadAsync(Asking(message), new Reply(message, null), default);
    }
}
