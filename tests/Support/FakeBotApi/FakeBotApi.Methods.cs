using System.Globalization;
using System.Text.Json.Nodes;

namespace Timpora.Testing;

// The Bot API methods the fake implements, with Telegram's validation and error texts.
public sealed partial class FakeBotApi
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private const int MaxPhotoUploadBytes = 10 * 1024 * 1024;
    private const int MaxDocumentUploadBytes = 50 * 1024 * 1024;
    private const int MaxDownloadBytes = 20 * 1024 * 1024;
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
    private const string WebhookActive = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
    private const string TerminatedByOtherPoll = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

    private readonly Lock _pollGate = new();
    private readonly Dictionary<(string Scope, string LanguageCode), FakeBotCommand[]> _commands = [];
    private PollTicket? _activePoll;

    /// <summary>One getUpdates in flight; a newer poll or a new webhook ends it with a 409 reason.</summary>
    private sealed class PollTicket
    {
        private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Ended => _ended.Task;

        public void End(string reason) => _ended.TrySetResult(reason);
    }

    /// <summary>The command lists as setMyCommands left them.</summary>
    public IReadOnlyList<BotCommandSet> CommandSets
    {
        get
        {
            lock (_gate)
            {
                return _commands.Select(c => new BotCommandSet(c.Key.Scope, c.Key.LanguageCode, c.Value)).ToArray();
            }
        }
    }

    /// <summary>The commands set for exactly this language ("" = fallback list) and scope ("default", "chat:ID", ...).</summary>
    public IReadOnlyList<FakeBotCommand> CommandsFor(string languageCode = "", string scope = "default")
    {
        lock (_gate)
        {
            return _commands.TryGetValue((scope, languageCode), out var commands) ? commands : [];
        }
    }

    /// <summary>The webhook URL as set, or null while polling.</summary>
    public Uri? WebhookUrl => _webhook.Target?.Url;

    private Dictionary<string, Method> MethodTable()
    {
        var table = new Dictionary<string, Method>(StringComparer.OrdinalIgnoreCase);
        void Add(string name, Func<ApiParameters, ApiReply> handle) => table[name] = new Method(name, (p, _) => Task.FromResult(handle(p)));
        Add("getMe", _ => ApiReply.Ok(GetMe()));
        table["getUpdates"] = new Method("getUpdates", OnGetUpdatesAsync);
        Add("setWebhook", OnSetWebhook);
        Add("deleteWebhook", OnDeleteWebhook);
        Add("getWebhookInfo", _ => ApiReply.Ok(WebhookInfo()));
        Add("setMyCommands", OnSetMyCommands);
        Add("getMyCommands", OnGetMyCommands);
        Add("deleteMyCommands", OnDeleteMyCommands);
        Add("sendMessage", OnSendMessage);
        Add("sendLocation", OnSendLocation);
        Add("sendVenue", OnSendVenue);
        Add("sendPhoto", OnSendPhoto);
        Add("sendDocument", OnSendDocument);
        Add("answerCallbackQuery", OnAnswerCallbackQuery);
        Add("editMessageText", OnEditMessageText);
        Add("editMessageReplyMarkup", OnEditMessageReplyMarkup);
        Add("getFile", OnGetFile);
        return table;
    }

    private JsonObject GetMe()
    {
        var me = BotUserJson();
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        return me;
    }

    private async Task<ApiReply> OnGetUpdatesAsync(ApiParameters p, CancellationToken aborted)
    {
        Interlocked.Increment(ref _getUpdatesCount);
        var offset = p.Long("offset");
        if (offset is not null)
        {
            lock (_gate)
            {
                _lastOffset = offset;
            }
        }
        if (_webhook.Target is not null)
        {
            return ApiReply.Error(409, WebhookActive);
        }
        var limit = (int)Math.Clamp(p.Long("limit") is long l && l > 0 ? l : 100, 1, 100);
        // Fractional timeouts are an extension (Telegram takes whole seconds) so tests can keep polls short.
        var timeout = TimeSpan.FromSeconds(Math.Clamp(p.Double("timeout") ?? 0, 0, 600));
        if (p.Json("allowed_updates", out _) is JsonArray kinds)
        {
            _updates.SetAllowed(kinds.Select(k => k is JsonValue v && v.TryGetValue(out string? kind) ? kind : null).OfType<string>());
        }

        var ticket = new PollTicket();
        PollTicket? older;
        lock (_pollGate)
        {
            older = _activePoll;
            _activePoll = ticket;
        }
        older?.End(TerminatedByOtherPoll);
        try
        {
            if (offset is long confirmed and not 0)
            {
                _updates.Confirm(confirmed);
            }
            var started = _clock.Elapsed;
            while (true)
            {
                var changed = _updates.Changed.Next;
                if (ticket.Ended.IsCompleted)
                {
                    return ApiReply.Error(409, await ticket.Ended);
                }
                var batch = _updates.Peek(limit);
                var remaining = timeout - (_clock.Elapsed - started);
                if (batch.Count > 0 || remaining <= TimeSpan.Zero)
                {
                    return ApiReply.Ok(new JsonArray(batch.Select(u => (JsonNode)u.Json.DeepClone()).ToArray()));
                }
                try
                {
                    await Task.WhenAny(changed, ticket.Ended).WaitAsync(remaining, aborted);
                }
                catch (TimeoutException)
                {
                    // Nothing came: the loop answers [] now.
                }
            }
        }
        finally
        {
            lock (_pollGate)
            {
                if (ReferenceEquals(_activePoll, ticket))
                {
                    _activePoll = null;
                }
            }
        }
    }

    private ApiReply OnSetWebhook(ApiParameters p)
    {
        var url = p.String("url") ?? "";
        var secret = p.String("secret_token");
        WebhookTarget? target = null;
        if (url.Length > 0)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return ApiReply.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
            }
            if (!uri.IsLoopback)
            {
                return ApiReply.BadRequest("bad webhook: the fake Bot API delivers only to loopback addresses");
            }
            if (secret is not null && (secret.Length is 0 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            {
                return ApiReply.BadRequest("bad webhook: secret token contains unallowed characters");
            }
            var maxConnections = p.Long("max_connections") is long m and >= 1 and <= 100 ? (int)m : 40;
            target = new WebhookTarget(uri, secret, maxConnections);
        }
        if (p.Bool("drop_pending_updates"))
        {
            _updates.Clear();
        }
        if (p.Json("allowed_updates", out _) is JsonArray kinds)
        {
            _updates.SetAllowed(kinds.Select(k => k is JsonValue v && v.TryGetValue(out string? kind) ? kind : null).OfType<string>());
        }
        _webhook.Target = target;
        if (target is null)
        {
            return ApiReply.Ok(true, "Webhook was deleted");
        }
        lock (_pollGate)
        {
            _activePoll?.End(WebhookActive);
        }
        return ApiReply.Ok(true, "Webhook was set");
    }

    private ApiReply OnDeleteWebhook(ApiParameters p)
    {
        var wasSet = _webhook.Target is not null;
        _webhook.Target = null;
        if (p.Bool("drop_pending_updates"))
        {
            _updates.Clear();
        }
        return ApiReply.Ok(true, wasSet ? "Webhook was deleted" : "Webhook is already deleted");
    }

    private JsonObject WebhookInfo()
    {
        var target = _webhook.Target;
        var info = new JsonObject
        {
            ["url"] = target?.Url.OriginalString ?? "",
            ["has_custom_certificate"] = false,
            ["pending_update_count"] = _updates.Count,
        };
        if (target is null)
        {
            return info;
        }
        if (_webhook.LastErrorDate is long date)
        {
            info["last_error_date"] = date;
            info["last_error_message"] = _webhook.LastErrorMessage;
        }
        info["max_connections"] = target.MaxConnections;
        if (_updates.AllowedUpdates is { } allowed)
        {
            info["allowed_updates"] = new JsonArray(allowed.Select(a => (JsonNode)a).ToArray());
        }
        return info;
    }

    private ApiReply OnSetMyCommands(ApiParameters p)
    {
        if (ScopeKey(p, out var scope) is { } badScope)
        {
            return badScope;
        }
        var node = p.Json("commands", out var invalid);
        if (invalid || node is not JsonArray list)
        {
            return ApiReply.BadRequest(p.Has("commands") ? "can't parse commands JSON object" : "parameter \"commands\" is required");
        }
        if (list.Count > 100)
        {
            return ApiReply.BadRequest("too many commands");
        }
        var commands = new List<FakeBotCommand>();
        foreach (var item in list)
        {
            var command = item?["command"] is JsonValue c && c.TryGetValue(out string? name) ? name : "";
            var description = item?["description"] is JsonValue d && d.TryGetValue(out string? text) ? text : "";
            if (command.Length is 0 or > 32 || !command.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_'))
            {
                return ApiReply.BadRequest("BOT_COMMAND_INVALID");
            }
            if (description.Length is 0 or > 256)
            {
                return ApiReply.BadRequest("command description is empty or too long");
            }
            commands.Add(new FakeBotCommand(command, description));
        }
        var key = (scope, p.String("language_code") ?? "");
        lock (_gate)
        {
            if (commands.Count == 0)
            {
                _commands.Remove(key);
            }
            else
            {
                _commands[key] = commands.ToArray();
            }
        }
        _journalChanged.Pulse();
        return ApiReply.Ok(true);
    }

    private ApiReply OnGetMyCommands(ApiParameters p)
    {
        if (ScopeKey(p, out var scope) is { } badScope)
        {
            return badScope;
        }
        var commands = CommandsFor(p.String("language_code") ?? "", scope);
        return ApiReply.Ok(new JsonArray(commands
            .Select(c => (JsonNode)new JsonObject { ["command"] = c.Command, ["description"] = c.Description })
            .ToArray()));
    }

    private ApiReply OnDeleteMyCommands(ApiParameters p)
    {
        if (ScopeKey(p, out var scope) is { } badScope)
        {
            return badScope;
        }
        lock (_gate)
        {
            _commands.Remove((scope, p.String("language_code") ?? ""));
        }
        return ApiReply.Ok(true);
    }

    private static ApiReply? ScopeKey(ApiParameters p, out string scope)
    {
        scope = "default";
        var node = p.Json("scope", out var invalid);
        if (node is null && !invalid)
        {
            return null;
        }
        var type = node?["type"] is JsonValue t && t.TryGetValue(out string? name) ? name : null;
        var chat = node?["chat_id"]?.ToJsonString().Trim('"');
        var user = node?["user_id"]?.ToJsonString();
        switch (type)
        {
            case "default" or "all_private_chats" or "all_group_chats" or "all_chat_administrators":
                scope = type;
                return null;
            case "chat" or "chat_administrators" when chat is not null:
                scope = $"{type}:{chat}";
                return null;
            case "chat_member" when chat is not null && user is not null:
                scope = $"{type}:{chat}:{user}";
                return null;
            default:
                return ApiReply.BadRequest("can't parse BotCommandScope");
        }
    }

    private ApiReply OnSendMessage(ApiParameters p)
    {
        if (CheckChat(p, out var chatId) is { } badChat)
        {
            return badChat;
        }
        var text = p.String("text");
        var parseMode = p.String("parse_mode");
        if (Format(text, parseMode, p, "entities", MaxTextLength, "message text is empty", "message is too long", out var formatted) is { } badText)
        {
            return badText;
        }
        if (ReplyMarkupRules.Check(p, chatId, inlineOnly: false, out var markup) is { } badMarkup)
        {
            return badMarkup;
        }
        return Deliver("sendMessage", p, chatId, markup,
            message => AddText(message, "text", "entities", formatted),
            sent => sent with { Text = text, PlainText = formatted.PlainText, ParseMode = parseMode });
    }

    private ApiReply OnSendLocation(ApiParameters p)
    {
        if (CheckChat(p, out var chatId) is { } badChat)
        {
            return badChat;
        }
        if (CheckLocation(p, out var latitude, out var longitude) is { } badLocation)
        {
            return badLocation;
        }
        if (ReplyMarkupRules.Check(p, chatId, inlineOnly: false, out var markup) is { } badMarkup)
        {
            return badMarkup;
        }
        return Deliver("sendLocation", p, chatId, markup,
            message => message["location"] = Location(latitude, longitude),
            sent => sent with { Latitude = latitude, Longitude = longitude });
    }

    private ApiReply OnSendVenue(ApiParameters p)
    {
        if (CheckChat(p, out var chatId) is { } badChat)
        {
            return badChat;
        }
        if (CheckLocation(p, out var latitude, out var longitude) is { } badLocation)
        {
            return badLocation;
        }
        var title = p.String("title");
        var address = p.String("address");
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(address))
        {
            return ApiReply.BadRequest(string.IsNullOrWhiteSpace(title) ? "venue title is empty" : "venue address is empty");
        }
        if (ReplyMarkupRules.Check(p, chatId, inlineOnly: false, out var markup) is { } badMarkup)
        {
            return badMarkup;
        }
        return Deliver("sendVenue", p, chatId, markup,
            message =>
            {
                message["venue"] = new JsonObject { ["location"] = Location(latitude, longitude), ["title"] = title, ["address"] = address };
                message["location"] = Location(latitude, longitude);
            },
            sent => sent with { Latitude = latitude, Longitude = longitude, Title = title, Address = address });
    }

    private ApiReply OnSendPhoto(ApiParameters p)
    {
        if (CheckChat(p, out var chatId) is { } badChat)
        {
            return badChat;
        }
        var upload = p.Upload("photo");
        var fileId = upload is null ? p.String("photo") : null;
        if (upload is null && string.IsNullOrWhiteSpace(fileId))
        {
            return ApiReply.BadRequest("there is no photo in the request");
        }
        if (upload is not null && CheckPhotoUpload(upload.Bytes) is { } badUpload)
        {
            return badUpload;
        }
        var caption = p.String("caption");
        var parseMode = p.String("parse_mode");
        var formatted = new FormattedText("", null, null);
        if (!string.IsNullOrEmpty(caption)
            && Format(caption, parseMode, p, "caption_entities", MaxCaptionLength, "message caption is empty", "message caption is too long", out formatted) is { } badCaption)
        {
            return badCaption;
        }
        if (ReplyMarkupRules.Check(p, chatId, inlineOnly: false, out var markup) is { } badMarkup)
        {
            return badMarkup;
        }
        long size;
        lock (_gate)
        {
            if (upload is not null)
            {
                // Like Telegram, an uploaded photo gets a file_id the bot can send again or fetch back.
                fileId = NextGeneratedFileId("photo");
                var extension = upload.Bytes[0] == 0x89 ? "png" : "jpg";
                _files[fileId] = new RegisteredFile(upload.Bytes, $"photos/{fileId}.{extension}", DeclareSize: true);
            }
            size = _files.TryGetValue(fileId!, out var file) ? file.Bytes.Length : 100_000;
        }
        return Deliver("sendPhoto", p, chatId, markup,
            message =>
            {
                message["photo"] = new JsonArray(
                    PhotoSize(fileId + "-s", 90, 68, Math.Max(1, size / 40)),
                    PhotoSize(fileId + "-m", 320, 240, Math.Max(1, size / 8)),
                    PhotoSize(fileId!, 1280, 960, size));
                if (!string.IsNullOrEmpty(caption))
                {
                    AddText(message, "caption", "caption_entities", formatted);
                }
            },
            sent => sent with
            {
                Text = caption, PlainText = caption is null ? null : formatted.PlainText, ParseMode = parseMode, FileId = fileId, Upload = upload?.Bytes,
            });
    }

    private ApiReply OnSendDocument(ApiParameters p)
    {
        if (CheckChat(p, out var chatId) is { } badChat)
        {
            return badChat;
        }
        var upload = p.Upload("document");
        var fileId = upload is null ? p.String("document") : null;
        if (upload is null && string.IsNullOrWhiteSpace(fileId))
        {
            return ApiReply.BadRequest("there is no document in the request");
        }
        if (upload is not null && upload.Bytes.Length > MaxDocumentUploadBytes)
        {
            return ApiReply.BadRequest("file is too big");
        }
        if (upload is not null && upload.Bytes.Length == 0)
        {
            return ApiReply.BadRequest("file must be non-empty");
        }
        var caption = p.String("caption");
        var parseMode = p.String("parse_mode");
        var formatted = new FormattedText("", null, null);
        if (!string.IsNullOrEmpty(caption)
            && Format(caption, parseMode, p, "caption_entities", MaxCaptionLength, "message caption is empty", "message caption is too long", out formatted) is { } badCaption)
        {
            return badCaption;
        }
        if (ReplyMarkupRules.Check(p, chatId, inlineOnly: false, out var markup) is { } badMarkup)
        {
            return badMarkup;
        }
        string? fileName;
        long size;
        lock (_gate)
        {
            if (upload is not null)
            {
                // Like Telegram, an uploaded document gets a file_id the bot can send again or fetch back.
                fileId = NextGeneratedFileId("document");
                _files[fileId] = new RegisteredFile(upload.Bytes, "documents/" + fileId + Path.GetExtension(upload.FileName), DeclareSize: true);
            }
            fileName = upload?.FileName;
            size = _files.TryGetValue(fileId!, out var file) ? file.Bytes.Length : 10_000;
        }
        return Deliver("sendDocument", p, chatId, markup,
            message =>
            {
                message["document"] = new JsonObject
                {
                    ["file_id"] = fileId,
                    ["file_unique_id"] = fileId + "-u",
                    ["file_name"] = fileName,
                    ["file_size"] = size,
                };
                if (!string.IsNullOrEmpty(caption))
                {
                    AddText(message, "caption", "caption_entities", formatted);
                }
            },
            sent => sent with
            {
                Text = caption, PlainText = caption is null ? null : formatted.PlainText, ParseMode = parseMode, FileId = fileId, Upload = upload?.Bytes,
                FileName = fileName,
            });
    }

    /// <summary>Telegram's answers to an uploaded photo it cannot take: too big, or not an image it can decode.</summary>
    private static ApiReply? CheckPhotoUpload(byte[] bytes)
    {
        if (bytes.Length > MaxPhotoUploadBytes)
        {
            return ApiReply.BadRequest("file is too big");
        }
        ReadOnlySpan<byte> jpeg = [0xFF, 0xD8, 0xFF];
        ReadOnlySpan<byte> png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        return bytes.AsSpan().StartsWith(jpeg) || bytes.AsSpan().StartsWith(png) ? null : ApiReply.BadRequest("IMAGE_PROCESS_FAILED");
    }

    private ApiReply OnAnswerCallbackQuery(ApiParameters p)
    {
        var id = p.String("callback_query_id");
        lock (_gate)
        {
            // Telegram refuses unknown ids and second answers alike.
            if (id is null || !_callbacks.TryGetValue(id, out var query) || query.Answered)
            {
                return ApiReply.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }
            _callbacks[id] = query with { Answered = true };
            _answered.Add(new AnsweredCallback(id, query.ChatId, p.String("text"), p.Bool("show_alert"), _clock.Elapsed));
        }
        _journalChanged.Pulse();
        return ApiReply.Ok(true);
    }

    private ApiReply OnEditMessageText(ApiParameters p)
    {
        if (CheckEditTarget(p, out var chatId, out var messageId) is { } badTarget)
        {
            return badTarget;
        }
        var text = p.String("text");
        var parseMode = p.String("parse_mode");
        if (Format(text, parseMode, p, "entities", MaxTextLength, "message text is empty", "message is too long", out var formatted) is { } badText)
        {
            return badText;
        }
        if (ReplyMarkupRules.Check(p, chatId, inlineOnly: true, out var markup) is { } badMarkup)
        {
            return badMarkup;
        }
        return Edit("editMessageText", p, chatId, messageId, markup,
            current => current["text"] is null ? "there is no text in the message to edit" : null,
            message => AddText(message, "text", "entities", formatted),
            sent => sent with { Text = text, PlainText = formatted.PlainText, ParseMode = parseMode });
    }

    private ApiReply OnEditMessageReplyMarkup(ApiParameters p)
    {
        if (CheckEditTarget(p, out var chatId, out var messageId) is { } badTarget)
        {
            return badTarget;
        }
        if (ReplyMarkupRules.Check(p, chatId, inlineOnly: true, out var markup) is { } badMarkup)
        {
            return badMarkup;
        }
        return Edit("editMessageReplyMarkup", p, chatId, messageId, markup, _ => null, _ => { }, sent => sent);
    }

    private ApiReply OnGetFile(ApiParameters p)
    {
        var id = p.String("file_id");
        RegisteredFile? file;
        lock (_gate)
        {
            file = id is null ? null : _files.GetValueOrDefault(id);
        }
        if (file is null || id is null)
        {
            return ApiReply.BadRequest("invalid file_id");
        }
        // Bots may download files of up to 20 MB; for larger ones Telegram refuses getFile itself.
        if (file.Bytes.Length > MaxDownloadBytes)
        {
            return ApiReply.BadRequest("file is too big");
        }
        var result = new JsonObject { ["file_id"] = id, ["file_unique_id"] = UniqueId(id) };
        if (file.DeclareSize)
        {
            result["file_size"] = file.Bytes.Length;
        }
        result["file_path"] = file.Path;
        return ApiReply.Ok(result);
    }

    /// <summary>Rate limit, number, store and record a new bot message, all under the gate so acceptance order is recording order.</summary>
    private ApiReply Deliver(string method, ApiParameters p, long chatId, JsonObject? markup, Action<JsonObject> fill, Func<SentMessage, SentMessage> describe)
    {
        lock (_gate)
        {
            if (Options.EnforceRateLimits && _flood.TryAcquire(chatId, _clock.Elapsed) is > 0 and var retryAfter)
            {
                return ApiReply.Error(429, string.Create(CultureInfo.InvariantCulture, $"Too Many Requests: retry after {retryAfter}"), retryAfter);
            }
            var messageId = NextMessageId(chatId);
            var message = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = BotUserJson(),
                ["chat"] = ChatJson(chatId),
                ["date"] = UnixNow,
            };
            fill(message);
            // Only inline keyboards belong to the message; reply keyboards live on the user's client.
            if (markup?["inline_keyboard"] is not null)
            {
                message["reply_markup"] = markup.DeepClone();
            }
            _messages[(chatId, messageId)] = new StoredMessage(true, message);
            _lastBotMessageId[chatId] = messageId;
            RecordSent(describe(new SentMessage
            {
                Method = method,
                ChatId = chatId,
                MessageId = messageId,
                ReplyMarkup = markup?.ToJsonString(FakeBotApiJson.Options),
                Parameters = p.ToJson(),
                At = _clock.Elapsed,
            }));
            return ApiReply.Ok(message.DeepClone());
        }
    }

    private ApiReply Edit(
        string method, ApiParameters p, long chatId, int messageId, JsonObject? markup,
        Func<JsonObject, string?> refuse, Action<JsonObject> apply, Func<SentMessage, SentMessage> describe)
    {
        lock (_gate)
        {
            if (!_messages.TryGetValue((chatId, messageId), out var stored))
            {
                return ApiReply.BadRequest("message to edit not found");
            }
            if (!stored.FromBot)
            {
                return ApiReply.BadRequest("message can't be edited");
            }
            if (refuse(stored.Json) is { } reason)
            {
                return ApiReply.BadRequest(reason);
            }
            var edited = (JsonObject)stored.Json.DeepClone();
            apply(edited);
            // Omitting reply_markup in an edit removes the keyboard, as in Telegram.
            edited.Remove("reply_markup");
            if (markup is not null)
            {
                edited["reply_markup"] = markup.DeepClone();
            }
            edited.Remove("edit_date");
            if (JsonNode.DeepEquals(Content(edited), Content(stored.Json)))
            {
                return ApiReply.BadRequest(NotModified);
            }
            edited["edit_date"] = UnixNow;
            _messages[(chatId, messageId)] = new StoredMessage(true, edited);
            RecordSent(describe(new SentMessage
            {
                Method = method,
                ChatId = chatId,
                MessageId = messageId,
                ReplyMarkup = markup?.ToJsonString(FakeBotApiJson.Options),
                Parameters = p.ToJson(),
                At = _clock.Elapsed,
            }));
            return ApiReply.Ok(edited.DeepClone());
        }
    }

    private static JsonObject Content(JsonObject message)
    {
        var content = (JsonObject)message.DeepClone();
        content.Remove("edit_date");
        return content;
    }

    private ApiReply? CheckChat(ApiParameters p, out long chatId)
    {
        chatId = 0;
        if (!p.Has("chat_id"))
        {
            return ApiReply.BadRequest("chat_id is empty");
        }
        // @channelusername ids and chats the bot cannot know are both "not found" here.
        if (p.Long("chat_id") is not long id || id == 0)
        {
            return ApiReply.BadRequest("chat not found");
        }
        chatId = id;
        if (Options.RequireKnownChats)
        {
            lock (_gate)
            {
                if (!_knownChats.Contains(id))
                {
                    return ApiReply.BadRequest("chat not found");
                }
            }
        }
        return null;
    }

    private ApiReply? CheckEditTarget(ApiParameters p, out long chatId, out int messageId)
    {
        messageId = 0;
        if (p.Has("inline_message_id"))
        {
            chatId = 0;
            return ApiReply.BadRequest("MESSAGE_ID_INVALID");
        }
        if (CheckChat(p, out chatId) is { } badChat)
        {
            return badChat;
        }
        if (p.Long("message_id") is not long id || id is <= 0 or > int.MaxValue)
        {
            return ApiReply.BadRequest("message identifier is not specified");
        }
        messageId = (int)id;
        return null;
    }

    private static ApiReply? CheckLocation(ApiParameters p, out double latitude, out double longitude)
    {
        latitude = p.Double("latitude") ?? double.NaN;
        longitude = p.Double("longitude") ?? double.NaN;
        return latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180 ? null : ApiReply.BadRequest("wrong latitude or longitude");
    }

    private static ApiReply? Format(
        string? text, string? parseMode, ApiParameters p, string entitiesParameter, int maxLength, string empty, string tooLong, out FormattedText formatted)
    {
        formatted = new FormattedText("", null, null);
        if (string.IsNullOrEmpty(text))
        {
            return ApiReply.BadRequest(empty);
        }
        if (string.IsNullOrEmpty(parseMode))
        {
            formatted = new FormattedText(text, p.Json(entitiesParameter, out _) as JsonArray, null);
        }
        else if (string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase))
        {
            formatted = TelegramHtml.Parse(text);
            if (formatted.Error is not null)
            {
                return ApiReply.BadRequest("can't parse entities: " + formatted.Error);
            }
        }
        else if (string.Equals(parseMode, "MarkdownV2", StringComparison.OrdinalIgnoreCase) || string.Equals(parseMode, "Markdown", StringComparison.OrdinalIgnoreCase))
        {
            // Markdown is not emulated: the text passes through unparsed.
            formatted = new FormattedText(text, null, null);
        }
        else
        {
            return ApiReply.BadRequest("unsupported parse_mode");
        }
        if (string.IsNullOrWhiteSpace(formatted.PlainText))
        {
            return ApiReply.BadRequest(empty);
        }
        return formatted.PlainText.Length > maxLength ? ApiReply.BadRequest(tooLong) : null;
    }

    private static void AddText(JsonObject message, string textField, string entitiesField, FormattedText formatted)
    {
        message[textField] = formatted.PlainText;
        message.Remove(entitiesField);
        if (formatted.Entities is { Count: > 0 } entities)
        {
            message[entitiesField] = entities.DeepClone();
        }
    }

    private static JsonObject Location(double latitude, double longitude) => new() { ["latitude"] = latitude, ["longitude"] = longitude };
}
