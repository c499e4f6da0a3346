using System.Text.Json.Nodes;

namespace Timpora.Testing;

/// <summary>A Bot API answer: the JSON envelope plus the HTTP status, which mirrors error_code like Telegram's does.</summary>
internal sealed record ApiReply(int StatusCode, JsonObject Body)
{
    public string? Description => (string?)Body["description"];

    public static ApiReply Ok(JsonNode? result, string? description = null)
    {
        var body = new JsonObject { ["ok"] = true, ["result"] = result };
        if (description is not null)
        {
            body["description"] = description;
        }
        return new ApiReply(200, body);
    }

    public static ApiReply Error(int errorCode, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description };
        if (retryAfter is int seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }
        return new ApiReply(errorCode, body);
    }

    public static ApiReply BadRequest(string what) => Error(400, "Bad Request: " + what);
}
