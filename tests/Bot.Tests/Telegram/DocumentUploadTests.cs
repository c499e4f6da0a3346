using System.Text;
using Microsoft.Extensions.Options;
using Timpora.Bot.Telegram;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Telegram;

/// <summary>Documents sent by upload (the example roster), end to end through the client and the fake Bot API's multipart handling.</summary>
public sealed class DocumentUploadTests : IAsyncLifetime, IDisposable
{
    private const long Coordinator = 3003;

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
    public async Task The_example_roster_arrives_byte_for_byte_under_its_name_with_its_caption_before_the_text_that_keeps_the_buttons()
    {
        var csv = RosterCsvExample.Build(Language.Indonesian);

        await new TelegramSender(_client).DeliverAsync(Coordinator, OutgoingMessage.Say("Kolom <b>nama</b>, <b>nik</b>…") with
        {
            DocumentBytes = csv,
            DocumentName = "contoh-rombongan.csv",
            Caption = "Contoh file <i>rombongan</i> &amp; petunjuk",
            Buttons = [[new Button("« Kembali", "v1:roster:show:RB-7K3Q9X")]],
        }, CancellationToken.None);

        Assert.Collection(_api.SentTo(Coordinator),
            document =>
            {
                Assert.Equal("sendDocument", document.Method);
                Assert.Equal("contoh-rombongan.csv", document.FileName);
                Assert.Equal(csv, document.Upload);
                Assert.Equal("Contoh file rombongan & petunjuk", document.PlainText);
                Assert.Equal("HTML", document.ParseMode);
                Assert.Null(document.ReplyMarkup);
            },
            text =>
            {
                Assert.Equal("sendMessage", text.Method);
                Assert.Equal(["v1:roster:show:RB-7K3Q9X"], text.CallbackData);
            });
    }

    [Fact]
    public async Task A_document_sent_alone_carries_the_buttons_and_can_be_fetched_back_by_its_new_file_id()
    {
        var csv = Encoding.UTF8.GetBytes("nama;nik\r\nAhmad Fauzi;3604011708750001\r\n");

        await new TelegramSender(_client).DeliverAsync(Coordinator, new OutgoingMessage
        {
            DocumentBytes = csv,
            DocumentName = "roster-example.csv",
            Buttons = [[new Button("« Back", "v1:roster:show:RB-7K3Q9X")]],
        }, CancellationToken.None);

        var document = Assert.Single(_api.Sent);
        Assert.Equal(["v1:roster:show:RB-7K3Q9X"], document.CallbackData);
        Assert.Null(document.Text);
        Assert.NotNull(document.FileId);
        Assert.Equal(csv, await new TelegramFiles(_client).FetchAsync(Channel.Telegram, document.FileId, 1024 * 1024, CancellationToken.None));
    }

    [Fact]
    public async Task The_answer_to_an_upload_names_the_document_telegram_keeps()
    {
        var sent = await _client.SendDocumentAsync(Coordinator, [1, 2, 3], "contoh.csv", null, null, CancellationToken.None);

        Assert.Equal(_api.Sent[0].FileId, sent.Document?.FileId);
        Assert.Equal("contoh.csv", sent.Document?.FileName);
    }

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task Refuses_a_document_it_cannot_send_before_sending_anything(OutgoingMessage message)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => new TelegramSender(_client).DeliverAsync(Coordinator, message, CancellationToken.None));

        Assert.Empty(_api.Sent);
    }

    public static TheoryData<OutgoingMessage> BadDocuments => new()
    {
        new OutgoingMessage { Text = "teks", DocumentBytes = [1, 2, 3] },
        new OutgoingMessage { Text = "teks", DocumentBytes = [1, 2, 3], DocumentName = "../rahasia.csv" },
        new OutgoingMessage { Text = "teks", DocumentBytes = [], DocumentName = "kosong.csv" },
        new OutgoingMessage { Text = "teks", DocumentName = "tanpa-isi.csv" },
        new OutgoingMessage { DocumentBytes = [1, 2, 3], DocumentName = "a.csv", PhotoId = "photo-1" },
        new OutgoingMessage { DocumentBytes = [1, 2, 3], DocumentName = "a.csv", Caption = new string('x', TelegramSender.MaxCaptionLength + 1) },
    };
}
