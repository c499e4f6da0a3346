using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Timpora.Testing;

/// <summary>The outcome of parsing a parse_mode=HTML text: what the user sees plus its entities, or Telegram's complaint.</summary>
internal sealed record FormattedText(string PlainText, JsonArray? Entities, string? Error)
{
    public static FormattedText Failed(string error) => new("", null, error);
}

/// <summary>
/// Telegram's HTML subset, parsed as strictly as Telegram parses it: a client that passes here escapes correctly.
/// Offsets of entities are UTF-16 code units like Telegram's; offsets in error messages are UTF-8 bytes like Telegram's.
/// </summary>
internal static class TelegramHtml
{
    private static readonly Dictionary<string, string?> EntityTypeByTag = new(StringComparer.Ordinal)
    {
        ["b"] = "bold",
        ["strong"] = "bold",
        ["i"] = "italic",
        ["em"] = "italic",
        ["u"] = "underline",
        ["ins"] = "underline",
        ["s"] = "strikethrough",
        ["strike"] = "strikethrough",
        ["del"] = "strikethrough",
        ["tg-spoiler"] = "spoiler",
        ["span"] = "spoiler",
        ["a"] = "text_link",
        ["code"] = "code",
        ["pre"] = "pre",
        ["blockquote"] = "blockquote",
        ["tg-emoji"] = "custom_emoji",
    };

    private sealed record OpenTag(string Name, int TextStart, JsonObject? Entity);

    public static FormattedText Parse(string html)
    {
        var text = new StringBuilder(html.Length);
        var entities = new List<JsonObject>();
        var open = new Stack<OpenTag>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            string? error;
            if (c == '<' && i + 1 < html.Length && html[i + 1] == '/')
            {
                (i, error) = CloseTag(html, i, text, open, entities);
            }
            else if (c == '<')
            {
                (i, error) = OpenTagAt(html, i, text, open);
            }
            else if (c == '&')
            {
                (i, error) = Entity(html, i, text);
            }
            else
            {
                text.Append(c);
                i++;
                error = null;
            }
            if (error is not null)
            {
                return FormattedText.Failed(error);
            }
        }
        if (open.Count > 0)
        {
            return FormattedText.Failed($"Can't find end tag corresponding to start tag \"{open.Peek().Name}\"");
        }
        var sorted = entities.OrderBy(e => (int)e["offset"]!).ThenByDescending(e => (int)e["length"]!).ToArray();
        return new FormattedText(text.ToString(), sorted.Length == 0 ? null : new JsonArray(sorted), null);
    }

    private static (int Next, string? Error) CloseTag(string html, int start, StringBuilder text, Stack<OpenTag> open, List<JsonObject> entities)
    {
        var i = start + 2;
        var name = ReadName(html, ref i);
        while (i < html.Length && char.IsWhiteSpace(html[i]))
        {
            i++;
        }
        if (i >= html.Length || html[i] != '>')
        {
            return (i, $"Can't find end of end tag at byte offset {ByteOffset(html, start)}");
        }
        if (open.Count == 0)
        {
            return (i, $"Unexpected end tag at byte offset {ByteOffset(html, start)}");
        }
        var tag = open.Pop();
        if (!string.Equals(tag.Name, name, StringComparison.OrdinalIgnoreCase))
        {
            return (i, $"Unmatched end tag at byte offset {ByteOffset(html, start)}, expected \"</{tag.Name}>\", found \"</{name}>\"");
        }
        var length = text.Length - tag.TextStart;
        // Telegram drops entities that cover no text.
        if (tag.Entity is not null && length > 0)
        {
            tag.Entity["offset"] = tag.TextStart;
            tag.Entity["length"] = length;
            entities.Add(tag.Entity);
        }
        return (i + 1, null);
    }

    private static (int Next, string? Error) OpenTagAt(string html, int start, StringBuilder text, Stack<OpenTag> open)
    {
        var i = start + 1;
        var rawName = ReadName(html, ref i);
        var name = rawName.ToLowerInvariant();
        if (!EntityTypeByTag.TryGetValue(name, out var type))
        {
            return (i, $"Unsupported start tag \"{rawName}\" at byte offset {ByteOffset(html, start)}");
        }
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }
            if (i >= html.Length)
            {
                return (i, $"Unclosed start tag at byte offset {ByteOffset(html, start)}");
            }
            if (html[i] == '>')
            {
                break;
            }
            var attribute = ReadName(html, ref i);
            if (attribute.Length == 0)
            {
                return (i, $"Empty attribute name in the tag \"{name}\" at byte offset {ByteOffset(html, start)}");
            }
            var value = "";
            if (i < html.Length && html[i] == '=')
            {
                i++;
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var end = html.IndexOf(quote, i + 1);
                    if (end < 0)
                    {
                        return (i, $"Unclosed end of attribute value in the tag \"{name}\" at byte offset {ByteOffset(html, start)}");
                    }
                    value = html[(i + 1)..end];
                    i = end + 1;
                }
                else
                {
                    var end = i;
                    while (end < html.Length && !char.IsWhiteSpace(html[end]) && html[end] != '>')
                    {
                        end++;
                    }
                    value = html[i..end];
                    i = end;
                }
            }
            attributes[attribute] = DecodeAttribute(value);
        }
        var entity = Describe(name, type, attributes, open, out var error);
        if (error is not null)
        {
            return (i, $"{error} at byte offset {ByteOffset(html, start)}");
        }
        open.Push(new OpenTag(name, text.Length, entity));
        return (i + 1, null);
    }

    private static JsonObject? Describe(string name, string? type, Dictionary<string, string> attributes, Stack<OpenTag> open, out string? error)
    {
        error = null;
        switch (name)
        {
            case "span" when !attributes.TryGetValue("class", out var css) || css != "tg-spoiler":
                error = "Tag \"span\" must have class \"tg-spoiler\"";
                return null;
            case "a":
                // <a> without href is accepted and produces no entity.
                return attributes.TryGetValue("href", out var href) ? new JsonObject { ["type"] = type, ["url"] = href } : null;
            case "tg-emoji":
                if (!attributes.TryGetValue("emoji-id", out var emojiId))
                {
                    error = "Tag \"tg-emoji\" must have attribute \"emoji-id\"";
                    return null;
                }
                return new JsonObject { ["type"] = type, ["custom_emoji_id"] = emojiId };
            case "code" when open.TryPeek(out var parent) && parent.Name == "pre" && parent.Entity is not null:
                // <pre><code class="language-x"> is one pre entity carrying the language.
                if (attributes.TryGetValue("class", out var language) && language.StartsWith("language-", StringComparison.Ordinal))
                {
                    parent.Entity["language"] = language["language-".Length..];
                    return null;
                }
                return new JsonObject { ["type"] = type };
            case "blockquote" when attributes.ContainsKey("expandable"):
                return new JsonObject { ["type"] = "expandable_blockquote" };
            default:
                return new JsonObject { ["type"] = type };
        }
    }

    private static (int Next, string? Error) Entity(string html, int start, StringBuilder text)
    {
        var end = html.IndexOf(';', start + 1);
        var name = end < 0 || end - start > 12 ? null : html[(start + 1)..end];
        var decoded = name is null ? null : DecodeEntity(name);
        if (decoded is null)
        {
            return (start, $"Character entity expected at byte offset {ByteOffset(html, start)}: escape a literal '&' as &amp;");
        }
        text.Append(decoded);
        return (end + 1, null);
    }

    private static string? DecodeEntity(string name)
    {
        switch (name)
        {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
        }
        if (name.Length < 2 || name[0] != '#')
        {
            return null;
        }
        var hex = name[1] is 'x' or 'X';
        var digits = hex ? name[2..] : name[1..];
        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        return int.TryParse(digits, style, CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF)
            ? char.ConvertFromUtf32(code)
            : null;
    }

    // Attribute values are decoded leniently: Telegram only insists on escaping in text.
    private static string DecodeAttribute(string value)
    {
        if (!value.Contains('&', StringComparison.Ordinal))
        {
            return value;
        }
        var result = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var end = value[i] == '&' ? value.IndexOf(';', i) : -1;
            var decoded = end > i ? DecodeEntity(value[(i + 1)..end]) : null;
            if (decoded is null)
            {
                result.Append(value[i]);
                i++;
            }
            else
            {
                result.Append(decoded);
                i = end + 1;
            }
        }
        return result.ToString();
    }

    private static string ReadName(string html, ref int i)
    {
        var start = i;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or '_'))
        {
            i++;
        }
        return html[start..i];
    }

    private static int ByteOffset(string html, int index) => Encoding.UTF8.GetByteCount(html.AsSpan(0, index));
}
