using System.Net;
using Microsoft.Extensions.Options;
using Timpora.Bot.Delivery;
using Timpora.Bot.Telegram;
using Timpora.Core.Messaging;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Telegram;

/// <summary>Fetching what a person sent, against the fake Bot API (and a stub where the fake cannot misbehave enough).</summary>
public sealed class TelegramFilesTests : IAsyncLifetime, IDisposable
{
    private const string FakeTokenSecret = "TEST-token-abc";

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 2, 3];

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Fetches_the_photo_a_person_sent()
    {
        _api.SendPhotoFile(7001, "AgACAgUAAxkBAAI", Jpeg);

        var bytes = await Files().FetchAsync(Channel.Telegram, "AgACAgUAAxkBAAI", 1024, CancellationToken.None);

        Assert.Equal(Jpeg, bytes);
        Assert.Single(_api.CallsOf("getFile"));
        Assert.Single(_api.CallsOf("file"));
    }

    [Fact]
    public async Task Fetches_a_file_of_exactly_the_limit()
    {
        _api.RegisterFile("BQACAgUAAxkBAAI", Jpeg);

        var bytes = await Files().FetchAsync(Channel.Telegram, "BQACAgUAAxkBAAI", Jpeg.Length, CancellationToken.None);

        Assert.Equal(Jpeg, bytes);
    }

    [Fact]
    public async Task Returns_null_without_downloading_when_telegram_declares_a_size_over_the_limit()
    {
        _api.RegisterFile("BIG", new byte[5000]);

        var bytes = await Files().FetchAsync(Channel.Telegram, "BIG", 4999, CancellationToken.None);

        Assert.Null(bytes);
        Assert.Single(_api.CallsOf("getFile"));
        Assert.Empty(_api.CallsOf("file"));
    }

    [Fact]
    public async Task Returns_null_when_an_undeclared_size_turns_out_over_the_limit_in_the_download()
    {
        _api.RegisterFile("UNSIZED", new byte[5000], declareSize: false);

        var bytes = await Files().FetchAsync(Channel.Telegram, "UNSIZED", 4999, CancellationToken.None);

        Assert.Null(bytes);
        Assert.Single(_api.CallsOf("file"));
    }

    [Fact]
    public async Task Returns_null_when_a_stream_of_unknown_length_runs_past_the_limit()
    {
        // getFile understates the size and the download has no Content-Length: only counting the bytes can tell.
        var stub = new StubHttpHandler((request, _) => Task.FromResult(request.RequestUri!.AbsolutePath.EndsWith("/getFile", StringComparison.Ordinal)
            ? StubHttpHandler.Response(HttpStatusCode.OK, """{"ok":true,"result":{"file_id":"F","file_size":10,"file_path":"photos/file_1.jpg"}}""")
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new UnknownLengthStream(new byte[300_000])) }));

        var bytes = await new TelegramFiles(stub.Client()).FetchAsync(Channel.Telegram, "F", 100_000, CancellationToken.None);

        Assert.Null(bytes);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Returns_null_for_a_file_telegram_finds_too_big_to_serve()
    {
        _api.RegisterFile("HUGE", new byte[(20 * 1024 * 1024) + 1]);

        var bytes = await Files().FetchAsync(Channel.Telegram, "HUGE", 25 * 1024 * 1024, CancellationToken.None);

        Assert.Null(bytes);
        Assert.Empty(_api.CallsOf("file"));
    }

    [Fact]
    public async Task Reports_an_unknown_file_id_as_unavailable()
    {
        var error = await Assert.ThrowsAsync<FileUnavailableException>(() => Files().FetchAsync(Channel.Telegram, "nope", 1024, CancellationToken.None));

        Assert.Contains("invalid file_id", error.Message, StringComparison.Ordinal);
        Assert.IsType<TelegramApiException>(error.InnerException);
    }

    [Fact]
    public async Task Reports_a_file_not_found_as_unavailable_without_the_token()
    {
        _api.RegisterFile("GONE", Jpeg);
        _api.FailNext("getFile", 400, $"Bad Request: file not found at /file/bot{_api.Token}/photos/x.jpg");

        var error = await Assert.ThrowsAsync<FileUnavailableException>(() => Files().FetchAsync(Channel.Telegram, "GONE", 1024, CancellationToken.None));

        Assert.Contains("file not found", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTokenSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_dropped_connection_as_unavailable_without_the_token()
    {
        _api.RegisterFile("AgACAgUAAxkBAAI", Jpeg);
        _api.DropConnectionNext("getFile");

        var error = await Assert.ThrowsAsync<FileUnavailableException>(() => Files().FetchAsync(Channel.Telegram, "AgACAgUAAxkBAAI", 1024, CancellationToken.None));

        Assert.IsType<TelegramTransportException>(error.InnerException);
        Assert.DoesNotContain(FakeTokenSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_api.BaseUrl.Authority, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_network_failure_during_the_download_as_unavailable_without_the_token()
    {
        var stub = new StubHttpHandler((request, _) => request.RequestUri!.AbsolutePath.EndsWith("/getFile", StringComparison.Ordinal)
            ? Task.FromResult(StubHttpHandler.Response(HttpStatusCode.OK, """{"ok":true,"result":{"file_id":"F","file_size":10,"file_path":"photos/file_1.jpg"}}"""))
            : throw new HttpRequestException(HttpRequestError.ConnectionError, $"Connection reset while reading {request.RequestUri}"));

        var error = await Assert.ThrowsAsync<FileUnavailableException>(() => new TelegramFiles(stub.Client()).FetchAsync(Channel.Telegram, "F", 1024, CancellationToken.None));

        Assert.Contains("ConnectionError", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(StubHttpHandler.Token[(StubHttpHandler.Token.IndexOf(':', StringComparison.Ordinal) + 1)..], error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("api.telegram.test", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_getfile_answer_without_a_path_as_unavailable()
    {
        var stub = StubHttpHandler.Ok("""{"file_id":"F","file_size":10}""");

        await Assert.ThrowsAsync<FileUnavailableException>(() => new TelegramFiles(stub.Client()).FetchAsync(Channel.Telegram, "F", 1024, CancellationToken.None));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Refuses_a_file_of_another_channel_without_asking_telegram()
    {
        await Assert.ThrowsAsync<FileUnavailableException>(() => Files().FetchAsync(Channel.Console, "AgACAgUAAxkBAAI", 1024, CancellationToken.None));

        Assert.Empty(_api.Calls);
    }

    [Fact]
    public async Task Lets_the_callers_cancellation_propagate()
    {
        _api.RegisterFile("SLOW", Jpeg);
        _api.DelayNext("getFile", TimeSpan.FromSeconds(30));
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Files().FetchAsync(Channel.Telegram, "SLOW", 1024, stopping.Token));
    }

    [Fact]
    public async Task Without_a_file_channel_every_fetch_is_unavailable()
    {
        await Assert.ThrowsAsync<FileUnavailableException>(() => new NoFiles().FetchAsync(Channel.Telegram, "AgACAgUAAxkBAAI", 1024, CancellationToken.None));
    }

    private TelegramFiles Files() =>
        new(new TelegramClient(_http, Options.Create(new TelegramOptions { BotToken = _api.Token, ApiBaseUrl = _api.BaseUrl.ToString() })));

    /// <summary>A body whose length the client cannot know in advance, like a chunked response.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
