using System.Text;
using System.Text.Json;

namespace Timpora.Bot.Tests.Telegram;

public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? MediaType, string? Body)
{
    /// <summary>The parts of a multipart/form-data body, in the order sent; empty for any other body.</summary>
    public IReadOnlyList<RecordedPart> Parts { get; init; } = [];

    public JsonElement Json => JsonDocument.Parse(Body ?? "null").RootElement;

    /// <summary>The form field of this name as text.</summary>
    public string? Field(string name) => Parts.SingleOrDefault(p => p.Name == name) is { } part ? Encoding.UTF8.GetString(part.Bytes) : null;
}

/// <summary>One part of a multipart/form-data request: its field name, its file name if it is a file, and its bytes.</summary>
public sealed record RecordedPart(string Name, string? FileName, string? MediaType, byte[] Bytes);
