using System.Text.Json;
using Timpora.Bot.Telegram;
using Timpora.Core.Messaging;

namespace Timpora.Bot.Tests.Telegram;

public sealed class UpdateTranslatorTests
{
    private const string Citizen = """{"id":5551234567,"is_bot":false,"first_name":"Siti","username":"siti_a","language_code":"id"}""";
    private const string PrivateChat = """{"id":5551234567,"first_name":"Siti","username":"siti_a","type":"private"}""";
    private const string GroupChat = """{"id":-1001987654321,"title":"Tim Pora Serang","type":"supergroup"}""";

    [Fact]
    public void Reads_a_command_with_a_bot_name_and_a_deep_link_payload()
    {
        var result = Translate(MessageUpdate("""
            "text":"/Start@TimporaBot  jb-rsud-42 ","entities":[{"offset":0,"length":17,"type":"bot_command"}]
            """));

        var message = Assert.IsType<IncomingMessage>(result.Message);
        Assert.Equal(IncomingKind.Command, message.Kind);
        Assert.Equal("start", message.Command);
        Assert.Equal("jb-rsud-42", message.CommandArgument);
        Assert.Equal(new ConversationAddress(Channel.Telegram, "5551234567"), message.Address);
        Assert.Equal("id", message.LanguageHint);
        Assert.False(message.InGroup);
        Assert.Null(result.SkipReason);
    }

    [Fact]
    public void Leaves_the_argument_empty_for_a_bare_command()
    {
        var message = Translate(MessageUpdate("""
            "text":"/batal","entities":[{"offset":0,"length":6,"type":"bot_command"}]
            """)).Message;

        Assert.Equal("batal", message?.Command);
        Assert.Null(message?.CommandArgument);
    }

    [Fact]
    public void Reads_a_bare_slash_word_as_a_command_when_there_are_no_entities()
    {
        var message = Translate(MessageUpdate("""
            "text":"/bahasa en"
            """)).Message;

        Assert.Equal(IncomingKind.Command, message?.Kind);
        Assert.Equal("bahasa", message?.Command);
        Assert.Equal("en", message?.CommandArgument);
    }

    [Fact]
    public void Skips_a_command_addressed_to_another_bot()
    {
        var result = UpdateTranslator.Translate(Parse(MessageUpdate("""
            "text":"/start@OtherBot","entities":[{"offset":0,"length":15,"type":"bot_command"}]
            """, chat: GroupChat)), botUsername: "TimporaBot");

        Assert.Null(result.Message);
        Assert.Equal("command for another bot", result.SkipReason);
    }

    [Fact]
    public void Reads_text_with_a_command_later_in_it_as_text()
    {
        var message = Translate(MessageUpdate("""
            "text":"tolong /bantuan","entities":[{"offset":7,"length":8,"type":"bot_command"}]
            """)).Message;

        Assert.Equal(IncomingKind.Text, message?.Kind);
        Assert.Equal("tolong /bantuan", message?.Text);
    }

    [Fact]
    public void Marks_text_from_a_group_as_in_group_and_addresses_the_group()
    {
        var message = Translate(MessageUpdate("""
            "text":"besok jam 9"
            """, chat: GroupChat)).Message;

        Assert.Equal(IncomingKind.Text, message?.Kind);
        Assert.True(message?.InGroup);
        Assert.Equal("-1001987654321", message?.Address.Key);
    }

    [Fact]
    public void Reads_a_button_press_with_its_label()
    {
        var result = Translate($$$"""
            {"update_id":700,"callback_query":{"id":"4382bfdwdsb323b2d9","from":{{{Citizen}}},"chat_instance":"-8812",
             "data":"v1:jb:slot:20260105:0900",
             "message":{"message_id":88,"date":1767225600,"chat":{{{PrivateChat}}},"text":"Pilih jam",
               "reply_markup":{"inline_keyboard":[[{"text":"09.00","callback_data":"v1:jb:slot:20260105:0900"}]]} } } }
            """);

        var message = Assert.IsType<IncomingMessage>(result.Message);
        Assert.Equal("4382bfdwdsb323b2d9", result.CallbackQueryId);
        Assert.Equal(IncomingKind.Button, message.Kind);
        Assert.Equal("v1:jb:slot:20260105:0900", message.Payload);
        Assert.Equal("09.00", message.Text);
        Assert.Equal("5551234567", message.Address.Key);
        Assert.Equal(700, result.UpdateId);
    }

    [Fact]
    public void A_press_in_a_group_is_the_pressers_own_turn_and_names_the_group()
    {
        var result = Translate($$$"""
            {"update_id":701,"callback_query":{"id":"q2","from":{{{Citizen}}},"chat_instance":"-8812","data":"v1:menu",
             "message":{"message_id":12,"date":0,"chat":{{{GroupChat}}} } } }
            """);

        Assert.Equal("5551234567", result.Message?.Address.Key);
        Assert.Equal("-1001987654321", result.Message?.PressedInGroup?.Key);
        Assert.False(result.Message?.InGroup);
        Assert.Null(result.Message?.Text);
    }

    [Fact]
    public void A_press_in_a_group_without_a_sender_is_skipped()
    {
        var result = Translate($$$"""
            {"update_id":702,"callback_query":{"id":"q3","chat_instance":"-8812","data":"v1:menu",
             "message":{"message_id":12,"date":0,"chat":{{{GroupChat}}} } } }
            """);

        Assert.Null(result.Message);
        Assert.NotNull(result.SkipReason);
    }

    [Fact]
    public void A_press_in_a_private_chat_has_no_group()
    {
        var result = Translate($$$"""
            {"update_id":703,"callback_query":{"id":"q4","from":{{{Citizen}}},"chat_instance":"-8812","data":"v1:menu",
             "message":{"message_id":12,"date":0,"chat":{"id":5551234567,"type":"private","first_name":"Siti"} } } }
            """);

        Assert.Equal("5551234567", result.Message?.Address.Key);
        Assert.Null(result.Message?.PressedInGroup);
    }

    [Fact]
    public void Addresses_a_press_without_a_message_to_the_sender()
    {
        var result = Translate($$$"""
            {"update_id":702,"callback_query":{"id":"q3","from":{{{Citizen}}},"inline_message_id":"AAAA","chat_instance":"-8812","data":"v1:menu"}}
            """);

        Assert.Equal("5551234567", result.Message?.Address.Key);
        Assert.Equal("v1:menu", result.Message?.Payload);
    }

    [Fact]
    public void Still_answers_a_press_without_data()
    {
        var result = Translate($$$"""
            {"update_id":703,"callback_query":{"id":"q4","from":{{{Citizen}}},"chat_instance":"-8812","game_short_name":"snake"}}
            """);

        Assert.Equal("q4", result.CallbackQueryId);
        Assert.Null(result.Message);
        Assert.NotNull(result.SkipReason);
    }

    [Fact]
    public void Reads_a_shared_location()
    {
        var message = Translate(MessageUpdate("""
            "location":{"latitude":-6.120135,"longitude":106.150261,"horizontal_accuracy":12.5}
            """)).Message;

        Assert.Equal(IncomingKind.Location, message?.Kind);
        Assert.Equal(new GeoPoint(-6.120135, 106.150261), message?.Location);
        Assert.Null(message?.Text);
    }

    [Fact]
    public void Reads_a_venue_as_a_location_with_its_name_and_address()
    {
        var message = Translate(MessageUpdate("""
            "location":{"latitude":-6.11,"longitude":106.16},
            "venue":{"location":{"latitude":-6.11,"longitude":106.16},"title":"RSUD Banten","address":"Jl. Syech Nawawi Al Bantani"}
            """)).Message;

        Assert.Equal(IncomingKind.Location, message?.Kind);
        Assert.Equal(new GeoPoint(-6.11, 106.16), message?.Location);
        Assert.Equal("RSUD Banten, Jl. Syech Nawawi Al Bantani", message?.Text);
    }

    [Fact]
    public void Knows_a_contact_is_the_senders_own()
    {
        var message = Translate(MessageUpdate("""
            "contact":{"phone_number":"+6281234567890","first_name":"Siti","user_id":5551234567}
            """)).Message;

        Assert.Equal(IncomingKind.Contact, message?.Kind);
        Assert.Equal(new SharedContact("+6281234567890", "Siti", IsSender: true), message?.Contact);
    }

    [Fact]
    public void Knows_a_contact_belongs_to_someone_else()
    {
        var message = Translate(MessageUpdate("""
            "contact":{"phone_number":"081298765432","first_name":"Budi","user_id":777}
            """)).Message;

        Assert.False(message?.Contact?.IsSender);
    }

    [Fact]
    public void Knows_a_contact_without_a_user_id_is_not_the_senders()
    {
        var message = Translate(MessageUpdate("""
            "contact":{"phone_number":"081298765432","first_name":"Budi"}
            """)).Message;

        Assert.False(message?.Contact?.IsSender);
    }

    [Fact]
    public void Takes_the_largest_photo_size_by_area_with_the_caption()
    {
        var message = Translate(MessageUpdate("""
            "caption":"WNA di warung","photo":[
              {"file_id":"mid","file_unique_id":"u2","width":320,"height":240,"file_size":15000},
              {"file_id":"big","file_unique_id":"u3","width":1280,"height":960,"file_size":180000},
              {"file_id":"small","file_unique_id":"u1","width":90,"height":67,"file_size":1200}]
            """)).Message;

        Assert.Equal(IncomingKind.Photo, message?.Kind);
        Assert.Equal(new IncomingFile("big", 180000, MimeType: null, FileName: null, IsPhoto: true), message?.File);
        Assert.Equal("WNA di warung", message?.Text);
    }

    [Fact]
    public void Reads_a_document_with_its_name_and_type()
    {
        var message = Translate(MessageUpdate("""
            "document":{"file_id":"doc1","file_unique_id":"ud1","file_name":"paspor.pdf","mime_type":"application/pdf","file_size":52000}
            """)).Message;

        Assert.Equal(IncomingKind.Document, message?.Kind);
        Assert.Equal(new IncomingFile("doc1", 52000, "application/pdf", "paspor.pdf", IsPhoto: false), message?.File);
    }

    [Theory]
    [InlineData("""
        "sticker":{"file_id":"s","file_unique_id":"s","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false}
        """, "sticker")]
    [InlineData("""
        "voice":{"file_id":"v","file_unique_id":"v","duration":3,"mime_type":"audio/ogg"}
        """, "voice")]
    [InlineData("""
        "video_note":{"file_id":"vn","file_unique_id":"vn","length":240,"duration":5}
        """, "video")]
    [InlineData("""
        "poll":{"id":"p","question":"?","options":[],"total_voter_count":0,"is_closed":false,"is_anonymous":true,"type":"regular","allows_multiple_answers":false}
        """, "poll")]
    [InlineData("""
        "dice":{"emoji":"🎲","value":4}
        """, "other")]
    [InlineData("""
        "story":{"chat":{"id":1,"type":"private"},"id":3}
        """, "other")]
    public void Reads_things_the_bot_cannot_use_as_unsupported(string content, string kind)
    {
        var message = Translate(MessageUpdate(content)).Message;

        Assert.Equal(IncomingKind.Unsupported, message?.Kind);
        Assert.Equal(kind, message?.UnsupportedKind);
    }

    [Fact]
    public void Skips_service_messages_in_groups()
    {
        var result = Translate(MessageUpdate($$$"""
            "new_chat_members":[{{{Citizen}}}]
            """, chat: GroupChat));

        Assert.Null(result.Message);
        Assert.Equal("service message", result.SkipReason);
    }

    [Fact]
    public void Reports_a_private_chat_that_blocked_the_bot()
    {
        var result = Translate(MembershipUpdate(PrivateChat, "member", "kicked"));

        Assert.Equal(5551234567, result.BlockedChatId);
        Assert.Null(result.UnblockedChatId);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Reports_a_private_chat_that_unblocked_the_bot()
    {
        var result = Translate(MembershipUpdate(PrivateChat, "kicked", "member"));

        Assert.Equal(5551234567, result.UnblockedChatId);
        Assert.Null(result.BlockedChatId);
    }

    [Fact]
    public void Skips_membership_changes_in_groups()
    {
        var result = Translate(MembershipUpdate(GroupChat, "member", "left"));

        Assert.Null(result.BlockedChatId);
        Assert.NotNull(result.SkipReason);
    }

    [Fact]
    public void Skips_an_edited_message_such_as_a_live_location_update()
    {
        var result = Translate($$$"""
            {"update_id":800,"edited_message":{"message_id":5,"date":1767225600,"edit_date":1767225660,"chat":{{{PrivateChat}}},"from":{{{Citizen}}},
             "location":{"latitude":-6.1,"longitude":106.1,"live_period":900} } }
            """);

        Assert.Null(result.Message);
        Assert.Equal("edited_message", result.SkipReason);
        Assert.Equal(800, result.UpdateId);
    }

    [Fact]
    public void Skips_a_channel_post()
    {
        var result = Translate("""
            {"update_id":801,"channel_post":{"message_id":5,"date":1767225600,"chat":{"id":-100777,"type":"channel","title":"Info"},"text":"halo"}}
            """);

        Assert.Equal("channel_post", result.SkipReason);
    }

    [Fact]
    public void Names_an_unknown_update_kind()
    {
        var result = Translate("""
            {"update_id":802,"message_reaction":{"chat":{"id":5,"type":"private"},"message_id":1,"date":1767225600,"old_reaction":[],"new_reaction":[]}}
            """);

        Assert.Null(result.Message);
        Assert.Equal("unknown update kind (message_reaction)", result.SkipReason);
    }

    [Fact]
    public void Skips_a_message_without_a_chat()
    {
        var result = Translate($$$"""
            {"update_id":803,"message":{"message_id":5,"date":1767225600,"from":{{{Citizen}}},"text":"halo"}}
            """);

        Assert.Null(result.Message);
        Assert.Equal("message without chat", result.SkipReason);
    }

    [Theory]
    [InlineData("""{"update_id":804,"message":{"message_id":"five","chat":{"id":"x"} } }""", 804)]
    [InlineData("""{"update_id":805,"callback_query":[1,2,3]}""", 805)]
    [InlineData("""[1,2,3]""", 0)]
    [InlineData("""{"update_id":"806"}""", 0)]
    public void Skips_a_malformed_update_without_throwing(string json, long updateId)
    {
        var result = Translate(json);

        Assert.Equal(updateId, result.UpdateId);
        Assert.Null(result.Message);
        Assert.Equal("malformed update", result.SkipReason);
    }

    [Theory]
    [InlineData("""{"update_id":807,"message":{"chat":{"id":5,"type":"private"},"photo":[]}}""")]
    [InlineData("""{"update_id":808,"message":{"chat":{"id":5,"type":"private"},"document":{} } }""")]
    [InlineData("""{"update_id":809,"message":{"chat":{"id":5,"type":"private"},"location":{} } }""")]
    [InlineData("""{"update_id":810,"message":{"chat":{"id":5,"type":"private"},"contact":{"first_name":"X"} } }""")]
    [InlineData("""{"update_id":811,"callback_query":{"data":"v1:x"}}""")]
    [InlineData("""{"update_id":812,"callback_query":{"id":"q","data":"v1:x"}}""")]
    [InlineData("""{"update_id":813,"my_chat_member":{"new_chat_member":{"status":"kicked"} } }""")]
    [InlineData("""{"update_id":814,"message":{"chat":{"id":5,"type":"private"},"text":"/","entities":[{"offset":0,"length":40,"type":"bot_command"}]}}""")]
    public void Gives_a_reason_instead_of_throwing_for_incomplete_updates(string json)
    {
        var result = Translate(json);

        Assert.True(result.SkipReason is not null || result.Message is { Kind: IncomingKind.Text }, result.ToString());
    }

    private static TranslatedUpdate Translate(string json) => UpdateTranslator.Translate(Parse(json));

    private static Update Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return TelegramJson.ReadUpdate(document.RootElement);
    }

    private static string MessageUpdate(string content, string chat = PrivateChat) => $$$"""
        {"update_id":600,"message":{"message_id":77,"date":1767225600,"from":{{{Citizen}}},"chat":{{{chat}}},{{{content}}} } }
        """;

    private static string MembershipUpdate(string chat, string oldStatus, string newStatus) => $$$"""
        {"update_id":900,"my_chat_member":{"chat":{{{chat}}},"from":{{{Citizen}}},"date":1767225600,
         "old_chat_member":{"status":"{{{oldStatus}}}","user":{"id":42,"is_bot":true,"first_name":"Timpora"}},
         "new_chat_member":{"status":"{{{newStatus}}}","user":{"id":42,"is_bot":true,"first_name":"Timpora"} } } }
        """;
}
