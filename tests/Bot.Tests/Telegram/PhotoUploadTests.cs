using Microsoft.Extensions.Options;
using Timpora.Bot.Telegram;
using Timpora.Core.Messaging;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Telegram;

/// <summary>Photos sent by upload, end to end through the client and the fake Bot API's multipart handling.</summary>
public sealed class PhotoUploadTests : IAsyncLifetime, IDisposable
{
    private const long Officers = -1001234567;

    // A JPEG's start (SOI, APP0 JFIF) and end (EOI) around some bytes of every value, so nothing may be re-encoded on the way.
    private static readonly byte[] Jpeg =
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, .. Enumerable.Range(0, 256).Select(b => (byte)b), 0xFF, 0xD9];

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private FakeBotApi _api = null!;
    private TelegramClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _client = new TelegramClient(_http, Options.Create(new TelegramOptions { BotToken = _api.Token, ApiBaseUrl = _api.BaseUrl.ToString() }));
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task An_uploaded_photo_arrives_byte_for_byte_with_its_caption_before_the_text_that_keeps_the_buttons()
    {
        await new TelegramSender(_client).DeliverAsync(Officers, OutgoingMessage.Say("Laporan baru <b>#12</b>") with
        {
            PhotoBytes = Jpeg,
            Caption = "<i>Foto dari pelapor</i> &amp; lokasi",
            Buttons = [[new Button("Klaim", "v1:rep:claim:12")]],
        }, CancellationToken.None);

        Assert.Collection(_api.SentTo(Officers),
            photo =>
            {
                Assert.Equal("sendPhoto", photo.Method);
                Assert.Equal(Jpeg, photo.Upload);
                Assert.Equal("<i>Foto dari pelapor</i> &amp; lokasi", photo.Text);
                Assert.Equal("Foto dari pelapor & lokasi", photo.PlainText);
                Assert.Equal("HTML", photo.ParseMode);
                Assert.Null(photo.ReplyMarkup);
            },
            text =>
            {
                Assert.Equal("sendMessage", text.Method);
                Assert.Equal("Laporan baru #12", text.PlainText);
                Assert.Equal(["v1:rep:claim:12"], text.CallbackData);
            });
    }

    [Fact]
    public async Task An_uploaded_photo_sent_alone_carries_the_buttons_and_can_be_fetched_back_by_its_new_file_id()
    {
        await new TelegramSender(_client).DeliverAsync(Officers, new OutgoingMessage
        {
            PhotoBytes = Jpeg,
            Caption = "Laporan #12",
            Buttons = [[new Button("Klaim", "v1:rep:claim:12")]],
        }, CancellationToken.None);

        var photo = Assert.Single(_api.Sent);
        Assert.Equal(["v1:rep:claim:12"], photo.CallbackData);
        Assert.NotNull(photo.FileId);
        Assert.Equal(Jpeg, await new TelegramFiles(_client).FetchAsync(Channel.Telegram, photo.FileId, 1024 * 1024, CancellationToken.None));
    }

    [Fact]
    public async Task The_answer_to_an_upload_names_the_photo_sizes_telegram_made()
    {
        var sent = await _client.SendPhotoAsync(Officers, Jpeg, "photo.jpg", null, null, CancellationToken.None);

        Assert.NotNull(sent.Photo);
        Assert.Equal(Jpeg.Length, sent.Photo[^1].FileSize);
        Assert.Equal(_api.Sent[0].FileId, sent.Photo[^1].FileId);
    }

    [Fact]
    public async Task Telegram_refuses_an_upload_that_is_not_an_image()
    {
        var error = await Assert.ThrowsAsync<TelegramApiException>(
            () => _client.SendPhotoAsync(Officers, "%PDF-1.7"u8.ToArray(), "photo.jpg", null, null, CancellationToken.None));

        Assert.True(error.IsBadRequest);
        Assert.Equal("Bad Request: IMAGE_PROCESS_FAILED", error.Description);
        Assert.Empty(_api.Sent);
    }

    [Fact]
    public async Task A_refused_upload_reaches_the_outbox_as_rejected_not_as_a_retry()
    {
        var channel = new TelegramChannel(new TelegramSender(_client), Microsoft.Extensions.Logging.Abstractions.NullLogger<TelegramChannel>.Instance);
        _api.FailNext("sendPhoto", 400, "Bad Request: PHOTO_INVALID_DIMENSIONS");

        var result = await channel.SendAsync("-1001234567", new OutgoingMessage { PhotoBytes = Jpeg }, CancellationToken.None);

        Assert.Equal(Timpora.Bot.Delivery.SendOutcome.Rejected, result.Outcome);
    }
}
