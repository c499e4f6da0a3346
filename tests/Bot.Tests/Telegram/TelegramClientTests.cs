using System.Net;
using Timpora.Bot.Telegram;

namespace Timpora.Bot.Tests.Telegram;

public sealed class TelegramClientTests
{
    private const string TokenSecretHalf = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    private const string SentPhoto = """{"message_id":7,"date":1767225600,"chat":{"id":42,"type":"private"},"photo":[{"file_id":"P","file_unique_id":"u","width":90,"height":68}]}""";

    [Fact]
    public async Task Returns_the_result_of_an_ok_answer()
    {
        var stub = StubHttpHandler.Ok("""{"id":42,"is_bot":true,"first_name":"Timpora","username":"TimporaBot","can_join_groups":false}""");

        var me = await stub.Client().GetMeAsync(CancellationToken.None);

        Assert.Equal(new User(42, true, "Timpora", Username: "TimporaBot"), me);
    }

    [Fact]
    public async Task Throws_an_api_exception_for_ok_false_on_http_200()
    {
        var stub = StubHttpHandler.Answering(HttpStatusCode.OK, """{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => stub.Client().SendMessageAsync(1, "hi", null, CancellationToken.None));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: chat not found", error.Description);
        Assert.Equal("sendMessage", error.Method);
        Assert.True(error.IsBadRequest);
        Assert.False(error.IsRateLimited);
    }

    [Fact]
    public async Task Reads_retry_after_from_a_429()
    {
        var stub = StubHttpHandler.Answering(
            HttpStatusCode.TooManyRequests,
            """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}""");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => stub.Client().SendMessageAsync(1, "hi", null, CancellationToken.None));

        Assert.True(error.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.False(error.IsServerError);
    }

    [Fact]
    public async Task Marks_a_403_as_forbidden()
    {
        var stub = StubHttpHandler.Answering(HttpStatusCode.Forbidden, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => stub.Client().SendMessageAsync(1, "hi", null, CancellationToken.None));

        Assert.True(error.IsForbidden);
        Assert.False(error.IsFatalForPolling);
    }

    [Fact]
    public async Task Recognises_message_is_not_modified_as_a_bad_request_that_counts_as_success()
    {
        var stub = StubHttpHandler.Answering(
            HttpStatusCode.BadRequest,
            """{"ok":false,"error_code":400,"description":"Bad Request: message is not modified: specified new message content and reply markup are exactly the same"}""");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => stub.Client().CallAsync<Message>("editMessageText", new { chat_id = 1 }, CancellationToken.None));

        Assert.True(error.IsBadRequest);
        Assert.True(error.IsMessageNotModified);
    }

    [Fact]
    public async Task Reads_the_new_chat_id_of_a_migrated_group()
    {
        var stub = StubHttpHandler.Answering(
            HttpStatusCode.BadRequest,
            """{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1001234567890123}}""");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => stub.Client().SendMessageAsync(-42, "hi", null, CancellationToken.None));

        Assert.True(error.IsChatMigrated);
        Assert.Equal(-1001234567890123, error.MigrateToChatId);
    }

    [Theory]
    [InlineData(401, "Unauthorized")]
    [InlineData(404, "Not Found")]
    [InlineData(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")]
    public async Task Marks_token_and_conflict_errors_as_fatal_for_polling(int code, string description)
    {
        var stub = StubHttpHandler.Answering((HttpStatusCode)code, $$"""{"ok":false,"error_code":{{code}},"description":"{{description}}"}""");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => stub.Client().GetUpdatesAsync(null, 0, 100, [], CancellationToken.None));

        Assert.True(error.IsFatalForPolling);
    }

    [Fact]
    public async Task Marks_a_500_envelope_as_a_server_error()
    {
        var stub = StubHttpHandler.Answering(HttpStatusCode.InternalServerError, """{"ok":false,"error_code":500,"description":"Internal Server Error"}""");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => stub.Client().GetMeAsync(CancellationToken.None));

        Assert.True(error.IsServerError);
    }

    [Fact]
    public async Task Turns_an_html_502_page_into_a_transport_exception()
    {
        var stub = StubHttpHandler.Answering(HttpStatusCode.BadGateway, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => stub.Client().SendMessageAsync(1, "hi", null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTimeout);
    }

    [Theory]
    [InlineData(200, """{"result":true}""")]
    [InlineData(500, """{"error":"unsupported method"}""")]
    [InlineData(200, "")]
    [InlineData(200, "[1,2]")]
    public async Task Turns_a_body_that_is_not_an_envelope_into_a_transport_exception(int status, string body)
    {
        var stub = StubHttpHandler.Answering((HttpStatusCode)status, body);

        await Assert.ThrowsAsync<TelegramTransportException>(() => stub.Client().GetMeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Turns_a_result_of_the_wrong_shape_into_a_transport_exception()
    {
        var stub = StubHttpHandler.Ok("\"not a user\"");

        await Assert.ThrowsAsync<TelegramTransportException>(() => stub.Client().GetMeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Keeps_the_token_out_of_a_network_failure()
    {
        var stub = new StubHttpHandler((request, _) => throw new HttpRequestException(
            HttpRequestError.ConnectionError,
            $"Connection refused ({request.RequestUri})",
            new IOException($"socket closed while talking to {request.RequestUri}")));

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => stub.Client().SendMessageAsync(1, "hi", null, CancellationToken.None));

        Assert.DoesNotContain(TokenSecretHalf, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("sendMessage", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionError", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task Keeps_the_url_out_of_a_network_failure_but_keeps_the_reason()
    {
        var stub = new StubHttpHandler((request, _) => throw new HttpRequestException(
            HttpRequestError.NameResolutionError, $"Name or service not known ({request.RequestUri})"));

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => stub.Client().GetFileAsync("F", CancellationToken.None));

        Assert.DoesNotContain("api.telegram.test", error.Message, StringComparison.Ordinal);
        Assert.Contains("Name or service not known (<url>)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_the_token_out_of_a_timeout()
    {
        var stub = new StubHttpHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return StubHttpHandler.Response(HttpStatusCode.OK, "{}");
        });
        var client = new TelegramClient(stub.Http(), StubHttpHandler.Settings()) { CallTimeout = TimeSpan.FromMilliseconds(50) };

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => client.SendMessageAsync(1, "hi", null, CancellationToken.None));

        Assert.True(error.IsTimeout);
        Assert.DoesNotContain(TokenSecretHalf, error.ToString(), StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task Treats_the_http_clients_own_timeout_as_a_transport_timeout()
    {
        var stub = new StubHttpHandler((request, _) => throw new TaskCanceledException(
            $"The request to {request.RequestUri} was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.",
            new TimeoutException($"timed out: {request.RequestUri}")));

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => stub.Client().GetMeAsync(CancellationToken.None));

        Assert.True(error.IsTimeout);
        Assert.DoesNotContain(TokenSecretHalf, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lets_the_callers_cancellation_propagate()
    {
        var stub = new StubHttpHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return StubHttpHandler.Response(HttpStatusCode.OK, "{}");
        });
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stub.Client().GetUpdatesAsync(5, 25, 100, [], stopping.Token));

        Assert.Equal(stopping.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Scrubs_the_token_from_an_error_description()
    {
        var stub = StubHttpHandler.Answering(
            HttpStatusCode.NotFound,
            $$"""{"ok":false,"error_code":404,"description":"Not Found: /bot{{StubHttpHandler.Token}}/sendMesage and {{Uri.EscapeDataString(StubHttpHandler.Token)}}"}""");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => stub.Client().CallAsync<bool>("sendMesage", null, CancellationToken.None));

        Assert.DoesNotContain(TokenSecretHalf, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("<token>", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_snake_case_json_to_the_method_under_the_token()
    {
        var stub = StubHttpHandler.Ok();

        await stub.Client("http://127.0.0.1:5555/fake/").AnswerCallbackQueryAsync("cbq-1", "Dicatat", CancellationToken.None);

        Assert.Equal(HttpMethod.Post, stub.Last.Method);
        Assert.Equal($"http://127.0.0.1:5555/fake/bot{StubHttpHandler.Token}/answerCallbackQuery", stub.Last.Uri.ToString());
        Assert.Equal("application/json", stub.Last.MediaType);
        Assert.Equal("""{"callback_query_id":"cbq-1","text":"Dicatat"}""", stub.Last.Body);
    }

    [Fact]
    public async Task Omits_null_fields_from_the_request()
    {
        var stub = StubHttpHandler.Ok();

        await stub.Client().SetMyCommandsAsync([new BotCommand("start", "Menu utama")], null, CancellationToken.None);

        Assert.Equal("""{"commands":[{"command":"start","description":"Menu utama"}]}""", stub.Last.Body);
    }

    [Fact]
    public async Task Sets_the_webhook_with_its_secret_and_update_kinds()
    {
        var stub = StubHttpHandler.Ok();

        await stub.Client().SetWebhookAsync("https://bot.example.go.id/telegram", "s3cret_-", ["message", "callback_query"], CancellationToken.None);

        Assert.Equal(
            """{"url":"https://bot.example.go.id/telegram","secret_token":"s3cret_-","allowed_updates":["message","callback_query"]}""",
            stub.Last.Body);
    }

    [Fact]
    public async Task Asks_for_updates_with_offset_timeout_limit_and_kinds()
    {
        var stub = StubHttpHandler.Ok("[]");

        var updates = await stub.Client().GetUpdatesAsync(1001, 25, 100, ["message", "callback_query"], CancellationToken.None);

        Assert.Empty(updates);
        Assert.EndsWith("/getUpdates", stub.Last.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("""{"offset":1001,"limit":100,"timeout":25,"allowed_updates":["message","callback_query"]}""", stub.Last.Body);
    }

    [Fact]
    public async Task Waits_longer_than_the_normal_deadline_for_a_long_poll()
    {
        var stub = new StubHttpHandler(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            return StubHttpHandler.Response(HttpStatusCode.OK, """{"ok":true,"result":[]}""");
        });
        var client = new TelegramClient(stub.Http(), StubHttpHandler.Settings()) { CallTimeout = TimeSpan.FromMilliseconds(50) };

        var updates = await client.GetUpdatesAsync(null, 1, 100, [], CancellationToken.None);

        Assert.Empty(updates);
    }

    [Fact]
    public async Task Gives_up_on_a_long_poll_after_its_timeout_plus_the_grace()
    {
        var stub = new StubHttpHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return StubHttpHandler.Response(HttpStatusCode.OK, "{}");
        });
        var client = new TelegramClient(stub.Http(), StubHttpHandler.Settings()) { PollGrace = TimeSpan.FromMilliseconds(50) };

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => client.GetUpdatesAsync(null, 0, 100, [], CancellationToken.None));

        Assert.True(error.IsTimeout);
    }

    [Fact]
    public async Task Keeps_the_rest_of_a_batch_when_one_update_is_malformed()
    {
        var stub = StubHttpHandler.Ok("""
            [
              {"update_id":10,"message":{"message_id":1,"date":1767225600,"chat":{"id":5,"type":"private"},"text":"halo"}},
              {"update_id":11,"message":{"message_id":2,"date":"yesterday","chat":"nope"}},
              {"update_id":12,"message_reaction":{"chat":{"id":5,"type":"private"}}}
            ]
            """);

        var updates = await stub.Client().GetUpdatesAsync(10, 0, 100, [], CancellationToken.None);

        Assert.Equal([10L, 11L, 12L], updates.Select(update => update.UpdateId));
        Assert.Equal("halo", updates[0].Message?.Text);
        Assert.True(updates[1].Malformed);
        Assert.False(updates[2].Malformed);
    }

    [Fact]
    public async Task Downloads_a_file_from_the_file_path_under_the_token()
    {
        var stub = new StubHttpHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3, 4]) }));
        using var destination = new MemoryStream();

        var complete = await stub.Client().DownloadFileAsync("photos/file_7.jpg", destination, 1024, CancellationToken.None);

        Assert.True(complete);
        Assert.Equal([1, 2, 3, 4], destination.ToArray());
        Assert.Equal(HttpMethod.Get, stub.Last.Method);
        Assert.Equal($"https://api.telegram.test/file/bot{StubHttpHandler.Token}/photos/file_7.jpg", stub.Last.Uri.ToString());
    }

    [Fact]
    public async Task Refuses_a_file_whose_declared_length_is_over_the_limit()
    {
        var stub = new StubHttpHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[2048]) }));
        using var destination = new MemoryStream();

        var complete = await stub.Client().DownloadFileAsync("documents/file_1.pdf", destination, 1024, CancellationToken.None);

        Assert.False(complete);
        Assert.Equal(0, destination.Length);
    }

    [Fact]
    public async Task Stops_reading_a_file_without_a_length_once_it_passes_the_limit()
    {
        var stub = new StubHttpHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new UnknownLengthStream(new byte[300_000])),
        }));
        using var destination = new MemoryStream();

        var complete = await stub.Client().DownloadFileAsync("documents/file_1.pdf", destination, 100_000, CancellationToken.None);

        Assert.False(complete);
        Assert.True(destination.Length <= 100_000);
    }

    [Fact]
    public async Task Reports_a_missing_file_as_an_api_error()
    {
        var stub = StubHttpHandler.Answering(HttpStatusCode.NotFound, """{"ok":false,"error_code":404,"description":"Not Found"}""");
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => stub.Client().DownloadFileAsync("gone.jpg", destination, 1024, CancellationToken.None));

        Assert.Equal(404, error.ErrorCode);
    }

    [Fact]
    public async Task Refuses_to_call_without_a_token()
    {
        var stub = StubHttpHandler.Ok();
        var client = new TelegramClient(stub.Http(), Microsoft.Extensions.Options.Options.Create(new TelegramOptions()));

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetMeAsync(CancellationToken.None));

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Sends_a_photo_by_file_id_with_an_html_caption()
    {
        var stub = StubHttpHandler.Ok(SentPhoto);

        await stub.Client().SendPhotoAsync(42, "AgACAgUAAx0", "<b>Foto</b> &amp; surat", null, CancellationToken.None);

        Assert.Equal("application/json", stub.Last.MediaType);
        var body = stub.Last.Json;
        Assert.Equal(["chat_id", "photo", "caption", "parse_mode"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("<b>Foto</b> &amp; surat", body.GetProperty("caption").GetString());
        Assert.Equal("HTML", body.GetProperty("parse_mode").GetString());
    }

    [Fact]
    public async Task Uploads_a_photo_as_multipart_form_data_with_caption_and_buttons()
    {
        var stub = StubHttpHandler.Ok(SentPhoto);
        byte[] photo = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 1, 2, 0xFF];
        var buttons = new InlineKeyboardMarkup([[new InlineKeyboardButton("Klaim", CallbackData: "v1:rep:claim:1")]]);

        var sent = await stub.Client().SendPhotoAsync(-1001234, photo, "photo.png", "<b>Laporan</b> #12", buttons, CancellationToken.None);

        Assert.Equal(7, sent.MessageId);
        Assert.Equal($"https://api.telegram.test/bot{StubHttpHandler.Token}/sendPhoto", stub.Last.Uri.ToString());
        Assert.Equal("multipart/form-data", stub.Last.MediaType);
        Assert.Equal(["chat_id", "caption", "parse_mode", "reply_markup", "photo"], stub.Last.Parts.Select(p => p.Name));
        Assert.Equal("-1001234", stub.Last.Field("chat_id"));
        Assert.Equal("<b>Laporan</b> #12", stub.Last.Field("caption"));
        Assert.Equal("HTML", stub.Last.Field("parse_mode"));
        Assert.Equal("""{"inline_keyboard":[[{"text":"Klaim","callback_data":"v1:rep:claim:1"}]]}""", stub.Last.Field("reply_markup"));
        var file = stub.Last.Parts[^1];
        Assert.Equal("photo.png", file.FileName);
        Assert.Equal(photo, file.Bytes);
    }

    [Fact]
    public async Task Leaves_caption_parse_mode_and_markup_out_of_a_bare_upload()
    {
        var stub = StubHttpHandler.Ok(SentPhoto);

        await stub.Client().SendPhotoAsync(42, [0xFF, 0xD8, 0xFF, 0xE0], "photo.jpg", null, null, CancellationToken.None);

        Assert.Equal(["chat_id", "photo"], stub.Last.Parts.Select(p => p.Name));
        Assert.Equal("photo.jpg", stub.Last.Parts[1].FileName);
    }

    [Fact]
    public async Task Gives_an_upload_the_longer_upload_deadline()
    {
        var stub = new StubHttpHandler(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            return StubHttpHandler.Response(HttpStatusCode.OK, $$"""{"ok":true,"result":{{SentPhoto}}}""");
        });
        var client = new TelegramClient(stub.Http(), StubHttpHandler.Settings()) { CallTimeout = TimeSpan.FromMilliseconds(50) };

        var sent = await client.SendPhotoAsync(42, [0xFF, 0xD8, 0xFF], "photo.jpg", null, null, CancellationToken.None);

        Assert.Equal(7, sent.MessageId);
    }

    [Fact]
    public async Task Gives_up_on_an_upload_after_the_upload_deadline_without_naming_the_token()
    {
        var stub = new StubHttpHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return StubHttpHandler.Response(HttpStatusCode.OK, "{}");
        });
        var client = new TelegramClient(stub.Http(), StubHttpHandler.Settings()) { UploadTimeout = TimeSpan.FromMilliseconds(50) };

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => client.SendPhotoAsync(42, [0xFF, 0xD8, 0xFF], "photo.jpg", null, null, CancellationToken.None));

        Assert.True(error.IsTimeout);
        Assert.Equal("sendPhoto", error.Method);
        Assert.DoesNotContain(TokenSecretHalf, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_an_upload_refusal_like_any_other_answer_and_scrubs_the_token()
    {
        var stub = StubHttpHandler.Answering(
            HttpStatusCode.BadRequest, $$"""{"ok":false,"error_code":400,"description":"Bad Request: IMAGE_PROCESS_FAILED at /bot{{StubHttpHandler.Token}}/sendPhoto"}""");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => stub.Client().SendPhotoAsync(42, [1, 2, 3], "photo.jpg", null, null, CancellationToken.None));

        Assert.True(error.IsBadRequest);
        Assert.StartsWith("Bad Request: IMAGE_PROCESS_FAILED", error.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenSecretHalf, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_the_token_out_of_a_network_failure_during_an_upload()
    {
        var stub = new StubHttpHandler((request, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, $"Connection reset ({request.RequestUri})"));

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => stub.Client().SendPhotoAsync(42, [0xFF, 0xD8, 0xFF], "photo.jpg", null, null, CancellationToken.None));

        Assert.DoesNotContain(TokenSecretHalf, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("ConnectionError", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A body whose length the client cannot know in advance, like a chunked response.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
