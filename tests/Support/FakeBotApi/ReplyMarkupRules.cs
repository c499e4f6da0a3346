using System.Text;
using System.Text.Json.Nodes;

namespace Timpora.Testing;

/// <summary>Telegram's checks on reply_markup, so that a keyboard the fake accepts is one Telegram would accept.</summary>
internal static class ReplyMarkupRules
{
    private const int MaxCallbackDataBytes = 64;

    private static readonly string[] InlineActions =
    [
        "callback_data", "url", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay", "web_app",
    ];

    /// <summary>Null when acceptable; <paramref name="markup"/> is then the parsed markup (null when absent).</summary>
    public static ApiReply? Check(ApiParameters parameters, long chatId, bool inlineOnly, out JsonObject? markup)
    {
        markup = null;
        if (!parameters.Has("reply_markup"))
        {
            return null;
        }
        var node = parameters.Json("reply_markup", out var invalid);
        if (invalid || node is not JsonObject parsed)
        {
            return ApiReply.BadRequest("can't parse reply keyboard markup JSON object");
        }
        markup = parsed;
        if (parsed["inline_keyboard"] is { } inline)
        {
            return CheckInline(inline);
        }
        if (inlineOnly)
        {
            return ApiReply.BadRequest("inline keyboard expected");
        }
        if (parsed["keyboard"] is { } keyboard)
        {
            return CheckKeyboard(keyboard, chatId);
        }
        return IsTrue(parsed["remove_keyboard"]) || IsTrue(parsed["force_reply"])
            ? null
            : ApiReply.BadRequest("can't parse reply keyboard markup JSON object");
    }

    private static ApiReply? CheckInline(JsonNode inline)
    {
        if (!IsArrayOfArrays(inline))
        {
            return ApiReply.BadRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
        }
        foreach (var button in inline.AsArray().SelectMany(row => row!.AsArray()))
        {
            if (button is not JsonObject fields || !IsNonEmptyString(fields["text"]))
            {
                return ApiReply.BadRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
            }
            var actions = InlineActions.Count(fields.ContainsKey);
            if (actions == 0)
            {
                return ApiReply.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
            }
            if (actions > 1)
            {
                return ApiReply.BadRequest("can't parse inline keyboard button: exactly one of the optional fields must be used");
            }
            if (fields.ContainsKey("callback_data"))
            {
                // The limit is in UTF-8 bytes: 64 ASCII characters fit, 17 emoji do not.
                var bytes = fields["callback_data"] is JsonValue data && data.TryGetValue(out string? text) ? Encoding.UTF8.GetByteCount(text) : 0;
                if (bytes is < 1 or > MaxCallbackDataBytes)
                {
                    return ApiReply.BadRequest("BUTTON_DATA_INVALID");
                }
            }
            if (fields.ContainsKey("url")
                && !(fields["url"] is JsonValue url && url.TryGetValue(out string? link) && Uri.TryCreate(link, UriKind.Absolute, out _)))
            {
                return ApiReply.BadRequest("BUTTON_URL_INVALID");
            }
        }
        return null;
    }

    private static ApiReply? CheckKeyboard(JsonNode keyboard, long chatId)
    {
        if (!IsArrayOfArrays(keyboard))
        {
            return ApiReply.BadRequest("field \"keyboard\" of the ReplyKeyboardMarkup must be an Array of Arrays");
        }
        foreach (var button in keyboard.AsArray().SelectMany(row => row!.AsArray()))
        {
            if (button is JsonValue plain && plain.TryGetValue(out string? label) && label.Length > 0)
            {
                continue;
            }
            if (button is not JsonObject fields || !IsNonEmptyString(fields["text"]))
            {
                return ApiReply.BadRequest("can't parse keyboard button: Field \"text\" must be of type String");
            }
            if (chatId < 0 && (IsTrue(fields["request_location"]) || IsTrue(fields["request_contact"])))
            {
                // Telegram documents these buttons as private-chat only.
                return ApiReply.BadRequest("request_contact and request_location buttons are allowed only in private chats");
            }
        }
        return null;
    }

    private static bool IsArrayOfArrays(JsonNode node) => node is JsonArray rows && rows.All(row => row is JsonArray);

    private static bool IsNonEmptyString(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0;

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue(out bool flag) && flag;
}
