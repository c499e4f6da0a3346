using System.Globalization;
using System.Text.RegularExpressions;
using Timpora.Core.Messaging;

namespace Timpora.Bot.Telegram;

/// <summary>
/// Turns a Telegram update into Core's channel-neutral message. Pure: no I/O, no clock, and no exception for odd
/// input; whatever cannot be used comes back with a <see cref="TranslatedUpdate.SkipReason"/>.
/// </summary>
public static partial class UpdateTranslator
{
    // Messages about the chat rather than from a person; a group would otherwise get "I can't use that" on every join.
    private static readonly HashSet<string> ServiceFields =
    [
        "new_chat_members", "left_chat_member", "new_chat_title", "new_chat_photo", "delete_chat_photo",
        "group_chat_created", "supergroup_chat_created", "channel_chat_created", "message_auto_delete_timer_changed",
        "migrate_to_chat_id", "migrate_from_chat_id", "pinned_message", "users_shared", "chat_shared",
        "write_access_allowed", "proximity_alert_triggered", "boost_added", "chat_background_set",
        "forum_topic_created", "forum_topic_edited", "forum_topic_closed", "forum_topic_reopened",
        "general_forum_topic_hidden", "general_forum_topic_unhidden", "video_chat_scheduled", "video_chat_started",
        "video_chat_ended", "video_chat_participants_invited", "successful_payment", "refunded_payment", "connected_website",
    ];

    /// <param name="botUsername">This bot's username, when known: a command addressed to another bot is skipped.</param>
    public static TranslatedUpdate Translate(Update update, string? botUsername = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        var result = new TranslatedUpdate(update.UpdateId);
        return update switch
        {
            { Malformed: true } => result with { SkipReason = "malformed update" },
            { Message: { } message } => FromMessage(result, message, botUsername),
            { CallbackQuery: { } query } => FromCallbackQuery(result, query),
            { MyChatMember: { } member } => FromMembership(result, member),
            // Live-location updates arrive as edits too; the engine works on what was first sent.
            { EditedMessage: not null } => result with { SkipReason = "edited_message" },
            { ChannelPost: not null } or { EditedChannelPost: not null } => result with { SkipReason = "channel_post" },
            { ChatMember: not null } => result with { SkipReason = "chat_member" },
            _ => result with { SkipReason = UnknownKind(update) },
        };
    }

    private static TranslatedUpdate FromMessage(TranslatedUpdate result, Message message, string? botUsername)
    {
        if (message.Chat is not { Id: not 0 } chat)
        {
            return result with { SkipReason = "message without chat" };
        }

        if (chat.Type == "channel")
        {
            return result with { SkipReason = "channel_post" };
        }

        var incoming = new IncomingMessage(Address(chat.Id), IncomingKind.Text)
        {
            InGroup = IsGroup(chat),
            LanguageHint = message.From?.LanguageCode,
        };

        if (message.Text is { } text)
        {
            if (ParseCommand(text, message.Entities) is not { } command)
            {
                return result with { Message = incoming with { Text = text } };
            }

            if (botUsername is not null && command.Mention is not null && !string.Equals(command.Mention, botUsername, StringComparison.OrdinalIgnoreCase))
            {
                return result with { SkipReason = "command for another bot" };
            }

            return result with
            {
                Message = incoming with { Kind = IncomingKind.Command, Text = text, Command = command.Name, CommandArgument = command.Argument },
            };
        }

        // A venue message carries its point in `location` as well; prefer the venue's own copy when both exist.
        if ((message.Venue?.Location ?? message.Location) is { } location)
        {
            if (location is not { Latitude: { } latitude, Longitude: { } longitude })
            {
                return result with { SkipReason = "location without coordinates" };
            }

            var place = message.Venue is { } venue ? string.Join(", ", new[] { venue.Title, venue.Address }.Where(part => !string.IsNullOrWhiteSpace(part))) : null;
            return result with
            {
                Message = incoming with { Kind = IncomingKind.Location, Location = new GeoPoint(latitude, longitude), Text = string.IsNullOrEmpty(place) ? null : place },
            };
        }

        if (message.Contact is { } contact)
        {
            if (string.IsNullOrWhiteSpace(contact.PhoneNumber))
            {
                return result with { SkipReason = "contact without phone number" };
            }

            var isSender = contact.UserId is { } owner && message.From?.Id == owner;
            return result with
            {
                Message = incoming with { Kind = IncomingKind.Contact, Contact = new SharedContact(contact.PhoneNumber, contact.FirstName, isSender) },
            };
        }

        if (message.Photo is { } sizes)
        {
            // Telegram lists every resolution; the order is not promised, so pick by area.
            var largest = sizes.Where(size => size is { FileId.Length: > 0 })
                .Aggregate((PhotoSize?)null, (best, size) => best is null || Area(size) >= Area(best) ? size : best);
            return largest is null
                ? result with { SkipReason = "photo without sizes" }
                : result with
                {
                    Message = incoming with
                    {
                        Kind = IncomingKind.Photo,
                        Text = message.Caption,
                        File = new IncomingFile(largest.FileId!, largest.FileSize, MimeType: null, FileName: null, IsPhoto: true),
                    },
                };
        }

        if (message.Document is { } document)
        {
            return document.FileId is not { Length: > 0 } fileId
                ? result with { SkipReason = "document without file id" }
                : result with
                {
                    Message = incoming with
                    {
                        Kind = IncomingKind.Document,
                        Text = message.Caption,
                        File = new IncomingFile(fileId, document.FileSize, document.MimeType, document.FileName, IsPhoto: false),
                    },
                };
        }

        if (message.Other?.Keys.Any(ServiceFields.Contains) == true)
        {
            return result with { SkipReason = "service message" };
        }

        return result with { Message = incoming with { Kind = IncomingKind.Unsupported, UnsupportedKind = UnsupportedKind(message) } };
    }

    private static TranslatedUpdate FromCallbackQuery(TranslatedUpdate result, CallbackQuery query)
    {
        if (query.Id is not { Length: > 0 } id)
        {
            return result with { SkipReason = "callback query without id" };
        }

        result = result with { CallbackQueryId = id };

        // An inaccessible message (date 0) still names its chat; without a message, a private chat's id is the user's id.
        var chat = query.Message?.Chat is { Id: not 0 } messageChat ? messageChat : null;
        if ((chat?.Id ?? query.From?.Id) is not { } chatId || chatId == 0)
        {
            return result with { SkipReason = "callback query without chat or sender" };
        }

        if (query.Data is not { Length: > 0 } data)
        {
            return result with { SkipReason = "callback query without data" };
        }

        var label = query.Message?.ReplyMarkup?.InlineKeyboard?
            .SelectMany(row => row ?? [])
            .FirstOrDefault(button => button?.CallbackData == data)?.Text;
        var button = new IncomingMessage(Address(chatId), IncomingKind.Button)
        {
            Payload = data,
            Text = label,
            LanguageHint = query.From?.LanguageCode,
        };
        if (chat is null || !IsGroup(chat))
        {
            return result with { Message = button };
        }

        // In a group the press is the presser's turn, in their private chat (whose id is their user id).
        return query.From is { Id: not 0, IsBot: false } presser
            ? result with { Message = button with { Address = Address(presser.Id), PressedInGroup = Address(chat.Id) } }
            : result with { SkipReason = "callback query in a group without a sender" };
    }

    private static TranslatedUpdate FromMembership(TranslatedUpdate result, ChatMemberUpdated member)
    {
        if (member.Chat is not { Id: not 0 } chat)
        {
            return result with { SkipReason = "my_chat_member without chat" };
        }

        if (chat.Type != "private")
        {
            return result with { SkipReason = "my_chat_member outside a private chat" };
        }

        return member.NewChatMember?.Status switch
        {
            "kicked" => result with { BlockedChatId = chat.Id },
            "member" => result with { UnblockedChatId = chat.Id },
            _ => result with { SkipReason = "my_chat_member with another status" },
        };
    }

    private static (string Name, string? Mention, string? Argument)? ParseCommand(string text, IReadOnlyList<MessageEntity>? entities)
    {
        int length;
        if (entities?.FirstOrDefault(entity => entity is { Type: "bot_command", Offset: 0 }) is { } entity)
        {
            length = entity.Length;
        }
        else if (entities is null && BareCommand().Match(text) is { Success: true } match)
        {
            // Telegram always marks commands with an entity; other clients and fake servers may not.
            length = match.Length;
        }
        else
        {
            return null;
        }

        if (length < 2 || length > text.Length || text[0] != '/')
        {
            return null;
        }

        var token = text[1..length];
        var at = token.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? token : token[..at]).ToLowerInvariant();
        if (name.Length == 0)
        {
            return null;
        }

        var argument = text[length..].Trim();
        return (name, at < 0 ? null : token[(at + 1)..], argument.Length == 0 ? null : argument);
    }

    private static string UnsupportedKind(Message message) => message switch
    {
        { Sticker: not null } => "sticker",
        { Voice: not null } => "voice",
        { Video: not null } or { VideoNote: not null } => "video",
        { Audio: not null } => "audio",
        { Animation: not null } => "animation",
        { Poll: not null } => "poll",
        _ => "other",
    };

    private static string UnknownKind(Update update) =>
        update.Other is { Count: > 0 } other
            ? $"unknown update kind ({string.Join(", ", other.Keys.Order(StringComparer.Ordinal))})"
            : "unknown update kind";

    private static ConversationAddress Address(long chatId) => new(Channel.Telegram, chatId.ToString(CultureInfo.InvariantCulture));

    private static bool IsGroup(Chat chat) => chat.Type is "group" or "supergroup";

    private static long Area(PhotoSize size) => (long)size.Width * size.Height;

    [GeneratedRegex(@"^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{1,64})?(?=\s|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex BareCommand();
}
