using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timpora.Bot.Telegram;

/// <summary>The one place that knows how the Bot API spells JSON.</summary>
public static class TelegramJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// Reads one update without ever throwing, so a single odd update cannot jam a whole getUpdates batch or a
    /// webhook: what cannot be read comes back as <see cref="Update.Malformed"/> with whatever id could be found.
    /// </summary>
    public static Update ReadUpdate(JsonElement element)
    {
        try
        {
            return element.Deserialize<Update>(Options) ?? new Update(0) { Malformed = true };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            var id = element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty("update_id", out var idElement)
                && idElement.ValueKind == JsonValueKind.Number
                && idElement.TryGetInt64(out var value) ? value : 0;
            return new Update(id) { Malformed = true };
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
