using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Timpora.Bot.Telegram;
using Timpora.Bot.Tests.Support;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Delivery;

public sealed class WebhookTests
{
    private const string Secret = "s3cret_Token-for-tests";
    private const string Update = """{"update_id":5,"message":{"message_id":1,"date":1,"chat":{"id":6101,"type":"private"},"from":{"id":6101,"is_bot":false,"first_name":"A"},"text":"/start","entities":[{"type":"bot_command","offset":0,"length":6}]}}""";

    [Fact]
    public async Task Takes_updates_pushed_by_Telegram_and_replies()
    {
        await using var api = await FakeBotApi.StartAsync();
        var port = BotHost.FreePort();
        await using var host = await BotHost.StartAsync(api, s => Webhook(s, port));

        await api.WaitForCallAsync(c => c.Method == "setWebhook", TimeSpan.FromSeconds(10));
        api.SendText(6102, "/start");
        var menu = await api.WaitForMessageAsync(m => m.ChatId == 6102, TimeSpan.FromSeconds(15));

        Assert.Equal(6, menu.Buttons.Count);
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/telegram/webhook"), api.WebhookUrl);
        Assert.Empty(api.CallsOf("getUpdates"));
        Assert.Contains(api.WebhookDeliveries, d => d.StatusCode == 200);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task Refuses_a_post_without_the_right_secret_and_stores_nothing(string? secret)
    {
        await using var api = await FakeBotApi.StartAsync();
        var port = BotHost.FreePort();
        await using var host = await BotHost.StartAsync(api, s => Webhook(s, port));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{port}/telegram/webhook"))
        {
            Content = new StringContent(Update, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhook.SecretHeader, secret);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await host.InScopeAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task A_post_with_the_secret_is_stored_before_it_is_acknowledged()
    {
        await using var api = await FakeBotApi.StartAsync();
        var port = BotHost.FreePort();
        await using var host = await BotHost.StartAsync(api, s => Webhook(s, port));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{port}/telegram/webhook"))
        {
            Content = new StringContent(Update, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhook.SecretHeader, Secret);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await host.InScopeAsync(db => db.Inbox.CountAsync(e => e.UpdateId == "5")));
    }

    [Fact]
    public async Task A_redelivered_update_runs_no_second_turn()
    {
        await using var api = await FakeBotApi.StartAsync();
        var port = BotHost.FreePort();
        await using var host = await BotHost.StartAsync(api, s => Webhook(s, port));
        using var http = new HttpClient();

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{port}/telegram/webhook"))
            {
                Content = new StringContent(Update, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(TelegramWebhook.SecretHeader, Secret);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await api.WaitForMessageAsync(m => m.ChatId == 6101, TimeSpan.FromSeconds(15));
        api.SendText(6101, "/bantuan");
        await api.WaitForSentCountAsync(2, TimeSpan.FromSeconds(15));

        Assert.Equal(1, await host.InScopeAsync(db => db.Inbox.CountAsync(e => e.UpdateId == "5")));
        Assert.Equal(2, api.SentTo(6101).Count);
    }

    private static void Webhook(IDictionary<string, string?> settings, int port)
    {
        settings["urls"] = $"http://127.0.0.1:{BotHost.Port(port)}";
        settings["Telegram:WebhookUrl"] = $"http://127.0.0.1:{BotHost.Port(port)}/telegram/webhook";
        settings["Telegram:WebhookSecret"] = Secret;
    }
}
