using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Timpora.Testing;

/// <summary>
/// The parameters of one call, merged from the query string and a JSON or form body as Telegram merges them.
/// Form and query values are strings, so structured parameters (reply_markup, allowed_updates) may arrive as
/// JSON text or as real JSON; the accessors accept both.
/// </summary>
internal sealed class ApiParameters
{
    private readonly JsonObject _values;
    private readonly Dictionary<string, UploadedFile> _uploads;

    private ApiParameters(JsonObject values, Dictionary<string, UploadedFile> uploads)
    {
        _values = values;
        _uploads = uploads;
    }

    public static ApiParameters Empty { get; } = new([], []);

    public static async Task<(ApiParameters? Parameters, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new JsonObject();
        var uploads = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = value.ToString();
        }
        if (request.HasJsonContentType())
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(cancellationToken);
            if (!string.IsNullOrWhiteSpace(text))
            {
                JsonNode? body;
                try
                {
                    body = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    return (null, "can't parse JSON object");
                }
                if (body is not JsonObject fields)
                {
                    return (null, "request body must be a JSON object");
                }
                foreach (var (key, value) in fields)
                {
                    values[key] = value?.DeepClone();
                }
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                values[key] = value.ToString();
            }
            foreach (var file in form.Files)
            {
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes, cancellationToken);
                uploads[file.Name] = new UploadedFile(file.FileName, bytes.ToArray());
            }
        }
        return (new ApiParameters(values, uploads), null);
    }

    public bool Has(string name) => _values[name] is not null || _uploads.ContainsKey(name);

    public bool IsUpload(string name) => _uploads.ContainsKey(name);

    /// <summary>The file part of this name in a multipart/form-data call, or null.</summary>
    public UploadedFile? Upload(string name) => _uploads.GetValueOrDefault(name);

    public string? String(string name) => _values[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        var other => other.ToJsonString(),
    };

    public long? Long(string name)
    {
        switch (_values[name])
        {
            case JsonValue value when value.TryGetValue(out long number):
                return number;
            case JsonValue value when value.TryGetValue(out string? text)
                                      && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                return null;
        }
    }

    public double? Double(string name)
    {
        switch (_values[name])
        {
            case JsonValue value when value.TryGetValue(out double number):
                return number;
            case JsonValue value when value.TryGetValue(out string? text)
                                      && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                return null;
        }
    }

    public bool Bool(string name) => _values[name] switch
    {
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        JsonValue value when value.TryGetValue(out string? text) => text is "1" || bool.TryParse(text, out var parsed) && parsed,
        _ => false,
    };

    /// <summary>A structured parameter, always as a detached copy. <paramref name="invalid"/> is set when JSON text does not parse.</summary>
    public JsonNode? Json(string name, out bool invalid)
    {
        invalid = false;
        var node = _values[name];
        if (node is JsonValue value && value.TryGetValue(out string? text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                invalid = true;
                return null;
            }
        }
        return node?.DeepClone();
    }

    /// <summary>The parameters as JSON; an uploaded file appears as <c>"&lt;upload photo.jpg, 1234 bytes&gt;"</c>.</summary>
    public string ToJson()
    {
        if (_uploads.Count == 0)
        {
            return _values.ToJsonString(FakeBotApiJson.Options);
        }
        var all = (JsonObject)_values.DeepClone();
        foreach (var (name, file) in _uploads)
        {
            all[name] = string.Create(CultureInfo.InvariantCulture, $"<upload {file.FileName}, {file.Bytes.Length} bytes>");
        }
        return all.ToJsonString(FakeBotApiJson.Options);
    }
}

/// <summary>A file part of a multipart/form-data call, as the client named and sent it.</summary>
internal sealed record UploadedFile(string FileName, byte[] Bytes);
