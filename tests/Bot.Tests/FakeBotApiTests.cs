using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Timpora.Testing;

namespace Timpora.Bot.Tests;

/// <summary>The fake must behave like Telegram, or every test built on it proves nothing. Driven with a plain HttpClient.</summary>
public sealed class FakeBotApiTests : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Get_me_answers_the_configured_bot_user_whatever_the_method_case()
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { BotUsername = "OtherBot", Token = "42:abc" });

        var (status, body) = await CallAsync(fake, "GETME");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)body["ok"]!);
        Assert.Equal("OtherBot", (string?)body["result"]!["username"]);
        Assert.Equal(42, (long)body["result"]!["id"]!);
        Assert.True((bool)body["result"]!["is_bot"]!);
        Assert.Equal("127.0.0.1", fake.BaseUrl.Host);
    }

    [Fact]
    public async Task A_wrong_token_gets_401_and_an_unknown_method_gets_404()
    {
        await using var fake = await FakeBotApi.StartAsync();

        var (wrongToken, unauthorized) = await CallAsync(fake, "getMe", token: "123456:wrong");
        var (unknown, notFound) = await CallAsync(fake, "sendTelepathy");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", unauthorized.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal("""{"ok":false,"error_code":404,"description":"Not Found"}""", notFound.ToJsonString());
        Assert.All(fake.Calls, c => Assert.Equal(CallOutcome.Rejected, c.Outcome));
    }

    [Fact]
    public async Task Updates_below_the_offset_are_confirmed_and_never_come_back()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var first = fake.SendText(1, "satu");
        var second = fake.SendText(1, "dua");
        var third = fake.SendText(2, "tiga");

        var unconfirmed = await UpdateIdsAsync(fake, new JsonObject());
        var again = await UpdateIdsAsync(fake, new JsonObject());
        var fromSecond = await UpdateIdsAsync(fake, new JsonObject { ["offset"] = second });
        var withoutOffset = await UpdateIdsAsync(fake, new JsonObject());
        var afterAll = await UpdateIdsAsync(fake, new JsonObject { ["offset"] = third + 1 });

        Assert.Equal([first, second, third], unconfirmed);
        Assert.Equal([first, second, third], again);
        Assert.Equal([second, third], fromSecond);
        Assert.Equal([second, third], withoutOffset);
        Assert.Empty(afterAll);
        Assert.Equal(0, fake.PendingUpdateCount);
        Assert.Equal(third + 1, fake.LastOffset);
        Assert.Equal(5, fake.GetUpdatesCount);
    }

    [Fact]
    public async Task A_negative_offset_keeps_only_the_latest_updates_and_limit_caps_the_batch()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var ids = Enumerable.Range(0, 5).Select(i => fake.SendText(1, $"pesan {i}")).ToArray();

        var limited = await UpdateIdsAsync(fake, new JsonObject { ["limit"] = 2 });
        var lastTwo = await UpdateIdsAsync(fake, new JsonObject { ["offset"] = -2 });

        Assert.Equal(ids[..2], limited);
        Assert.Equal(ids[3..], lastTwo);
        Assert.Equal(2, fake.PendingUpdateCount);
    }

    [Fact]
    public async Task Long_poll_returns_as_soon_as_an_update_arrives()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var clock = Stopwatch.StartNew();

        var poll = UpdateIdsAsync(fake, new JsonObject { ["timeout"] = 10 });
        await Task.Delay(150);
        Assert.False(poll.IsCompleted);
        var id = fake.SendText(1, "halo");
        var ids = await poll;

        Assert.Equal([id], ids);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Long_poll_with_nothing_queued_answers_an_empty_list_after_the_timeout()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var clock = Stopwatch.StartNew();

        var ids = await UpdateIdsAsync(fake, new JsonObject { ["timeout"] = 0.3 });

        Assert.Empty(ids);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(280), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_newer_poll_terminates_the_waiting_one_with_409()
    {
        await using var fake = await FakeBotApi.StartAsync();

        var older = CallAsync(fake, "getUpdates", new JsonObject { ["timeout"] = 10 });
        await Task.Delay(150);
        var (newerStatus, _) = await CallAsync(fake, "getUpdates", new JsonObject { ["timeout"] = 0 });
        var (olderStatus, olderBody) = await older.WaitAsync(Second);

        Assert.Equal(HttpStatusCode.OK, newerStatus);
        Assert.Equal(HttpStatusCode.Conflict, olderStatus);
        Assert.Equal(409, (int)olderBody["error_code"]!);
        Assert.StartsWith("Conflict: terminated by other getUpdates request", (string?)olderBody["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_updates_is_refused_while_a_webhook_is_set()
    {
        await using var fake = await FakeBotApi.StartAsync();

        var (set, _) = await CallAsync(fake, "setWebhook", new JsonObject { ["url"] = "http://127.0.0.1:9/hook" });
        var (refused, conflict) = await CallAsync(fake, "getUpdates");
        var (_, info) = await CallAsync(fake, "getWebhookInfo");
        await CallAsync(fake, "deleteWebhook");
        var (polled, _) = await CallAsync(fake, "getUpdates");

        Assert.Equal(HttpStatusCode.OK, set);
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.StartsWith("Conflict: can't use getUpdates method while webhook is active", (string?)conflict["description"], StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:9/hook", (string?)info["result"]!["url"]);
        Assert.Equal(HttpStatusCode.OK, polled);
    }

    [Fact]
    public async Task A_webhook_outside_loopback_is_refused()
    {
        await using var fake = await FakeBotApi.StartAsync();

        var (status, body) = await CallAsync(fake, "setWebhook", new JsonObject { ["url"] = "https://example.com/hook" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Bad Request: bad webhook", (string?)body["description"], StringComparison.Ordinal);
        Assert.Null(fake.WebhookUrl);
    }

    [Theory]
    [InlineData("<b>unclosed")]
    [InlineData("<blink>unknown tag</blink>")]
    [InlineData("1 < 2")]
    [InlineData("Tom & Jerry")]
    [InlineData("&nbsp;is not a Telegram entity")]
    [InlineData("<b>crossed <i>tags</b></i>")]
    [InlineData("stray </b> end tag")]
    [InlineData("<span>plain span</span>")]
    public async Task Malformed_html_is_refused_with_cant_parse_entities(string text)
    {
        await using var fake = await FakeBotApi.StartAsync();

        var (status, body) = await SendMessageAsync(fake, 1, text, "HTML");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Bad Request: can't parse entities: ", (string?)body["description"], StringComparison.Ordinal);
        Assert.Empty(fake.Sent);
        Assert.Equal(CallOutcome.Rejected, Assert.Single(fake.Calls).Outcome);
    }

    [Fact]
    public async Task Well_formed_html_is_accepted_and_answered_as_plain_text_with_entities()
    {
        await using var fake = await FakeBotApi.StartAsync();
        const string html = """<b>Halo</b> &amp; <a href="https://imigrasi.go.id">tautan</a> 1 &lt; 2 &#128075; <span class="tg-spoiler">rahasia</span>""";

        var (status, body) = await SendMessageAsync(fake, 7, html, "HTML");

        Assert.Equal(HttpStatusCode.OK, status);
        var message = body["result"]!;
        Assert.Equal("Halo & tautan 1 < 2 \U0001F44B rahasia", (string?)message["text"]);
        Assert.Equal(
            """[{"type":"bold","offset":0,"length":4},{"type":"text_link","url":"https://imigrasi.go.id","offset":7,"length":6},{"type":"spoiler","offset":23,"length":7}]""",
            message["entities"]!.ToJsonString());
        var sent = Assert.Single(fake.Sent);
        Assert.Equal(html, sent.Text);
        Assert.Equal("HTML", sent.ParseMode);
        Assert.Equal(7, sent.ChatId);
    }

    [Fact]
    public async Task Empty_and_too_long_texts_are_refused_counting_characters_after_html_parsing()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var longest = new string('a', 4096);

        var (_, empty) = await SendMessageAsync(fake, 1, "");
        var (_, onlyTags) = await SendMessageAsync(fake, 1, "<b></b>", "HTML");
        var (_, tooLong) = await SendMessageAsync(fake, 1, longest + "a");
        var (fits, _) = await SendMessageAsync(fake, 1, longest);
        var (fitsWithTags, _) = await SendMessageAsync(fake, 1, $"<b>{longest}</b>", "HTML");

        Assert.Equal("Bad Request: message text is empty", (string?)empty["description"]);
        Assert.Equal("Bad Request: message text is empty", (string?)onlyTags["description"]);
        Assert.Equal("Bad Request: message is too long", (string?)tooLong["description"]);
        Assert.Equal(HttpStatusCode.OK, fits);
        Assert.Equal(HttpStatusCode.OK, fitsWithTags);
    }

    [Theory]
    [InlineData(64, "a", true)]
    [InlineData(65, "a", false)]
    [InlineData(16, "\U0001F600", true)]
    [InlineData(17, "\U0001F600", false)]
    [InlineData(33, "é", false)]
    [InlineData(0, "a", false)]
    public async Task Callback_data_is_limited_to_64_utf8_bytes(int repeat, string unit, bool accepted)
    {
        await using var fake = await FakeBotApi.StartAsync();
        var data = string.Concat(Enumerable.Repeat(unit, repeat));

        var (status, body) = await CallAsync(fake, "sendMessage", new JsonObject
        {
            ["chat_id"] = 1,
            ["text"] = "Pilih",
            ["reply_markup"] = InlineKeyboard(("Ya", data)),
        });

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest, status);
        if (!accepted)
        {
            Assert.Equal("Bad Request: BUTTON_DATA_INVALID", (string?)body["description"]);
        }
    }

    [Fact]
    public async Task Reply_keyboards_with_location_and_contact_requests_and_their_removal_are_accepted()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var keyboard = new JsonObject
        {
            ["keyboard"] = new JsonArray(new JsonArray(
                new JsonObject { ["text"] = "Kirim lokasi", ["request_location"] = true },
                new JsonObject { ["text"] = "Kirim nomor", ["request_contact"] = true })),
            ["resize_keyboard"] = true,
            ["one_time_keyboard"] = true,
        };

        var (withKeyboard, body) = await CallAsync(fake, "sendMessage", new JsonObject { ["chat_id"] = 3, ["text"] = "Lokasi?", ["reply_markup"] = keyboard });
        var (removed, _) = await CallAsync(fake, "sendMessage", new JsonObject
        {
            ["chat_id"] = 3,
            ["text"] = "Terima kasih",
            ["reply_markup"] = new JsonObject { ["remove_keyboard"] = true },
        });
        var (inGroup, groupBody) = await CallAsync(fake, "sendMessage", new JsonObject { ["chat_id"] = -100, ["text"] = "Lokasi?", ["reply_markup"] = keyboard.DeepClone() });

        Assert.Equal(HttpStatusCode.OK, withKeyboard);
        Assert.Null(body["result"]!["reply_markup"]);
        Assert.Equal(["Kirim lokasi", "Kirim nomor"], fake.Sent[0].Buttons.Select(b => b.Text));
        Assert.Equal(HttpStatusCode.OK, removed);
        Assert.Contains("remove_keyboard", fake.Sent[1].ReplyMarkup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, inGroup);
        Assert.StartsWith("Bad Request:", (string?)groupBody["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scripted_faults_are_consumed_in_order_by_matching_calls_only()
    {
        await using var fake = await FakeBotApi.StartAsync();
        fake.FailNext("sendMessage", 429, "Too Many Requests: retry after 3", retryAfter: 3);
        fake.FailNext("sendMessage", 502, "Bad Gateway");
        fake.FailNext("sendMessage", 403, "Forbidden: bot was blocked by the user", chatId: 99);

        var (me, _) = await CallAsync(fake, "getMe");
        var (first, firstBody) = await SendMessageAsync(fake, 1, "a");
        var (second, secondBody) = await SendMessageAsync(fake, 1, "b");
        var (third, _) = await SendMessageAsync(fake, 1, "c");
        var (blocked, blockedBody) = await SendMessageAsync(fake, 99, "d");
        var (afterwards, _) = await SendMessageAsync(fake, 99, "e");

        Assert.Equal(HttpStatusCode.OK, me);
        Assert.Equal(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(3, (int)firstBody["parameters"]!["retry_after"]!);
        Assert.Equal(HttpStatusCode.BadGateway, second);
        Assert.Equal("""{"ok":false,"error_code":502,"description":"Bad Gateway"}""", secondBody.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, third);
        Assert.Equal(HttpStatusCode.Forbidden, blocked);
        Assert.Equal(403, (int)blockedBody["error_code"]!);
        Assert.Equal(HttpStatusCode.OK, afterwards);
        Assert.Equal(["c", "e"], fake.Sent.Select(m => m.Text));
        Assert.Equal(1, fake.RateLimitedCount);
        Assert.Equal(0, fake.PendingFaultCount);
        Assert.Equal(3, fake.Calls.Count(c => c.Outcome == CallOutcome.InjectedFailure));
    }

    [Fact]
    public async Task A_dropped_connection_is_a_transport_error_and_sends_nothing()
    {
        await using var fake = await FakeBotApi.StartAsync();
        fake.DropConnectionNext("sendMessage");

        await Assert.ThrowsAsync<HttpRequestException>(() => SendMessageAsync(fake, 1, "hilang"));
        var (status, _) = await SendMessageAsync(fake, 1, "sampai");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("sampai", Assert.Single(fake.Sent).Text);
        Assert.Equal(CallOutcome.Dropped, fake.Calls[0].Outcome);
    }

    [Fact]
    public async Task A_delayed_answer_arrives_late_but_intact()
    {
        await using var fake = await FakeBotApi.StartAsync();
        fake.DelayNext("sendMessage", TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var (status, _) = await SendMessageAsync(fake, 1, "pelan");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(280), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Rate_limits_allow_a_private_chat_a_burst_of_three_then_answer_429()
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { EnforceRateLimits = true });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await SendMessageAsync(fake, 1, $"pesan {i}")).Status);
        }
        var (limited, body) = await SendMessageAsync(fake, 1, "satu lagi");
        var (otherChat, _) = await SendMessageAsync(fake, 2, "chat lain");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited);
        Assert.Equal(429, (int)body["error_code"]!);
        Assert.Equal(1, (int)body["parameters"]!["retry_after"]!);
        Assert.StartsWith("Too Many Requests: retry after", (string?)body["description"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherChat);
        Assert.Equal(1, fake.RateLimitedCount);
        Assert.Equal(4, fake.Sent.Count);
    }

    [Fact]
    public async Task Rate_limits_allow_a_group_20_messages_per_minute()
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { EnforceRateLimits = true });

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendMessageAsync(fake, -100123, $"pengumuman {i}")).Status);
        }
        var (limited, body) = await SendMessageAsync(fake, -100123, "satu lagi");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited);
        Assert.InRange((int)body["parameters"]!["retry_after"]!, 55, 60);
    }

    [Fact]
    public async Task Rate_limits_cap_all_chats_together_at_30_messages_per_second()
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { EnforceRateLimits = true });

        var statuses = await Task.WhenAll(Enumerable.Range(1, 31).Select(async chat => (await SendMessageAsync(fake, chat, "broadcast")).Status));

        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(1, fake.RateLimitedCount);
    }

    [Fact]
    public async Task Webhook_pushes_updates_with_the_secret_header_and_retries_failures()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 1);
        await using var fake = await FakeBotApi.StartAsync();
        var (set, _) = await CallAsync(fake, "setWebhook", new JsonObject { ["url"] = receiver.Url.ToString(), ["secret_token"] = "rahasia_123" });

        var id = fake.SendText(5, "/start");
        await fake.WaitForUpdateConfirmedAsync(id, Second);

        Assert.Equal(HttpStatusCode.OK, set);
        Assert.Equal(2, receiver.Requests.Length);
        Assert.All(receiver.Requests, r => Assert.Equal("rahasia_123", r.Secret));
        Assert.All(receiver.Requests, r => Assert.Equal(id, (long)JsonNode.Parse(r.Body)!["update_id"]!));
        Assert.Equal([500, 200], fake.WebhookDeliveries.Select(d => d.StatusCode ?? 0));
        Assert.Equal(0, fake.PendingUpdateCount);
    }

    [Fact]
    public async Task Webhook_delivers_each_chat_in_order_one_update_at_a_time()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0, delay: TimeSpan.FromMilliseconds(40));
        await using var fake = await FakeBotApi.StartAsync();
        var ids = Enumerable.Range(0, 4).Select(i => fake.SendText(5, $"pesan {i}")).Append(fake.SendText(6, "chat lain")).ToArray();

        await CallAsync(fake, "setWebhook", new JsonObject { ["url"] = receiver.Url.ToString() });
        await fake.WaitForUpdateConfirmedAsync(ids[3], Second);

        var chat5 = receiver.Requests.Select(r => JsonNode.Parse(r.Body)!).Where(u => (long)u["message"]!["chat"]!["id"]! == 5);
        Assert.Equal(ids[..4], chat5.Select(u => (long)u["update_id"]!));
        Assert.Equal(1, receiver.MaxConcurrentPerChat);
    }

    [Fact]
    public async Task Editing_to_identical_content_is_refused_as_not_modified()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var (_, sent) = await CallAsync(fake, "sendMessage", new JsonObject { ["chat_id"] = 1, ["text"] = "Pilih slot", ["reply_markup"] = InlineKeyboard(("09:00", "slot:9")) });
        var messageId = (int)sent["result"]!["message_id"]!;

        var (sameMarkup, sameMarkupBody) = await CallAsync(fake, "editMessageReplyMarkup", new JsonObject
        {
            ["chat_id"] = 1, ["message_id"] = messageId, ["reply_markup"] = InlineKeyboard(("09:00", "slot:9")),
        });
        var (sameText, _) = await CallAsync(fake, "editMessageText", new JsonObject
        {
            ["chat_id"] = 1, ["message_id"] = messageId, ["text"] = "Pilih slot", ["reply_markup"] = InlineKeyboard(("09:00", "slot:9")),
        });
        var (dropKeyboard, edited) = await CallAsync(fake, "editMessageText", new JsonObject { ["chat_id"] = 1, ["message_id"] = messageId, ["text"] = "Pilih slot" });
        var (missing, missingBody) = await CallAsync(fake, "editMessageText", new JsonObject { ["chat_id"] = 1, ["message_id"] = 999, ["text"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, sameMarkup);
        Assert.StartsWith("Bad Request: message is not modified", (string?)sameMarkupBody["description"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, sameText);
        Assert.Equal(HttpStatusCode.OK, dropKeyboard);
        Assert.Null(edited["result"]!["reply_markup"]);
        Assert.NotNull(edited["result"]!["edit_date"]);
        Assert.Equal("Bad Request: message to edit not found", (string?)missingBody["description"]);
        Assert.Equal(["sendMessage", "editMessageText"], fake.Sent.Select(m => m.Method));
    }

    [Fact]
    public async Task Message_ids_increase_per_chat_and_are_shared_with_the_users_messages()
    {
        await using var fake = await FakeBotApi.StartAsync();
        fake.SendText(5, "halo");

        var ids = new List<int>();
        foreach (var chat in new long[] { 5, 5, 6 })
        {
            var (_, body) = await SendMessageAsync(fake, chat, "balasan");
            ids.Add((int)body["result"]!["message_id"]!);
        }

        Assert.Equal([2, 3, 1], ids);
        Assert.Equal([2, 3], fake.SentTo(5).Select(m => m.MessageId));
    }

    [Fact]
    public async Task Locations_and_venues_are_recorded_with_their_coordinates()
    {
        await using var fake = await FakeBotApi.StartAsync();

        await CallAsync(fake, "sendLocation", new JsonObject { ["chat_id"] = 1, ["latitude"] = -6.2, ["longitude"] = 106.8 });
        var (_, venue) = await CallAsync(fake, "sendVenue", new JsonObject
        {
            ["chat_id"] = 1, ["latitude"] = -6.2, ["longitude"] = 106.8, ["title"] = "Kantor Imigrasi", ["address"] = "Jl. Merdeka 1",
        });
        var (bad, _) = await CallAsync(fake, "sendLocation", new JsonObject { ["chat_id"] = 1, ["latitude"] = 91, ["longitude"] = 0 });

        Assert.Equal("Kantor Imigrasi", (string?)venue["result"]!["venue"]!["title"]);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Collection(fake.Sent,
            m => Assert.Equal(("sendLocation", -6.2, 106.8), (m.Method, m.Latitude, m.Longitude)),
            m => Assert.Equal(("sendVenue", "Kantor Imigrasi", "Jl. Merdeka 1"), (m.Method, m.Title, m.Address)));
    }

    [Fact]
    public async Task Registered_files_can_be_looked_up_and_downloaded()
    {
        await using var fake = await FakeBotApi.StartAsync();
        byte[] bytes = [1, 2, 3, 4];
        fake.RegisterFile("PASPOR-1", bytes);

        var (_, file) = await CallAsync(fake, "getFile", new JsonObject { ["file_id"] = "PASPOR-1" });
        var path = (string)file["result"]!["file_path"]!;
        var downloaded = await _http.GetByteArrayAsync(new Uri(fake.BaseUrl, $"/file/bot{fake.Token}/{path}"));
        var (unknown, unknownBody) = await CallAsync(fake, "getFile", new JsonObject { ["file_id"] = "nope" });

        Assert.Equal(4, (int)file["result"]!["file_size"]!);
        Assert.Equal(bytes, downloaded);
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Equal("Bad Request: invalid file_id", (string?)unknownBody["description"]);
    }

    [Fact]
    public async Task Get_file_can_leave_the_size_out_and_refuses_files_over_20_mb_as_too_big()
    {
        await using var fake = await FakeBotApi.StartAsync();
        fake.RegisterFile("UNSIZED", [1, 2, 3], declareSize: false);
        fake.RegisterFile("HUGE", new byte[(20 * 1024 * 1024) + 1]);

        var (_, unsized) = await CallAsync(fake, "getFile", new JsonObject { ["file_id"] = "UNSIZED" });
        var (huge, hugeBody) = await CallAsync(fake, "getFile", new JsonObject { ["file_id"] = "HUGE" });

        Assert.Null(unsized["result"]!["file_size"]);
        Assert.NotNull((string?)unsized["result"]!["file_path"]);
        Assert.Equal(HttpStatusCode.BadRequest, huge);
        Assert.Equal("Bad Request: file is too big", (string?)hugeBody["description"]);
    }

    [Fact]
    public async Task A_user_sends_a_photo_or_a_document_whose_bytes_the_bot_can_fetch()
    {
        await using var fake = await FakeBotApi.StartAsync();
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE0, 9, 9];
        byte[] pdf = [.. "%PDF-1.7"u8, 1, 2];
        fake.SendPhotoFile(3, "AgACAgUAAxkBAAI", photo, caption: "di sini");
        fake.SendDocumentFile(3, "BQACAgUAAxkBAAI", "surat dokter.pdf", "application/pdf", pdf);

        var (_, body) = await CallAsync(fake, "getUpdates");
        var updates = body["result"]!.AsArray();
        var sizes = updates[0]!["message"]!["photo"]!.AsArray();
        var document = updates[1]!["message"]!["document"]!;
        var (_, photoFile) = await CallAsync(fake, "getFile", new JsonObject { ["file_id"] = (string?)sizes[^1]!["file_id"] });
        var (_, documentFile) = await CallAsync(fake, "getFile", new JsonObject { ["file_id"] = (string?)document["file_id"] });

        Assert.Equal("AgACAgUAAxkBAAI", (string?)sizes[^1]!["file_id"]);
        Assert.Equal(photo.Length, (long)sizes[^1]!["file_size"]!);
        Assert.Equal("di sini", (string?)updates[0]!["message"]!["caption"]);
        Assert.Equal(("surat dokter.pdf", "application/pdf", pdf.Length), ((string?)document["file_name"], (string?)document["mime_type"], (int)document["file_size"]!));
        Assert.Equal(photo, await DownloadAsync(fake, (string)photoFile["result"]!["file_path"]!));
        Assert.Equal(pdf, await DownloadAsync(fake, (string)documentFile["result"]!["file_path"]!));
    }

    [Fact]
    public async Task An_uploaded_photo_is_recorded_with_its_bytes_and_can_be_fetched_by_the_file_id_it_was_given()
    {
        await using var fake = await FakeBotApi.StartAsync();
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0xFF, 0];

        var (status, body) = await UploadPhotoAsync(fake, 5, png, caption: "<b>Laporan</b>", markup: InlineKeyboard(("Klaim", "claim:1")));
        var sent = Assert.Single(fake.Sent);
        var (_, file) = await CallAsync(fake, "getFile", new JsonObject { ["file_id"] = sent.FileId });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(png, sent.Upload);
        Assert.Equal("Laporan", sent.PlainText);
        Assert.Equal(["claim:1"], sent.CallbackData);
        Assert.Equal(sent.FileId, (string?)body["result"]!["photo"]![2]!["file_id"]);
        Assert.Equal(png.Length, (int)body["result"]!["photo"]![2]!["file_size"]!);
        Assert.Equal("Laporan", (string?)body["result"]!["caption"]);
        Assert.Contains("<upload photo.png, 14 bytes>", sent.Parameters, StringComparison.Ordinal);
        Assert.Equal(png, await DownloadAsync(fake, (string)file["result"]!["file_path"]!));
    }

    [Theory]
    [InlineData(new byte[0], "Bad Request: IMAGE_PROCESS_FAILED")]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F' }, "Bad Request: IMAGE_PROCESS_FAILED")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "Bad Request: IMAGE_PROCESS_FAILED")]
    public async Task An_upload_that_is_not_a_jpeg_or_png_is_refused(byte[] bytes, string description)
    {
        await using var fake = await FakeBotApi.StartAsync();

        var (status, body) = await UploadPhotoAsync(fake, 5, bytes);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(description, (string?)body["description"]);
        Assert.Empty(fake.Sent);
    }

    [Fact]
    public async Task An_upload_over_10_mb_is_too_big_and_one_of_exactly_10_mb_is_taken()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var limit = new byte[10 * 1024 * 1024];
        byte[] jpeg = [0xFF, 0xD8, 0xFF];
        jpeg.CopyTo(limit, 0);

        var (fits, _) = await UploadPhotoAsync(fake, 5, limit);
        var (tooBig, body) = await UploadPhotoAsync(fake, 5, [.. limit, 0]);

        Assert.Equal(HttpStatusCode.OK, fits);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig);
        Assert.Equal("Bad Request: file is too big", (string?)body["description"]);
        Assert.Single(fake.Sent);
    }

    [Fact]
    public async Task An_uploaded_photo_keeps_the_caption_rules()
    {
        await using var fake = await FakeBotApi.StartAsync();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0];

        var (longCaption, longBody) = await UploadPhotoAsync(fake, 5, jpeg, caption: new string('a', 1025));
        var (badHtml, badBody) = await UploadPhotoAsync(fake, 5, jpeg, caption: "<b>open");

        Assert.Equal(HttpStatusCode.BadRequest, longCaption);
        Assert.Equal("Bad Request: message caption is too long", (string?)longBody["description"]);
        Assert.Equal(HttpStatusCode.BadRequest, badHtml);
        Assert.StartsWith("Bad Request: can't parse entities", (string?)badBody["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_a_message_sees_later_sends_and_a_timeout_lists_what_was_sent()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await SendMessageAsync(fake, 1, "halo pertama");

        var waiting = fake.WaitForMessageAsync(m => m.Text == "kedua", Second);
        await SendMessageAsync(fake, 1, "kedua");
        var found = await waiting;
        await fake.WaitForSentCountAsync(2, Second);
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => fake.WaitForMessageAsync(m => m.Text == "tidak pernah", TimeSpan.FromMilliseconds(100)));

        Assert.Equal(2, found.MessageId);
        Assert.Contains("halo pertama", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("kedua", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Texts_with_commands_carry_bot_command_entities_like_telegram()
    {
        await using var fake = await FakeBotApi.StartAsync();
        fake.SendText(1, "/start@TimporaTestBot promo");
        fake.SendText(1, "halo");
        fake.SendText(-100777, "/help", new FakeUser(55, "Siti", "siti", "en"));

        var (_, body) = await CallAsync(fake, "getUpdates");
        var updates = body["result"]!.AsArray();

        Assert.Equal("""[{"offset":0,"length":21,"type":"bot_command"}]""", updates[0]!["message"]!["entities"]!.ToJsonString());
        Assert.Null(updates[1]!["message"]!["entities"]);
        Assert.Equal("id", (string?)updates[1]!["message"]!["from"]!["language_code"]);
        Assert.Equal("supergroup", (string?)updates[2]!["message"]!["chat"]!["type"]);
        Assert.Equal(55, (long)updates[2]!["message"]!["from"]!["id"]!);
    }

    [Fact]
    public async Task A_pressed_button_carries_its_message_and_can_be_answered_once()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await CallAsync(fake, "sendMessage", new JsonObject { ["chat_id"] = 8, ["text"] = "Konfirmasi?", ["reply_markup"] = InlineKeyboard(("Ya", "confirm:1"), ("Tidak", "cancel")) });

        var updateId = fake.PressButton(fake.Sent[0], "Ya");
        var (_, body) = await CallAsync(fake, "getUpdates");
        var query = body["result"]![0]!["callback_query"]!;
        var queryId = (string)query["id"]!;
        var (answered, _) = await CallAsync(fake, "answerCallbackQuery", new JsonObject { ["callback_query_id"] = queryId, ["text"] = "OK" });
        var (again, againBody) = await CallAsync(fake, "answerCallbackQuery", new JsonObject { ["callback_query_id"] = queryId });

        Assert.Equal(FakeBotApi.CallbackQueryIdFor(updateId), queryId);
        Assert.Equal("confirm:1", (string?)query["data"]);
        Assert.NotNull((string?)query["chat_instance"]);
        Assert.Equal(1, (int)query["message"]!["message_id"]!);
        Assert.NotNull(query["message"]!["reply_markup"]);
        Assert.Equal(HttpStatusCode.OK, answered);
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.StartsWith("Bad Request: query is too old", (string?)againBody["description"], StringComparison.Ordinal);
        Assert.Equal([queryId], fake.AnsweredCallbackQueryIds);
    }

    [Fact]
    public async Task Commands_are_recorded_per_language_and_scope()
    {
        await using var fake = await FakeBotApi.StartAsync();
        static JsonArray Commands(string description) => [new JsonObject { ["command"] = "start", ["description"] = description }];

        await CallAsync(fake, "setMyCommands", new JsonObject { ["commands"] = Commands("Start") });
        await CallAsync(fake, "setMyCommands", new JsonObject { ["commands"] = Commands("Mulai"), ["language_code"] = "id" });
        var (invalid, _) = await CallAsync(fake, "setMyCommands", new JsonObject { ["commands"] = new JsonArray(new JsonObject { ["command"] = "/Start", ["description"] = "x" }) });
        var (_, indonesian) = await CallAsync(fake, "getMyCommands", new JsonObject { ["language_code"] = "id" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        Assert.Equal("Mulai", (string?)indonesian["result"]![0]!["description"]);
        Assert.Equal([new FakeBotCommand("start", "Start")], fake.CommandsFor());
        Assert.Equal([new FakeBotCommand("start", "Mulai")], fake.CommandsFor("id"));
        Assert.Equal(2, fake.CommandSets.Count);
    }

    [Fact]
    public async Task Form_and_query_string_parameters_work_like_json()
    {
        await using var fake = await FakeBotApi.StartAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "12",
            ["text"] = "<i>lewat form</i>",
            ["parse_mode"] = "HTML",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Ya","callback_data":"y"}]]}""",
        });

        using var posted = await _http.PostAsync(MethodUrl(fake, "sendMessage"), form);
        using var queried = await _http.GetAsync(new Uri(MethodUrl(fake, "sendMessage") + "?chat_id=12&text=lewat%20query"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queried.StatusCode);
        Assert.Equal(["y"], fake.Sent[0].CallbackData);
        Assert.Equal("lewat form", fake.Sent[0].PlainText);
        Assert.Equal("lewat query", fake.Sent[1].Text);
    }

    [Fact]
    public async Task Raw_and_unusual_updates_are_delivered_as_given()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var unknown = fake.SendRaw("""{"future_kind":{"x":1}}""");
        var chatless = fake.SendRaw("""{"update_id":77777,"message":{"message_id":1,"date":0,"text":"no chat"}}""");
        var photo = fake.SendPhoto(1, "FOTO", 200_000, "paspor");
        fake.SendSticker(1);
        fake.SendVoice(1);
        fake.SendContact(1, "+628123", userId: 1);
        fake.SendLocation(1, -6.2, 106.8);

        var (_, body) = await CallAsync(fake, "getUpdates");
        var updates = body["result"]!.AsArray();

        Assert.Equal(7, updates.Count);
        Assert.Equal(unknown, (long)updates[0]!["update_id"]!);
        Assert.Equal(1, (int)updates[0]!["future_kind"]!["x"]!);
        Assert.Equal(77777, chatless);
        Assert.True(photo > chatless);
        Assert.Equal("FOTO", (string?)updates[2]!["message"]!["photo"]![2]!["file_id"]);
        Assert.Equal(3, updates[2]!["message"]!["photo"]!.AsArray().Count);
        Assert.NotNull(updates[3]!["message"]!["sticker"]);
        Assert.NotNull(updates[4]!["message"]!["voice"]);
        Assert.Equal(1, (long)updates[5]!["message"]!["contact"]!["user_id"]!);
        Assert.Equal(106.8, (double)updates[6]!["message"]!["location"]!["longitude"]!);
    }

    [Fact]
    public async Task Allowed_updates_filter_what_gets_queued_afterwards()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await CallAsync(fake, "getUpdates", new JsonObject { ["allowed_updates"] = new JsonArray("callback_query", "my_chat_member") });

        fake.SendText(1, "tidak diminta");
        var pressed = fake.SendCallback(1, "slot:9");
        var blocked = fake.SendBotBlocked(1);

        Assert.Equal([pressed, blocked], await UpdateIdsAsync(fake, new JsonObject()));
    }

    [Fact]
    public async Task User_edits_and_blocks_arrive_as_edited_message_and_my_chat_member()
    {
        await using var fake = await FakeBotApi.StartAsync();
        fake.SendText(3, "jam 9");
        fake.EditText(3, 1, "jam 10");
        fake.SendBotBlocked(3);

        var (_, body) = await CallAsync(fake, "getUpdates");
        var updates = body["result"]!.AsArray();

        Assert.Equal("jam 10", (string?)updates[1]!["edited_message"]!["text"]);
        Assert.Equal(1, (int)updates[1]!["edited_message"]!["message_id"]!);
        Assert.Equal("kicked", (string?)updates[2]!["my_chat_member"]!["new_chat_member"]!["status"]);
    }

    [Fact]
    public async Task A_doubled_slash_after_the_base_url_still_reaches_the_method()
    {
        await using var fake = await FakeBotApi.StartAsync();

        using var response = await _http.GetAsync(new Uri($"{fake.BaseUrl}/bot{fake.Token}/getMe"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Stopping_the_fake_cuts_a_waiting_long_poll_like_a_lost_connection()
    {
        var fake = await FakeBotApi.StartAsync();
        var poll = CallAsync(fake, "getUpdates", new JsonObject { ["timeout"] = 10 });
        await Task.Delay(100);

        await fake.DisposeAsync().AsTask().WaitAsync(Second);

        await Assert.ThrowsAsync<HttpRequestException>(() => poll.WaitAsync(Second));
    }

    private static Uri MethodUrl(FakeBotApi fake, string method, string? token = null) => new(fake.BaseUrl, $"/bot{token ?? fake.Token}/{method}");

    private async Task<(HttpStatusCode Status, JsonObject Body)> CallAsync(FakeBotApi fake, string method, JsonObject? parameters = null, string? token = null)
    {
        using var content = new StringContent((parameters ?? []).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(MethodUrl(fake, method, token), content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> UploadPhotoAsync(
        FakeBotApi fake, long chatId, byte[] photo, string? caption = null, JsonObject? markup = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "chat_id" },
            { new ByteArrayContent(photo), "photo", photo is [0x89, ..] ? "photo.png" : "photo.jpg" },
        };
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
            form.Add(new StringContent("HTML"), "parse_mode");
        }
        if (markup is not null)
        {
            form.Add(new StringContent(markup.ToJsonString()), "reply_markup");
        }
        using var response = await _http.PostAsync(MethodUrl(fake, "sendPhoto"), form);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private Task<byte[]> DownloadAsync(FakeBotApi fake, string filePath) => _http.GetByteArrayAsync(new Uri(fake.BaseUrl, $"/file/bot{fake.Token}/{filePath}"));

    private Task<(HttpStatusCode Status, JsonObject Body)> SendMessageAsync(FakeBotApi fake, long chatId, string text, string? parseMode = null)
    {
        var parameters = new JsonObject { ["chat_id"] = chatId, ["text"] = text };
        if (parseMode is not null)
        {
            parameters["parse_mode"] = parseMode;
        }
        return CallAsync(fake, "sendMessage", parameters);
    }

    private async Task<long[]> UpdateIdsAsync(FakeBotApi fake, JsonObject parameters)
    {
        var (status, body) = await CallAsync(fake, "getUpdates", parameters);
        Assert.Equal(HttpStatusCode.OK, status);
        return body["result"]!.AsArray().Select(u => (long)u!["update_id"]!).ToArray();
    }

    private static JsonObject InlineKeyboard(params (string Text, string Data)[] buttons) => new()
    {
        ["inline_keyboard"] = new JsonArray(new JsonArray(
            buttons.Select(b => (JsonNode)new JsonObject { ["text"] = b.Text, ["callback_data"] = b.Data }).ToArray())),
    };

    /// <summary>A bot's webhook endpoint stand-in: records what arrives and can fail the first requests.</summary>
    private sealed class WebhookReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string? Secret, string Body)> _requests = new();
        private readonly ConcurrentDictionary<long, int> _inFlightPerChat = new();
        private int _failuresLeft;
        private int _maxConcurrentPerChat;

        private WebhookReceiver(WebApplication app, int failFirst)
        {
            _app = app;
            _failuresLeft = failFirst;
        }

        public Uri Url { get; private set; } = null!;

        public (string? Secret, string Body)[] Requests => _requests.ToArray();

        public int MaxConcurrentPerChat => Volatile.Read(ref _maxConcurrentPerChat);

        public static async Task<WebhookReceiver> StartAsync(int failFirst, TimeSpan delay = default)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.Logging.ClearProviders();
            builder.Services.AddRoutingCore();
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var receiver = new WebhookReceiver(app, failFirst);
            app.MapPost("/hook", new RequestDelegate(http => receiver.HandleAsync(http, delay)));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            receiver.Url = new Uri(new Uri(address), "/hook");
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext http, TimeSpan delay)
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var chat = (long?)JsonNode.Parse(body)?["message"]?["chat"]?["id"] ?? 0;
            var concurrent = _inFlightPerChat.AddOrUpdate(chat, 1, (_, n) => n + 1);
            InterlockedMax(ref _maxConcurrentPerChat, concurrent);
            await Task.Delay(delay);
            _inFlightPerChat.AddOrUpdate(chat, 0, (_, n) => n - 1);
            _requests.Enqueue((http.Request.Headers["X-Telegram-Bot-Api-Secret-Token"].FirstOrDefault(), body));
            http.Response.StatusCode = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 500 : 200;
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
