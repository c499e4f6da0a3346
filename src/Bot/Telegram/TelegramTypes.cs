using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timpora.Bot.Telegram;

// Wire records of the Bot API, only the fields this service reads or writes. Everything Telegram may leave out is
// nullable and nothing is `required`, so that reading never fails on a missing field; the translator decides what
// an incomplete update means. Ids, dates and sizes are `long` (ids exceed 32 bits).

/// <summary>The envelope of every answer. The result stays raw until <c>ok</c> has been checked.</summary>
public sealed record ApiResponse(bool? Ok, JsonElement? Result, int? ErrorCode, string? Description, ResponseParameters? Parameters);

public sealed record ResponseParameters(int? RetryAfter, long? MigrateToChatId);

public sealed record Update(long UpdateId)
{
    public Message? Message { get; init; }
    public Message? EditedMessage { get; init; }
    public Message? ChannelPost { get; init; }
    public Message? EditedChannelPost { get; init; }
    public CallbackQuery? CallbackQuery { get; init; }
    public ChatMemberUpdated? MyChatMember { get; init; }
    public ChatMemberUpdated? ChatMember { get; init; }

    /// <summary>The kinds this client does not model (message_reaction, poll_answer...), kept to name them in the log.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }

    /// <summary>Set by <see cref="TelegramJson.ReadUpdate"/> when the JSON could not be read as an update.</summary>
    [JsonIgnore]
    public bool Malformed { get; init; }
}

public sealed record Message
{
    public long MessageId { get; init; }
    /// <summary>Unix seconds; 0 marks an inaccessible message inside a callback query.</summary>
    public long Date { get; init; }
    public Chat? Chat { get; init; }
    public User? From { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<MessageEntity>? Entities { get; init; }
    public string? Caption { get; init; }
    public IReadOnlyList<PhotoSize>? Photo { get; init; }
    public Document? Document { get; init; }
    public Location? Location { get; init; }
    public Venue? Venue { get; init; }
    public Contact? Contact { get; init; }
    public InlineKeyboardMarkup? ReplyMarkup { get; init; }
    public long? EditDate { get; init; }

    // Only detected, never read.
    public JsonElement? Sticker { get; init; }
    public JsonElement? Voice { get; init; }
    public JsonElement? Video { get; init; }
    public JsonElement? VideoNote { get; init; }
    public JsonElement? Audio { get; init; }
    public JsonElement? Animation { get; init; }
    public JsonElement? Poll { get; init; }
    public JsonElement? Dice { get; init; }

    /// <summary>Fields not modelled above; service messages (members joining, pins...) are recognised by these.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}

public sealed record User(long Id, bool IsBot, string? FirstName, string? LastName = null, string? Username = null, string? LanguageCode = null);

public sealed record Chat(long Id, string? Type, string? Title = null, string? Username = null, string? FirstName = null, string? LastName = null);

public sealed record CallbackQuery(string? Id, User? From, Message? Message, string? InlineMessageId, string? ChatInstance, string? Data);

public sealed record MessageEntity(string? Type, int Offset, int Length);

public sealed record Location(double? Latitude, double? Longitude, double? HorizontalAccuracy = null, int? LivePeriod = null);

public sealed record Venue(Location? Location, string? Title, string? Address);

public sealed record Contact(string? PhoneNumber, string? FirstName, string? LastName = null, long? UserId = null);

public sealed record PhotoSize(string? FileId, string? FileUniqueId, int Width, int Height, long? FileSize = null);

public sealed record Document(string? FileId, string? FileUniqueId, string? FileName = null, string? MimeType = null, long? FileSize = null);

/// <summary>The Bot API's <c>File</c>; renamed so it never shadows System.IO.File in this namespace.</summary>
public sealed record TelegramFile(string FileId, string? FileUniqueId, long? FileSize, string? FilePath);

public sealed record ChatMemberUpdated(Chat? Chat, User? From, long Date, ChatMember? OldChatMember, ChatMember? NewChatMember);

/// <summary>"creator", "administrator", "member", "restricted", "left" or "kicked".</summary>
public sealed record ChatMember(string? Status, User? User);

public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard);

public sealed record InlineKeyboardButton(string Text, string? CallbackData = null, string? Url = null);

public sealed record ReplyKeyboardMarkup(IReadOnlyList<IReadOnlyList<KeyboardButton>> Keyboard)
{
    public bool? ResizeKeyboard { get; init; }
    public bool? OneTimeKeyboard { get; init; }
    public string? InputFieldPlaceholder { get; init; }
}

public sealed record KeyboardButton(string Text, bool? RequestContact = null, bool? RequestLocation = null);

public sealed record ReplyKeyboardRemove
{
    public bool RemoveKeyboard { get; init; } = true;
}

public sealed record BotCommand(string Command, string Description);

public sealed record WebhookInfo(string? Url, bool HasCustomCertificate, int PendingUpdateCount, long? LastErrorDate, string? LastErrorMessage, int? MaxConnections, IReadOnlyList<string>? AllowedUpdates);
