using System.Text.Json.Nodes;

namespace Timpora.Testing;

/// <summary>
/// One call the fake accepted that changed a chat: send*, editMessageText, editMessageReplyMarkup.
/// Recorded in acceptance order.
/// </summary>
public sealed record SentMessage
{
    public required string Method { get; init; }

    public required long ChatId { get; init; }

    /// <summary>The id given to the new message, or the id of the edited message.</summary>
    public required int MessageId { get; init; }

    /// <summary>The text (or caption) exactly as the client sent it, markup included.</summary>
    public string? Text { get; init; }

    /// <summary>The text as a user would see it: HTML tags removed and entities decoded.</summary>
    public string? PlainText { get; init; }

    public string? ParseMode { get; init; }

    /// <summary>The reply_markup as compact JSON, or null when the call had none.</summary>
    public string? ReplyMarkup { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? Title { get; init; }

    public string? Address { get; init; }

    /// <summary>The file_id of sendPhoto or sendDocument; for an upload, the file_id the fake gave it (fetchable with getFile).</summary>
    public string? FileId { get; init; }

    /// <summary>The bytes of a photo or document sent by upload (multipart/form-data), exactly as they arrived; null for a file_id.</summary>
    public byte[]? Upload { get; init; }

    /// <summary>The file name of a document sent by upload, as the multipart part named it.</summary>
    public string? FileName { get; init; }

    /// <summary>Every parameter of the call as a JSON object, for assertions on fields not modelled here.</summary>
    public required string Parameters { get; init; }

    /// <summary>When the fake accepted the call, measured from the fake's start with a Stopwatch.</summary>
    public required TimeSpan At { get; init; }

    /// <summary>The callback_data of every inline button, row by row.</summary>
    public IReadOnlyList<string> CallbackData => Buttons.Select(b => b.CallbackData).OfType<string>().ToArray();

    /// <summary>Every button of an inline or reply keyboard, row by row.</summary>
    public IReadOnlyList<SentButton> Buttons
    {
        get
        {
            if (ReplyMarkup is null || JsonNode.Parse(ReplyMarkup) is not JsonObject markup)
            {
                return [];
            }
            var rows = (markup["inline_keyboard"] ?? markup["keyboard"]) as JsonArray ?? [];
            return rows.OfType<JsonArray>().SelectMany(row => row).Select(ToButton).OfType<SentButton>().ToArray();
        }
    }

    private static SentButton? ToButton(JsonNode? node) => node switch
    {
        JsonValue plain when plain.TryGetValue(out string? text) => new SentButton(text, null, null),
        JsonObject button => new SentButton(
            button["text"]?.GetValue<string>() ?? "",
            button["callback_data"]?.GetValue<string>(),
            button["url"]?.GetValue<string>()),
        _ => null,
    };
}

/// <summary>A keyboard button as sent by the bot.</summary>
public sealed record SentButton(string Text, string? CallbackData, string? Url);
