using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Timpora.Bot.Delivery;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Privacy;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Delivery;

public sealed class DispatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_429_storm_delivers_every_message_exactly_once_and_in_order_per_chat()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);
        api.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1, times: 12);

        var expected = new Dictionary<long, List<string>>();
        for (var chat = 8001; chat <= 8004; chat++)
        {
            expected[chat] = Enumerable.Range(1, 5).Select(i => $"chat {chat} message {i}").ToList();
        }

        await EnqueueAsync(host, expected.SelectMany(e => e.Value.Select(text => (e.Key, text))).ToList());
        await api.WaitForSentCountAsync(20, Patience);

        foreach (var (chat, texts) in expected)
        {
            Assert.Equal(texts, api.SentTo(chat).Select(m => m.Text));
        }

        // Sent rows are deleted once Telegram's answer is back, a moment after the fake recorded the message.
        await WaitUntilAsync(host, async db => !await db.Outbox.AnyAsync());
    }

    [Fact]
    public async Task A_blocked_chat_is_marked_unreachable_and_nothing_more_is_sent_to_it()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);
        api.FailNext("sendMessage", 403, "Forbidden: bot was blocked by the user", chatId: 8101);

        await EnqueueAsync(host, [(8101, "one"), (8101, "two"), (8102, "other chat")]);
        await api.WaitForMessageAsync(m => m.ChatId == 8102, Patience);
        await WaitUntilAsync(host, db => db.Outbox.AllAsync(m => m.Status != OutboxStatus.Pending));
        await EnqueueAsync(host, [(8101, "three")]);
        await WaitUntilAsync(host, db => db.Outbox.AllAsync(m => m.Status != OutboxStatus.Pending));

        Assert.Empty(api.SentTo(8101));
        Assert.Single(api.CallsOf("sendMessage"), c => c.ChatId == 8101);
        var pseudonym = host.Services.GetRequiredService<Pseudonyms>().Of(new ConversationAddress(Channel.Telegram, "8101"));
        Assert.True(await host.InScopeAsync(db => db.Conversations.AnyAsync(c => c.Pseudonym == pseudonym && c.Unreachable)));
        Assert.Equal(3, await host.InScopeAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Unreachable && m.ChatKey == null)));
    }

    [Fact]
    public async Task A_person_who_writes_again_after_blocking_is_reachable_again()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);
        api.SendBotBlocked(8201);
        var pseudonym = host.Services.GetRequiredService<Pseudonyms>().Of(new ConversationAddress(Channel.Telegram, "8201"));
        await WaitUntilAsync(host, db => db.Conversations.AnyAsync(c => c.Pseudonym == pseudonym && c.Unreachable));

        api.SendText(8201, "/start");
        var menu = await api.WaitForMessageAsync(m => m.ChatId == 8201, Patience);

        Assert.Equal(6, menu.Buttons.Count);
    }

    [Fact]
    public async Task A_400_is_logged_and_not_retried_and_later_messages_still_go()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);
        api.FailNext("sendMessage", 400, "Bad Request: can't parse entities", chatId: 8301);

        await EnqueueAsync(host, [(8301, "refused"), (8301, "accepted")]);
        await api.WaitForMessageAsync(m => m.ChatId == 8301, Patience);

        Assert.Equal(["accepted"], api.SentTo(8301).Select(m => m.Text));
        Assert.Equal(2, api.CallsOf("sendMessage").Count(c => c.ChatId == 8301));
        var failed = await host.InScopeAsync(db => db.Outbox.SingleAsync(m => m.Status == OutboxStatus.Failed));
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("can't parse entities", host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_and_dropped_connections_are_retried_until_the_message_goes_once()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);
        api.FailNext("sendMessage", 502, "Bad Gateway");
        api.DropConnectionNext("sendMessage");

        await EnqueueAsync(host, [(8401, "after trouble")]);
        await api.WaitForMessageAsync(m => m.ChatId == 8401, Patience);

        Assert.Single(api.SentTo(8401));
        Assert.Equal(3, api.CallsOf("sendMessage").Count(c => c.ChatId == 8401));
    }

    [Fact]
    public async Task A_text_longer_than_Telegram_takes_arrives_in_parts_with_the_buttons_on_the_last()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);
        var paragraph = "<b>Syarat</b> paspor &amp; dokumen " + new string('x', 180);
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 50));
        var message = new OutgoingMessage { Text = text, Buttons = [[new Button("OK", "v1:menu:show")]] };

        await host.InScopeAsync(async db =>
        {
            new Outbox(db, TimeProvider.System).Enqueue(new ConversationAddress(Channel.Telegram, "8501"), message);
            return await db.SaveChangesAsync();
        });
        host.Services.GetRequiredService<OutboxDispatcher>().Wake();
        await api.WaitForSentCountAsync(3, Patience);

        var parts = api.SentTo(8501);
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.True(p.Text!.Length <= 4096));
        Assert.Empty(parts[0].Buttons);
        Assert.Single(parts[^1].Buttons);
    }

    [Fact]
    public async Task Keeps_within_Telegram_limits_so_no_429_is_ever_answered()
    {
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { EnforceRateLimits = true });
        await using var host = await BotHost.StartAsync(api);
        var messages = Enumerable.Range(1, 40).Select(i => (8600L + (i % 20), $"n{i}")).ToList();
        messages.AddRange(Enumerable.Range(1, 5).Select(i => (-1008700L, $"group {i}")));

        await EnqueueAsync(host, messages);
        await api.WaitForSentCountAsync(messages.Count, Patience);

        Assert.Equal(0, api.RateLimitedCount);
    }

    internal static async Task EnqueueAsync(BotHost host, IReadOnlyList<(long Chat, string Text)> messages)
    {
        await host.InScopeAsync(async db =>
        {
            var outbox = new Outbox(db, TimeProvider.System);
            foreach (var (chat, text) in messages)
            {
                outbox.Enqueue(new ConversationAddress(Channel.Telegram, chat.ToString(CultureInfo.InvariantCulture)), OutgoingMessage.Say(text));
            }

            return await db.SaveChangesAsync();
        });
        host.Services.GetRequiredService<OutboxDispatcher>().Wake();
    }

    private static async Task WaitUntilAsync(BotHost host, Func<Core.Storage.TimporaDb, Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await host.InScopeAsync(condition))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The condition never held.");
    }
}
