using Microsoft.EntityFrameworkCore;
using Timpora.Bot.Storage;
using Timpora.Bot.Telegram;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Conversations;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Delivery;

public sealed class ReceivingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_update_is_not_lost_when_the_process_stops_between_receiving_and_handling_it()
    {
        await using var api = await FakeBotApi.StartAsync();
        var folder = BotHost.NewFolder();
        long updateId;
        await using (var receiveOnly = await BotHost.StartAsync(api, folder: folder, configure: b =>
            BotHost.KeepOnlyHostedServices(b.Services, typeof(DatabaseMigrator), typeof(TelegramPolling))))
        {
            updateId = api.SendText(6001, "/start");
            await api.WaitForUpdateConfirmedAsync(updateId, Patience);
            Assert.Empty(api.SentTo(6001));
        }

        await using var restarted = await BotHost.StartAsync(api, folder: folder);
        var menu = await api.WaitForMessageAsync(m => m.ChatId == 6001, Patience);

        Assert.Equal(6, menu.Buttons.Count);
        Assert.Equal(0, api.PendingUpdateCount);
    }

    [Fact]
    public async Task A_bad_update_is_skipped_and_the_loop_goes_on()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);

        var bad = api.SendRaw("""{"update_id":777,"message":{"message_id":1,"date":1,"text":"no chat here"}}""");
        api.SendRaw("""{"update_id":778,"some_future_kind":{"x":1}}""");
        api.SendText(6003, "/start");
        var menu = await api.WaitForMessageAsync(m => m.ChatId == 6003, Patience);

        Assert.Equal(6, menu.Buttons.Count);
        Assert.Contains("Skipped Telegram update", host.Logs.All, StringComparison.Ordinal);
        await api.WaitForUpdateConfirmedAsync(bad, Patience);
    }

    [Fact]
    public async Task A_button_press_is_answered_at_once_and_runs_its_turn()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);
        api.SendText(6004, "/start");
        var menu = await api.WaitForMessageAsync(m => m.ChatId == 6004, Patience);

        var press = api.PressButton(menu, Texts.Get(Language.Indonesian, "Menu.Information"));
        var topics = await api.WaitForMessageAsync(m => m.ChatId == 6004 && m.Text!.Contains(Texts.Get(Language.Indonesian, "Info.Prompt"), StringComparison.Ordinal), Patience);

        Assert.Contains(FakeBotApi.CallbackQueryIdFor(press), api.AnsweredCallbackQueryIds);
        Assert.Equal(8, topics.Buttons.Count);
    }

    [Fact]
    public async Task A_sticker_gets_a_polite_answer_and_the_conversation_stays_where_it_was()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);
        api.SendText(6005, "/bahasa");
        await api.WaitForSentCountAsync(1, Patience);

        api.SendSticker(6005);
        await api.WaitForSentCountAsync(2, Patience);
        api.SendText(6005, "English");
        await api.WaitForMessageAsync(m => m.ChatId == 6005 && m.Text == Texts.Get(Language.English, "Language.Changed"), Patience);

        Assert.Equal(Texts.Format(Language.Indonesian, "Input.Unsupported", Texts.Get(Language.Indonesian, "Input.Kind.sticker")), api.SentTo(6005)[1].Text);
    }

    [Fact]
    public async Task Ten_quick_messages_from_one_chat_are_answered_in_order()
    {
        var echo = new EchoFlow(TimeSpan.FromMilliseconds(5));
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api, configure: b => b.Services.AddSingleton<IFlow>(echo));

        for (var i = 1; i <= 10; i++)
        {
            api.SendText(6006, $"/echo {i}");
        }

        await api.WaitForMessageAsync(m => m.ChatId == 6006 && m.Text == EchoFlow.Reply(10), TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(1, 10).Select(EchoFlow.Reply), api.SentTo(6006).Select(m => m.Text));
    }

    [Fact]
    public async Task A_burst_from_a_hundred_chats_is_handled_concurrently()
    {
        var echo = new EchoFlow(TimeSpan.FromMilliseconds(200));
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api, configure: b => b.Services.AddSingleton<IFlow>(echo));

        for (var chat = 1; chat <= 100; chat++)
        {
            api.SendText(7000 + chat, $"/echo {chat}");
        }

        await api.WaitForSentCountAsync(100, TimeSpan.FromSeconds(30));

        Assert.True(echo.MostAtOnce > 1, $"turns never overlapped (most at once: {echo.MostAtOnce})");
        for (var chat = 1; chat <= 100; chat++)
        {
            Assert.Equal([EchoFlow.Reply(chat)], api.SentTo(7000 + chat).Select(m => m.Text));
        }
    }

    [Fact]
    public async Task Inbox_entries_keep_only_the_update_id_once_handled()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);
        api.SendText(6007, "/start");
        await api.WaitForMessageAsync(m => m.ChatId == 6007, Patience);

        var entries = await host.InScopeAsync(db => db.Inbox.AsNoTracking().ToListAsync());

        var entry = Assert.Single(entries);
        Assert.True(entry.Done);
        Assert.Null(entry.Message);
        Assert.Null(entry.ConversationKey);
    }
}
