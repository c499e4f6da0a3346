using System.Text.Encodings.Web;
using System.Text.Json;

namespace Timpora.Testing;

internal static class FakeBotApiJson
{
    // Relaxed escaping keeps Indonesian text and emoji readable in recorded parameters and failure messages.
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
