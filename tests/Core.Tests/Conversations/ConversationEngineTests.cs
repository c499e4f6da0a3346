using Microsoft.EntityFrameworkCore;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Conversations;

public sealed class ConversationEngineTests : IDisposable
{
    private static readonly string[] MenuPayloads = ["v1:menu:jb", "v1:menu:visits", "v1:menu:col", "v1:menu:rep", "v1:menu:info", "v1:menu:lang"];

    private readonly EngineHarness _bot = new(extraFlows: [new ExplodingFlow()]);

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Runs_an_update_that_was_already_handled_no_second_time()
    {
        await _bot.SendAsync("/start");
        var queued = _bot.OutboxRows().Count;

        var again = await _bot.RunLastEntryAgainAsync();

        Assert.Empty(again);
        Assert.Equal(queued, _bot.OutboxRows().Count);
    }

    [Fact]
    public async Task Shows_the_menu_in_Indonesian_on_start()
    {
        var replies = await _bot.SendAsync("/start");

        var menu = Assert.Single(replies);
        Assert.Equal(Texts.Format(Language.Indonesian, "Menu.Prompt", Some.OfficeName), menu.Text);
        Assert.StartsWith("Selamat datang di layanan chat <b>Kantor Imigrasi Kelas I Non TPI Serang</b>", menu.Text, StringComparison.Ordinal);
        Assert.Equal(
            ["Jemput Bola (orang sakit)", "📋 Kunjungan saya", "Paspor kolektif Umrah", "Lapor orang asing (anonim)", "Informasi", "Bahasa / Language"],
            menu.Labels());
        Assert.Equal(MenuPayloads, menu.Payloads());
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);
    }

    [Fact]
    public async Task Shows_the_menu_in_English_when_the_app_is_in_English()
    {
        var replies = await _bot.SendAsync("/start", languageHint: "en-US");

        var menu = Assert.Single(replies);
        Assert.Equal(Texts.Format(Language.English, "Menu.Prompt", Some.OfficeName), menu.Text);
        Assert.StartsWith("Welcome to the chat service of <b>", menu.Text, StringComparison.Ordinal);
        Assert.Equal(
            ["Visit for the sick", "📋 My visits", "Group Umrah passports", "Report a foreigner (anonymous)", "Information", "Bahasa / Language"],
            menu.Labels());
        Assert.Equal(Language.English, _bot.Conversation().Language);
    }

    [Fact]
    public async Task Follows_the_app_language_until_the_person_chooses_one()
    {
        await _bot.SendAsync("/start", languageHint: "id");

        var replies = await _bot.SendAsync("/menu", languageHint: "en");

        Assert.Equal(Texts.Format(Language.English, "Menu.Prompt", Some.OfficeName), Assert.Single(replies).Text);
        Assert.False(_bot.Conversation().LanguageChosen);
    }

    [Fact]
    public async Task Keeps_a_chosen_language_across_turns_and_over_the_app_setting()
    {
        await _bot.SendAsync("/bahasa");

        var switched = await _bot.SendAsync("English");
        var later = await _bot.SendAsync("/start", languageHint: "id");

        Assert.Equal(
            [Texts.Get(Language.English, "Language.Changed"), Texts.Format(Language.English, "Menu.Prompt", Some.OfficeName)],
            switched.Said());
        Assert.Equal(Texts.Format(Language.English, "Menu.Prompt", Some.OfficeName), Assert.Single(later).Text);
        var conversation = _bot.Conversation();
        Assert.Equal(Language.English, conversation.Language);
        Assert.True(conversation.LanguageChosen);
    }

    [Fact]
    public async Task Acts_on_a_typed_button_number_like_a_press()
    {
        await _bot.SendAsync("/start");
        await _bot.SendAsync("/start", chat: "2002");

        var typed = await _bot.SendAsync("5");
        var pressed = await _bot.PressAsync("v1:menu:info", chat: "2002");

        Assert.Equal(Texts.Get(Language.Indonesian, "Info.Prompt"), Assert.Single(typed).Text);
        Assert.Equal(pressed.Said(), typed.Said());
        Assert.Equal(pressed[0].Payloads(), typed[0].Payloads());
        Assert.Equal("info", _bot.Conversation().Flow);
    }

    [Theory]
    [InlineData("Informasi")]
    [InlineData("INFORMASI")]
    [InlineData("  informasi ")]
    public async Task Acts_on_a_typed_button_label_in_any_case(string typed)
    {
        await _bot.SendAsync("/start");

        var replies = await _bot.SendAsync(typed);

        Assert.Equal(Texts.Get(Language.Indonesian, "Info.Prompt"), Assert.Single(replies).Text);
        Assert.Equal("info", _bot.Conversation().Flow);
    }

    [Fact]
    public async Task Asks_for_a_button_when_text_comes_where_a_button_was_expected()
    {
        await _bot.SendAsync("/info");
        var before = _bot.Conversation();

        var replies = await _bot.SendAsync("halo, kantornya buka jam berapa?");

        var reply = Assert.Single(replies);
        Assert.Equal(Texts.Get(Language.Indonesian, "Input.ChooseButton"), reply.Text);
        Assert.Contains("v1:info:topic:office", reply.Payloads());
        var after = _bot.Conversation();
        Assert.Equal("info", after.Flow);
        Assert.Equal(before.FlowState, after.FlowState);
    }

    [Fact]
    public async Task Asks_for_a_button_when_a_location_arrives_at_the_menu()
    {
        await _bot.SendAsync("/start");

        var replies = await _bot.SendLocationAsync(-6.12, 106.15);

        var reply = Assert.Single(replies);
        Assert.Equal(Texts.Get(Language.Indonesian, "Input.ChooseButton"), reply.Text);
        Assert.Equal(MenuPayloads, reply.Payloads());
    }

    [Theory]
    [InlineData("sticker", "id", "stiker")]
    [InlineData("voice", "id", "pesan suara")]
    [InlineData("dice", "id", "jenis pesan ini")]
    [InlineData("sticker", "en", "stickers")]
    [InlineData("voice", "en", "voice messages")]
    public async Task Refuses_what_it_cannot_read_in_the_persons_language_and_changes_nothing(string kind, string hint, string noun)
    {
        await _bot.SendAsync("/info", languageHint: hint);
        var before = _bot.Conversation();
        var language = Texts.FromHint(hint);

        var replies = await _bot.SendUnsupportedAsync(kind, languageHint: hint);

        var reply = Assert.Single(replies);
        Assert.Equal(Texts.Format(language, "Input.Unsupported", noun), reply.Text);
        Assert.Contains(noun, reply.Text, StringComparison.Ordinal);
        AssertUnchanged(before, _bot.Conversation());
    }

    [Fact]
    public async Task Refuses_a_message_over_the_length_limit_and_changes_nothing()
    {
        await _bot.SendAsync("/info");
        var before = _bot.Conversation();

        var replies = await _bot.SendAsync(new string('a', 10_000));

        var reply = Assert.Single(replies);
        Assert.Equal(Texts.Format(Language.Indonesian, "Input.TooLong", ConversationEngine.MaxIncomingText), reply.Text);
        Assert.Contains("paling banyak 4096 karakter", reply.Text, StringComparison.Ordinal);
        AssertUnchanged(before, _bot.Conversation());
    }

    [Fact]
    public async Task Answers_an_unknown_command_with_the_command_escaped_and_changes_nothing()
    {
        await _bot.SendAsync("/info");
        var before = _bot.Conversation();

        var replies = await _bot.SendAsync("/a<b");

        var reply = Assert.Single(replies);
        Assert.Equal(Texts.Format(Language.Indonesian, "Input.UnknownCommand", "/a&lt;b"), reply.Text);
        Assert.Contains("<code>/a&lt;b</code>", reply.Text, StringComparison.Ordinal);
        AssertUnchanged(before, _bot.Conversation());
    }

    [Theory]
    [InlineData("v0:menu:info")]
    [InlineData("v1:nope:x")]
    [InlineData("v1:info:topic:secrets")]
    [InlineData("v1:menu:info:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("")]
    [InlineData("v1::")]
    public async Task Answers_a_stale_or_forged_button_politely(string payload)
    {
        await _bot.SendAsync("/start");

        var replies = await _bot.PressAsync(payload);

        Assert.Equal(Texts.Get(Language.Indonesian, "Input.StaleButton"), replies[0].Text);
        Assert.All(_bot.InboxRows(), e => Assert.True(e.Done));
    }

    [Theory]
    [InlineData("v0:menu:info")]
    [InlineData("v1:nope:x")]
    [InlineData("")]
    public async Task Changes_nothing_for_a_button_no_flow_owns(string payload)
    {
        await _bot.SendAsync("/info");
        var before = _bot.Conversation();

        await _bot.PressAsync(payload);

        AssertUnchanged(before, _bot.Conversation());
    }

    [Fact]
    public async Task Follows_a_stale_button_with_the_message_its_apology_points_to()
    {
        await _bot.SendAsync("/info");

        var replies = await _bot.PressAsync("v0:menu:info");

        Assert.Equal(2, replies.Count);
        Assert.Equal(Texts.Get(Language.Indonesian, "Input.StaleButton"), replies[0].Text);
        Assert.NotEmpty(replies[1].Buttons);
    }

    [Fact]
    public async Task Cancels_a_running_flow_and_returns_to_the_menu()
    {
        await _bot.SendAsync("/info");

        var replies = await _bot.SendAsync("/batal");

        Assert.Equal(
            [Texts.Get(Language.Indonesian, "Cancel.Done"), Texts.Format(Language.Indonesian, "Menu.Prompt", Some.OfficeName)],
            replies.Said());
        Assert.Equal(MenuPayloads, replies[1].Payloads());
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);
    }

    [Theory]
    [InlineData("/batal")]
    [InlineData("/cancel")]
    public async Task Says_there_is_nothing_to_cancel_at_the_menu(string command)
    {
        await _bot.SendAsync("/start");

        var replies = await _bot.SendAsync(command);

        Assert.Equal(
            [Texts.Get(Language.Indonesian, "Cancel.Nothing"), Texts.Format(Language.Indonesian, "Menu.Prompt", Some.OfficeName)],
            replies.Said());
    }

    [Fact]
    public async Task Shows_help_inside_a_flow_and_leaves_the_flow_running()
    {
        await _bot.SendAsync("/info");

        var help = await _bot.SendAsync("/bantuan");
        var next = await _bot.SendAsync("1");

        Assert.Equal(Texts.Format(Language.Indonesian, "Help", Some.OfficePhone), Assert.Single(help).Text);
        Assert.Contains("(0254) 209489", help[0].Text, StringComparison.Ordinal);
        Assert.Equal(Texts.Get(Language.Indonesian, "Info.Passport"), next[0].Text);
        Assert.Equal("info", _bot.Conversation().Flow);
    }

    [Fact]
    public async Task Apologises_and_returns_to_the_menu_when_a_flow_breaks_keeping_nothing_it_did()
    {
        await _bot.SendAsync("/start");

        var replies = await _bot.SendAsync("/boom");

        Assert.Equal(
            [Texts.Get(Language.Indonesian, "Error.Apology"), Texts.Format(Language.Indonesian, "Menu.Prompt", Some.OfficeName)],
            replies.Said());
        var conversation = _bot.Conversation();
        Assert.Equal(ConversationEngine.MenuFlow, conversation.Flow);
        Assert.Null(conversation.FlowState);
        Assert.Equal(Language.Indonesian, conversation.Language);
        Assert.False(conversation.LanguageChosen);
        Assert.DoesNotContain(ExplodingFlow.HalfDone, _bot.Queued().Said());
        Assert.Equal(Texts.Get(Language.Indonesian, "Error.Apology"), _bot.Queued()[^2].Text);
        Assert.True(_bot.InboxRows()[^1].Done);
    }

    [Fact]
    public async Task Apologises_when_a_flow_breaks_on_the_very_first_message()
    {
        var replies = await _bot.SendAsync("/boom");

        Assert.Equal(Texts.Get(Language.Indonesian, "Error.Apology"), replies[0].Text);
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);
        Assert.Single(_bot.Database.Cells("conversations"), c => c == _bot.Conversation().Pseudonym);
    }

    [Fact]
    public async Task Queues_the_replies_of_a_turn_in_order_for_the_sender()
    {
        await _bot.SendAsync("/start");
        await _bot.SendAsync("/start", chat: "2002");

        var replies = await _bot.PressAsync("v1:info:topic:office");

        var rows = _bot.OutboxRows().Where(o => o.ChatKey == EngineHarness.Chat).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(Channel.Telegram, r.Channel));
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Pending, r.Status));
        var queued = _bot.Queued();
        Assert.Equal(2, replies.Count);
        Assert.Equal(replies[0].Text, queued[1].Text);
        Assert.Equal(replies[0].Payloads(), queued[1].Payloads());
        Assert.Null(queued[2].Text);
        Assert.Equal(replies[1].Venue, queued[2].Venue);
        Assert.Single(_bot.Queued("2002"));
    }

    [Fact]
    public async Task Erases_the_inbox_entry_once_its_turn_is_done()
    {
        var replies = await _bot.SendAsync("/start");

        var entry = Assert.Single(_bot.InboxRows());
        Assert.Equal(_bot.LastInboxEntryId, entry.Id);
        Assert.True(entry.Done);
        Assert.Null(entry.Message);
        Assert.Null(entry.ConversationKey);
        Assert.Equal("1", entry.UpdateId);
        Assert.Single(replies);
    }

    [Fact]
    public async Task Writes_state_replies_and_the_inbox_entry_in_one_save()
    {
        await _bot.SendAsync("/start");
        _bot.Database.Saves.Clear();

        await _bot.PressAsync("v1:info:topic:office");

        // The harness's own save of the inbox entry, then the turn's one save.
        Assert.Equal(2, _bot.Database.Saves.All.Count);
        var turn = _bot.Database.Saves.All[1];
        Assert.Contains((typeof(Conversation), EntityState.Modified), turn);
        Assert.Contains((typeof(InboxEntry), EntityState.Modified), turn);
        Assert.Equal(2, turn.Count(e => e == (typeof(OutboxMessage), EntityState.Added)));
    }

    [Fact]
    public async Task Writes_nothing_of_a_turn_whose_save_fails()
    {
        await _bot.SendAsync("/start");
        var before = _bot.Conversation();
        _bot.Database.Execute("CREATE TRIGGER refuse_done BEFORE UPDATE ON inbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;");

        await Assert.ThrowsAsync<DbUpdateException>(() => _bot.SendAsync("/bahasa"));

        var after = _bot.Conversation();
        Assert.Equal(ConversationEngine.MenuFlow, after.Flow);
        Assert.Equal(before.Version, after.Version);
        Assert.Single(_bot.OutboxRows());
        var pending = _bot.InboxRows()[^1];
        Assert.False(pending.Done);
        Assert.NotNull(pending.Message);
    }

    [Fact]
    public async Task Runs_a_turn_again_on_fresh_state_when_another_instance_wrote_the_conversation_meanwhile()
    {
        await _bot.SendAsync("/start");
        var before = _bot.Conversation();
        _bot.Database.Saves.Clear();
        _bot.Database.Saves.BeforeNextTurnSave = () =>
            _bot.Database.Execute($"UPDATE conversations SET Version = Version + 1, Language = {(int)Language.English}, LanguageChosen = 1 WHERE Id = {before.Id}");

        var replies = await _bot.SendAsync("halo");

        var reply = Assert.Single(replies);
        Assert.Equal(Texts.Get(Language.English, "Input.ChooseButton"), reply.Text);
        Assert.Contains("v1:menu:info", reply.Payloads());
        var after = _bot.Conversation();
        Assert.Equal(before.Version + 2, after.Version);
        Assert.Equal(2, _bot.Database.Saves.All.Count(save => save.Any(c => c.Entity == typeof(Conversation))));
        Assert.Equal(2, _bot.OutboxRows().Count);
        Assert.True(_bot.InboxRows()[^1].Done);
    }

    [Fact]
    public async Task Joins_the_conversation_another_instance_created_meanwhile()
    {
        _bot.Database.Saves.BeforeNextTurnSave = () =>
        {
            using var other = _bot.Database.NewDb();
            other.Conversations.Add(new Conversation(_bot.Pseudonyms.Of(EngineHarness.Address(EngineHarness.Chat)), Language.Indonesian, Some.Now.UtcDateTime));
            other.SaveChanges();
        };

        var replies = await _bot.SendAsync("/start");

        Assert.Equal(Texts.Format(Language.Indonesian, "Menu.Prompt", Some.OfficeName), Assert.Single(replies).Text);
        Assert.Single(_bot.Database.Cells("conversations"), c => c == _bot.Conversation().Pseudonym);
        Assert.Single(_bot.OutboxRows());
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);
        Assert.Equal(3, _bot.Database.Saves.All.Count(save => save.Any(c => c.Entity == typeof(Conversation))));
    }

    [Fact]
    public async Task Stores_no_trace_of_the_chat_id_once_messages_are_delivered()
    {
        const string chat = "5551234567";
        await _bot.SendAsync("/start", chat);
        await _bot.PressAsync("v1:menu:info", chat);
        await _bot.SendAsync("halo", chat);
        await _bot.SendAsync("/batal", chat);
        Assert.Contains(chat, _bot.Database.Cells("outbox"));

        _bot.MarkOutboxSent();

        Assert.DoesNotContain(_bot.Database.Cells("conversations"), c => c.Contains(chat, StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.Database.Cells("inbox"), c => c.Contains(chat, StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.Database.Cells("outbox"), c => c.Contains(chat, StringComparison.Ordinal));
        var conversation = _bot.Conversation(chat);
        Assert.Equal(_bot.Pseudonyms.Of(EngineHarness.Address(chat)), conversation.Pseudonym);
        Assert.Matches("^[0-9a-f]{64}$", conversation.Pseudonym);
    }

    [Fact]
    public async Task Points_to_the_private_chat_when_given_a_command_in_a_group()
    {
        var replies = await _bot.SendInGroupAsync("/start");

        var reply = Assert.Single(replies);
        Assert.Equal(Texts.Format(Language.Indonesian, "Group.PrivateOnly", Some.BotUsername), reply.Text);
        Assert.Contains("<a href=\"https://t.me/TimporaSerangBot\">@TimporaSerangBot</a>", reply.Text, StringComparison.Ordinal);
        Assert.Equal(EngineHarness.GroupChat, Assert.Single(_bot.OutboxRows()).ChatKey);
    }

    [Fact]
    public async Task Says_nothing_to_plain_text_in_a_group()
    {
        var replies = await _bot.SendInGroupAsync("selamat pagi semua");

        Assert.Empty(replies);
        Assert.Empty(_bot.OutboxRows());
        Assert.True(Assert.Single(_bot.InboxRows()).Done);
    }

    [Theory]
    [InlineData("v1:menu:jb")]
    [InlineData("v1:status:ans")]
    [InlineData("v1:report:a:cat:Overstay")]
    public async Task A_press_in_a_group_on_a_button_of_a_flow_that_takes_none_there_changes_nothing(string payload)
    {
        await _bot.SendAsync("/start");
        var before = _bot.Conversation();

        var replies = await _bot.PressInGroupAsync(payload, EngineHarness.Chat);

        Assert.Empty(replies);
        Assert.Equal(before.Flow, _bot.Conversation().Flow);
        Assert.Equal(before.FlowState, _bot.Conversation().FlowState);
        Assert.True(_bot.InboxRows()[^1].Done);
    }

    [Fact]
    public async Task Marks_a_person_who_writes_again_as_reachable()
    {
        await _bot.SendAsync("/start");
        using (var db = _bot.Database.NewDb())
        {
            db.Conversations.Single().Unreachable = true;
            db.SaveChanges();
        }

        await _bot.SendAsync("/menu");

        Assert.False(_bot.Conversation().Unreachable);
    }

    private static void AssertUnchanged(Conversation before, Conversation after)
    {
        Assert.Equal(before.Flow, after.Flow);
        Assert.Equal(before.FlowState, after.FlowState);
        Assert.Equal(before.Choices, after.Choices);
        Assert.Equal(before.Language, after.Language);
        Assert.Equal(before.LanguageChosen, after.LanguageChosen);
    }
}
