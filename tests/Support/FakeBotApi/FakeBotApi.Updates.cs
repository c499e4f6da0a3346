using System.Globalization;
using System.Text.Json.Nodes;

namespace Timpora.Testing;

// The test plays the users: every method here queues one update and returns its update_id.
public sealed partial class FakeBotApi
{
    private readonly Dictionary<long, int> _lastMessageId = [];
    private readonly Dictionary<(long ChatId, int MessageId), StoredMessage> _messages = [];
    private readonly Dictionary<long, int> _lastBotMessageId = [];
    private readonly HashSet<long> _knownChats = [];
    private readonly Dictionary<long, FakeUser> _privateChatUsers = [];
    private readonly Dictionary<string, CallbackState> _callbacks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegisteredFile> _files = new(StringComparer.Ordinal);
    private int _generatedFiles;

    private sealed record StoredMessage(bool FromBot, JsonObject Json);

    private sealed record CallbackState(long ChatId, bool Answered);

    private sealed record RegisteredFile(byte[] Bytes, string Path, bool DeclareSize);

    /// <summary>Updates waiting for getUpdates or the webhook.</summary>
    public int PendingUpdateCount => _updates.Count;

    /// <summary>The callback_query id that <see cref="SendCallback"/> gives the update with this id.</summary>
    public static string CallbackQueryIdFor(long updateId) => string.Create(CultureInfo.InvariantCulture, $"4{updateId:D15}");

    /// <summary>
    /// A text message. Like Telegram, every <c>/command</c> at the start of a word (optionally <c>/command@bot</c>)
    /// gets a bot_command entity.
    /// </summary>
    public long SendText(long chatId, string text, FakeUser? from = null, int? replyToMessageId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EnqueueMessage(chatId, from, "message", message =>
        {
            if (replyToMessageId is int replied && _messages.TryGetValue((chatId, replied), out var original))
            {
                message["reply_to_message"] = original.Json.DeepClone();
            }
            message["text"] = text;
            if (CommandEntities(text) is { Count: > 0 } entities)
            {
                message["entities"] = entities;
            }
        });
    }

    /// <summary>The user edits their earlier message: an edited_message update.</summary>
    public long EditText(long chatId, int messageId, string newText, FakeUser? from = null)
    {
        ArgumentNullException.ThrowIfNull(newText);
        lock (_gate)
        {
            var user = Sender(chatId, from);
            var message = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = UserJson(user),
                ["chat"] = ChatJson(chatId),
                ["date"] = _messages.TryGetValue((chatId, messageId), out var old) ? old.Json["date"]?.DeepClone() : UnixNow,
                ["edit_date"] = UnixNow,
                ["text"] = newText,
            };
            if (CommandEntities(newText) is { Count: > 0 } entities)
            {
                message["entities"] = entities;
            }
            _messages[(chatId, messageId)] = new StoredMessage(false, message);
            return _updates.Enqueue("edited_message", chatId, id => new JsonObject { ["update_id"] = id, ["edited_message"] = message.DeepClone() });
        }
    }

    /// <summary>
    /// The user presses an inline button. <paramref name="messageId"/> defaults to the bot's latest message in the chat;
    /// the callback_query carries that message as Telegram does. Its id is <see cref="CallbackQueryIdFor"/>(update_id).
    /// </summary>
    public long SendCallback(long chatId, string data, int? messageId = null, FakeUser? from = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        lock (_gate)
        {
            var user = Sender(chatId, from);
            var id = messageId ?? (_lastBotMessageId.TryGetValue(chatId, out var last) ? last : 1);
            var message = _messages.TryGetValue((chatId, id), out var stored)
                ? stored.Json.DeepClone()
                : new JsonObject
                {
                    // A button on a message the fake never saw (sent before it started): Telegram still sends what it has.
                    ["message_id"] = id,
                    ["from"] = BotUserJson(),
                    ["chat"] = ChatJson(chatId),
                    ["date"] = UnixNow,
                    ["text"] = "",
                };
            var chatInstance = ((chatId * 31) ^ BotId).ToString(CultureInfo.InvariantCulture);
            var updateId = _updates.Enqueue("callback_query", chatId, updateId => new JsonObject
            {
                ["update_id"] = updateId,
                ["callback_query"] = new JsonObject
                {
                    ["id"] = CallbackQueryIdFor(updateId),
                    ["from"] = UserJson(user),
                    ["message"] = message,
                    ["chat_instance"] = chatInstance,
                    ["data"] = data,
                },
            });
            _callbacks[CallbackQueryIdFor(updateId)] = new CallbackState(chatId, false);
            return updateId;
        }
    }

    /// <summary>Presses the button labelled <paramref name="buttonText"/> on a message the bot sent.</summary>
    public long PressButton(SentMessage message, string buttonText, FakeUser? from = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var button = message.Buttons.FirstOrDefault(b => b.Text == buttonText && b.CallbackData is not null)
            ?? throw new ArgumentException(
                $"No callback button \"{buttonText}\" on message {message.MessageId}; buttons: {string.Join(", ", message.Buttons.Select(b => b.Text))}",
                nameof(buttonText));
        return SendCallback(message.ChatId, button.CallbackData!, message.MessageId, from);
    }

    /// <summary>What a request_location button sends: a message with location and no text.</summary>
    public long SendLocation(long chatId, double latitude, double longitude, FakeUser? from = null) =>
        EnqueueMessage(chatId, from, "message", message =>
            message["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude });

    /// <summary>What a request_contact button sends. Pass the sender's id as <paramref name="userId"/> for "my own number", null for none.</summary>
    public long SendContact(long chatId, string phoneNumber, long? userId, FakeUser? from = null)
    {
        ArgumentNullException.ThrowIfNull(phoneNumber);
        return EnqueueMessage(chatId, from, "message", message =>
        {
            var sender = message["from"]!;
            var contact = new JsonObject { ["phone_number"] = phoneNumber, ["first_name"] = sender["first_name"]!.DeepClone() };
            if (userId is long id)
            {
                contact["user_id"] = id;
            }
            message["contact"] = contact;
        });
    }

    /// <summary>
    /// A photo, as Telegram sends it: three sizes, smallest first. The largest has exactly <paramref name="fileId"/>
    /// and <paramref name="fileSize"/>; the smaller ones get derived ids.
    /// </summary>
    public long SendPhoto(long chatId, string fileId, long fileSize, string? caption = null, FakeUser? from = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        return EnqueueMessage(chatId, from, "message", message =>
        {
            message["photo"] = new JsonArray(
                PhotoSize(fileId + "-s", 90, 68, Math.Max(1, fileSize / 40)),
                PhotoSize(fileId + "-m", 320, 240, Math.Max(1, fileSize / 8)),
                PhotoSize(fileId, 1280, 960, fileSize));
            if (caption is not null)
            {
                message["caption"] = caption;
            }
        });
    }

    /// <summary>
    /// A document (a file sent without compression) as the user's app describes it; no bytes are held for it unless
    /// <see cref="RegisterFile"/> or <see cref="SendDocumentFile"/> gives them.
    /// </summary>
    public long SendDocument(long chatId, string fileId, string fileName, string mimeType, long fileSize, string? caption = null, FakeUser? from = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        return EnqueueMessage(chatId, from, "message", message =>
        {
            message["document"] = new JsonObject
            {
                ["file_name"] = fileName,
                ["mime_type"] = mimeType,
                ["file_id"] = fileId,
                ["file_unique_id"] = UniqueId(fileId),
                ["file_size"] = fileSize,
            };
            if (caption is not null)
            {
                message["caption"] = caption;
            }
        });
    }

    /// <summary>A message kind the bot does not handle.</summary>
    public long SendSticker(long chatId, FakeUser? from = null) =>
        EnqueueMessage(chatId, from, "message", message =>
        {
            var fileId = NextGeneratedFileId("sticker");
            message["sticker"] = new JsonObject
            {
                ["width"] = 512,
                ["height"] = 512,
                ["emoji"] = "\U0001F44D",
                ["is_animated"] = false,
                ["is_video"] = false,
                ["type"] = "regular",
                ["file_id"] = fileId,
                ["file_unique_id"] = UniqueId(fileId),
                ["file_size"] = 23_456,
            };
        });

    /// <summary>A message kind the bot does not handle.</summary>
    public long SendVoice(long chatId, FakeUser? from = null) =>
        EnqueueMessage(chatId, from, "message", message =>
        {
            var fileId = NextGeneratedFileId("voice");
            message["voice"] = new JsonObject
            {
                ["duration"] = 3,
                ["mime_type"] = "audio/ogg",
                ["file_id"] = fileId,
                ["file_unique_id"] = UniqueId(fileId),
                ["file_size"] = 12_345,
            };
        });

    /// <summary>The user blocks (or unblocks) the bot: a my_chat_member update.</summary>
    public long SendBotBlocked(long chatId, bool blocked = true, FakeUser? from = null)
    {
        lock (_gate)
        {
            var user = Sender(chatId, from);
            var member = new JsonObject
            {
                ["chat"] = ChatJson(chatId),
                ["from"] = UserJson(user),
                ["date"] = UnixNow,
                ["old_chat_member"] = new JsonObject { ["status"] = blocked ? "member" : "kicked", ["user"] = BotUserJson() },
                ["new_chat_member"] = new JsonObject { ["status"] = blocked ? "kicked" : "member", ["user"] = BotUserJson() },
            };
            if (blocked)
            {
                member["new_chat_member"]!["until_date"] = 0;
            }
            return _updates.Enqueue("my_chat_member", chatId, id => new JsonObject { ["update_id"] = id, ["my_chat_member"] = member });
        }
    }

    /// <summary>
    /// Any update at all, for unknown kinds and malformed shapes (a message without chat, say). Must be a JSON object;
    /// its update_id is kept when present (so duplicates can be tested), else the next one is assigned.
    /// </summary>
    public long SendRaw(string updateJson)
    {
        ArgumentNullException.ThrowIfNull(updateJson);
        if (JsonNode.Parse(updateJson) is not JsonObject update)
        {
            throw new ArgumentException("An update is a JSON object.", nameof(updateJson));
        }
        long? explicitId = update["update_id"] is JsonValue value && value.TryGetValue(out long id) ? id : null;
        var kind = update.Select(p => p.Key).FirstOrDefault(k => k != "update_id") ?? "";
        long? chatId = update[kind]?["chat"]?["id"] is JsonValue chat && chat.TryGetValue(out long c) ? c : null;
        return _updates.Enqueue(kind, chatId, assigned =>
        {
            if (explicitId is not null)
            {
                return update;
            }
            var withId = new JsonObject { ["update_id"] = assigned };
            foreach (var (key, node) in update.ToArray())
            {
                update.Remove(key);
                withId[key] = node;
            }
            return withId;
        }, explicitId);
    }

    /// <summary>
    /// Makes a file downloadable: getFile answers its file_path and /file/bot{token}/{file_path} serves the bytes.
    /// Over 20 MB, getFile refuses it as Telegram does ("file is too big").
    /// </summary>
    /// <param name="declareSize">False leaves file_size out of getFile's answer, which Telegram may do.</param>
    public void RegisterFile(string fileId, byte[] bytes, string? filePath = null, bool declareSize = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileId);
        ArgumentNullException.ThrowIfNull(bytes);
        lock (_gate)
        {
            var path = filePath ?? string.Create(CultureInfo.InvariantCulture, $"documents/file_{_files.Count}.bin");
            _files[fileId] = new RegisteredFile(bytes.ToArray(), path, declareSize);
        }
    }

    /// <summary>
    /// The user sends these bytes as a photo: registered under <paramref name="fileId"/> (the largest size, so the
    /// one a bot fetches) and sent with their length as its file_size.
    /// </summary>
    public long SendPhotoFile(long chatId, string fileId, byte[] bytes, string? caption = null, FakeUser? from = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        RegisterFile(fileId, bytes, string.Create(CultureInfo.InvariantCulture, $"photos/{fileId}.jpg"));
        return SendPhoto(chatId, fileId, bytes.Length, caption, from);
    }

    /// <summary>The user sends these bytes as a document (a file sent without compression), registered under <paramref name="fileId"/>.</summary>
    public long SendDocumentFile(long chatId, string fileId, string fileName, string mimeType, byte[] bytes, string? caption = null, FakeUser? from = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        RegisterFile(fileId, bytes, "documents/" + fileId + Path.GetExtension(fileName));
        return SendDocument(chatId, fileId, fileName, mimeType, bytes.Length, caption, from);
    }

    /// <summary>Marks a chat as one that started the bot, for <see cref="FakeBotApiOptions.RequireKnownChats"/>.</summary>
    public void AddChat(long chatId, FakeUser? user = null)
    {
        lock (_gate)
        {
            Sender(chatId, user);
        }
    }

    private long EnqueueMessage(long chatId, FakeUser? from, string kind, Action<JsonObject> fill)
    {
        // The gate spans message_id and update_id assignment so both orders agree.
        lock (_gate)
        {
            var user = Sender(chatId, from);
            var messageId = NextMessageId(chatId);
            var message = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = UserJson(user),
                ["chat"] = ChatJson(chatId),
                ["date"] = UnixNow,
            };
            fill(message);
            _messages[(chatId, messageId)] = new StoredMessage(false, message);
            return _updates.Enqueue(kind, chatId, id => new JsonObject { ["update_id"] = id, [kind] = message.DeepClone() });
        }
    }

    // Caller holds _gate. Remembers the chat and, for private chats, who is on the other side.
    private FakeUser Sender(long chatId, FakeUser? from)
    {
        _knownChats.Add(chatId);
        if (chatId < 0)
        {
            return from ?? FakeUser.GroupMember;
        }
        var user = from ?? (_privateChatUsers.TryGetValue(chatId, out var known) ? known : FakeUser.ForPrivateChat(chatId));
        _privateChatUsers[chatId] = user;
        return user;
    }

    // Caller holds _gate. Users and the bot share one message_id sequence per chat, as in Telegram.
    private int NextMessageId(long chatId)
    {
        var next = _lastMessageId.GetValueOrDefault(chatId) + 1;
        _lastMessageId[chatId] = next;
        return next;
    }

    private string NextGeneratedFileId(string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}-{Interlocked.Increment(ref _generatedFiles)}");

    private static JsonObject PhotoSize(string fileId, int width, int height, long fileSize) => new()
    {
        ["file_id"] = fileId,
        ["file_unique_id"] = UniqueId(fileId),
        ["file_size"] = fileSize,
        ["width"] = width,
        ["height"] = height,
    };

    private static string UniqueId(string fileId) => "u-" + fileId;

    private static JsonArray CommandEntities(string text)
    {
        var entities = new JsonArray();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '/' || (i > 0 && !char.IsWhiteSpace(text[i - 1])))
            {
                continue;
            }
            var end = i + 1;
            while (end < text.Length && end - i <= 32 && IsCommandChar(text[end]))
            {
                end++;
            }
            if (end == i + 1)
            {
                continue;
            }
            if (end < text.Length && text[end] == '@')
            {
                var mention = end + 1;
                while (mention < text.Length && IsCommandChar(text[mention]))
                {
                    mention++;
                }
                end = mention > end + 1 ? mention : end;
            }
            entities.Add(new JsonObject { ["offset"] = i, ["length"] = end - i, ["type"] = "bot_command" });
            i = end - 1;
        }
        return entities;
    }

    private static bool IsCommandChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
