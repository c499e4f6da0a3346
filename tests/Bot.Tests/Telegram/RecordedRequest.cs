using System.Text.Json;

namespace Timpora.Bot.Tests.Telegram;

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? MediaType, string? Body)
{
    public JsonElement Json => JsonDocument.Parse(Body ?? "null").RootElement;
}
