using System.Net;
using Timpora.Bot.Telegram;
using Timpora.Core.Messaging;
using CoreVenue = Timpora.Core.Messaging.Venue;

namespace Timpora.Bot.Tests.Telegram;

public sealed class TelegramSenderTests
{
    private const string SentMessage = """{"message_id":1,"date":1767225600,"chat":{"id":42,"type":"private"}}""";

    private static readonly CoreVenue Office = new(new GeoPoint(-6.1201, 106.1503), "Kanim Serang", "Jl. Raya Serang-Pandeglang KM 5");

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];

    private readonly StubHttpHandler _stub = StubHttpHandler.Ok(SentMessage);

    [Fact]
    public async Task Sends_html_text_without_link_previews()
    {
        await Deliver(OutgoingMessage.Say("<b>Halo</b> &amp; selamat datang"));

        var body = _stub.Last.Json;
        Assert.EndsWith("/sendMessage", _stub.Last.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(42, body.GetProperty("chat_id").GetInt64());
        Assert.Equal("<b>Halo</b> &amp; selamat datang", body.GetProperty("text").GetString());
        Assert.Equal("HTML", body.GetProperty("parse_mode").GetString());
        Assert.True(body.GetProperty("link_preview_options").GetProperty("is_disabled").GetBoolean());
        Assert.False(body.TryGetProperty("reply_markup", out _));
    }

    [Fact]
    public async Task Sends_inline_buttons_as_rows_of_callback_data()
    {
        await Deliver(OutgoingMessage.Say("Pilih jam") with
        {
            Buttons = [[new Button("09.00", "v1:jb:slot:0900"), new Button("10.00", "v1:jb:slot:1000")], [new Button("Batal", "v1:cancel")]],
        });

        var markup = _stub.Last.Json.GetProperty("reply_markup");
        Assert.Equal(
            """{"inline_keyboard":[[{"text":"09.00","callback_data":"v1:jb:slot:0900"},{"text":"10.00","callback_data":"v1:jb:slot:1000"}],[{"text":"Batal","callback_data":"v1:cancel"}]]}""",
            markup.GetRawText());
    }

    [Fact]
    public async Task Sends_a_one_time_keyboard_that_asks_for_a_location_or_a_contact()
    {
        await Deliver(OutgoingMessage.Say("Kirim lokasi") with
        {
            Keyboard = new ReplyKeyboard([[new KeyButton("Kirim lokasi", KeyRequest.Location)], [new KeyButton("Kirim nomor", KeyRequest.Contact), new KeyButton("Lewati")]]),
        });

        Assert.Equal(
            """{"keyboard":[[{"text":"Kirim lokasi","request_location":true}],[{"text":"Kirim nomor","request_contact":true},{"text":"Lewati"}]],"resize_keyboard":true,"one_time_keyboard":true}""",
            _stub.Last.Json.GetProperty("reply_markup").GetRawText());
    }

    [Fact]
    public async Task Removes_the_keyboard()
    {
        await Deliver(OutgoingMessage.Say("Terima kasih") with { Keyboard = ReplyKeyboard.Removed });

        Assert.Equal("""{"remove_keyboard":true}""", _stub.Last.Json.GetProperty("reply_markup").GetRawText());
    }

    [Fact]
    public async Task Prefers_inline_buttons_over_removing_the_keyboard_when_there_is_only_text()
    {
        await Deliver(OutgoingMessage.Say("Benar?") with { Buttons = [[new Button("Ya", "v1:yes")]], Keyboard = ReplyKeyboard.Removed });

        Assert.True(_stub.Last.Json.GetProperty("reply_markup").TryGetProperty("inline_keyboard", out _));
    }

    [Fact]
    public async Task Sends_the_text_before_the_venue()
    {
        await Deliver(OutgoingMessage.Say("Alamat kantor:") with { Venue = Office });

        Assert.Equal(["sendMessage", "sendVenue"], _stub.Requests.Select(request => request.Uri.Segments[^1]));
        Assert.Equal(
            """{"chat_id":42,"latitude":-6.1201,"longitude":106.1503,"title":"Kanim Serang","address":"Jl. Raya Serang-Pandeglang KM 5"}""",
            _stub.Last.Body);
    }

    [Fact]
    public async Task Puts_a_location_keyboard_on_the_text_and_the_inline_buttons_on_the_venue()
    {
        await Deliver(OutgoingMessage.Say("Kirim lokasi Anda") with
        {
            Venue = Office,
            Buttons = [[new Button("Batal", "v1:cancel")]],
            Keyboard = new ReplyKeyboard([[new KeyButton("Kirim lokasi", KeyRequest.Location)]]),
        });

        Assert.True(_stub.Requests[0].Json.GetProperty("reply_markup").TryGetProperty("keyboard", out _));
        Assert.True(_stub.Requests[1].Json.GetProperty("reply_markup").TryGetProperty("inline_keyboard", out _));
    }

    [Fact]
    public async Task Sends_the_photo_before_the_text_and_keeps_the_buttons_on_the_text()
    {
        await Deliver(OutgoingMessage.Say("Foto dari pelapor") with { PhotoId = "AgACAgUAAx0", Buttons = [[new Button("Klaim", "v1:rep:claim:1")]] });

        Assert.Equal(["sendPhoto", "sendMessage"], _stub.Requests.Select(request => request.Uri.Segments[^1]));
        Assert.Equal("""{"chat_id":42,"photo":"AgACAgUAAx0"}""", _stub.Requests[0].Body);
        Assert.True(_stub.Requests[1].Json.GetProperty("reply_markup").TryGetProperty("inline_keyboard", out _));
    }

    [Fact]
    public async Task Puts_the_buttons_on_a_photo_sent_alone()
    {
        await Deliver(new OutgoingMessage { PhotoId = "AgACAgUAAx0", Buttons = [[new Button("Klaim", "v1:rep:claim:1")]] });

        Assert.Equal(["sendPhoto"], _stub.Requests.Select(request => request.Uri.Segments[^1]));
        Assert.True(_stub.Last.Json.GetProperty("reply_markup").TryGetProperty("inline_keyboard", out _));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "photo.jpg")]
    [InlineData(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "photo.png")]
    public async Task Uploads_photo_bytes_under_a_name_that_matches_their_format(byte[] photo, string fileName)
    {
        await Deliver(new OutgoingMessage { PhotoBytes = photo });

        var upload = Assert.Single(_stub.Requests);
        Assert.EndsWith("/sendPhoto", upload.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("multipart/form-data", upload.MediaType);
        Assert.Equal("42", upload.Field("chat_id"));
        var file = Assert.Single(upload.Parts, p => p.Name == "photo");
        Assert.Equal(fileName, file.FileName);
        Assert.Equal(photo, file.Bytes);
        Assert.Null(upload.Field("caption"));
    }

    [Fact]
    public async Task Uploads_a_photo_with_its_caption_then_the_text_which_keeps_the_buttons()
    {
        await Deliver(OutgoingMessage.Say("Laporan baru #12") with
        {
            PhotoBytes = Jpeg,
            Caption = "<i>Foto dari pelapor</i>",
            Buttons = [[new Button("Klaim", "v1:rep:claim:12")]],
        });

        Assert.Equal(["sendPhoto", "sendMessage"], _stub.Requests.Select(request => request.Uri.Segments[^1]));
        Assert.Equal("<i>Foto dari pelapor</i>", _stub.Requests[0].Field("caption"));
        Assert.Equal("HTML", _stub.Requests[0].Field("parse_mode"));
        Assert.Null(_stub.Requests[0].Field("reply_markup"));
        Assert.True(_stub.Requests[1].Json.GetProperty("reply_markup").TryGetProperty("inline_keyboard", out _));
    }

    [Fact]
    public async Task Puts_the_buttons_and_the_caption_on_an_uploaded_photo_sent_alone()
    {
        await Deliver(new OutgoingMessage { PhotoBytes = Jpeg, Caption = "Laporan #12", Buttons = [[new Button("Klaim", "v1:rep:claim:12")]] });

        var upload = Assert.Single(_stub.Requests);
        Assert.Equal("Laporan #12", upload.Field("caption"));
        Assert.Equal("""{"inline_keyboard":[[{"text":"Klaim","callback_data":"v1:rep:claim:12"}]]}""", upload.Field("reply_markup"));
    }

    [Fact]
    public async Task Sends_a_caption_under_a_photo_sent_by_id()
    {
        await Deliver(new OutgoingMessage { PhotoId = "AgACAgUAAx0", Caption = "Surat dokter" });

        Assert.Equal("""{"chat_id":42,"photo":"AgACAgUAAx0","caption":"Surat dokter","parse_mode":"HTML"}""", _stub.Last.Body);
    }

    [Fact]
    public async Task Takes_a_caption_of_exactly_1024_characters()
    {
        await Deliver(new OutgoingMessage { PhotoBytes = Jpeg, Caption = new string('a', 1024) });

        Assert.Equal(1024, Assert.Single(_stub.Requests).Field("caption")!.Length);
    }

    [Fact]
    public async Task Refuses_a_caption_over_1024_characters_before_sending_anything()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Deliver(OutgoingMessage.Say("Laporan") with { PhotoBytes = Jpeg, Caption = new string('a', 1025) }));

        Assert.Contains("1025", error.Message, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Refuses_a_caption_without_a_photo_before_sending_anything()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Deliver(OutgoingMessage.Say("Laporan") with { Caption = "Foto" }));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Refuses_a_photo_given_both_by_id_and_by_bytes()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Deliver(new OutgoingMessage { PhotoId = "AgACAgUAAx0", PhotoBytes = Jpeg }));

        Assert.Empty(_stub.Requests);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' })]
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    public async Task Refuses_photo_bytes_that_are_not_a_jpeg_or_png_before_sending_the_text(byte[] photo)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Deliver(OutgoingMessage.Say("Laporan") with { PhotoBytes = photo }));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Refuses_a_photo_over_10_mb_before_sending_anything()
    {
        var photo = new byte[(10 * 1024 * 1024) + 1];
        Jpeg.CopyTo(photo, 0);

        await Assert.ThrowsAsync<ArgumentException>(() => Deliver(new OutgoingMessage { PhotoBytes = photo }));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Sends_a_bare_pin_as_a_location()
    {
        await Deliver(new OutgoingMessage { Location = new GeoPoint(-6.12, 106.15) });

        Assert.Single(_stub.Requests);
        Assert.Equal("""{"chat_id":42,"latitude":-6.12,"longitude":106.15}""", _stub.Last.Body);
        Assert.EndsWith("/sendLocation", _stub.Last.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_message_with_nothing_to_send()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Deliver(new OutgoingMessage { Buttons = [[new Button("Ya", "v1:yes")]] }));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Refuses_an_impossible_point_before_sending_the_text()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Deliver(OutgoingMessage.Say("Di sini") with { Location = new GeoPoint(123, 0) }));

        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Lets_a_blocked_chat_surface_as_forbidden()
    {
        var stub = StubHttpHandler.Answering(HttpStatusCode.Forbidden, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""");
        var sender = new TelegramSender(stub.Client());

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => sender.DeliverAsync(42, OutgoingMessage.Say("Pengingat"), CancellationToken.None));

        Assert.True(error.IsForbidden);
    }

    private Task Deliver(OutgoingMessage message) => new TelegramSender(_stub.Client()).DeliverAsync(42, message, CancellationToken.None);
}
