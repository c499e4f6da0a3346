using System.Text.RegularExpressions;

namespace Timpora.Core.Tests.Support;

/// <summary>
/// The HTML our texts may use in Telegram: only b, i, u, code and a (with href), properly nested and closed, and no
/// bare '&lt;' or '&amp;'. Returns what is wrong, or null.
/// </summary>
public static partial class TelegramHtmlCheck
{
    private static readonly HashSet<string> Allowed = ["b", "i", "u", "code", "a"];

    public static string? Problem(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            switch (html[i])
            {
                case '<':
                    var tag = Tag().Match(html, i);
                    if (!tag.Success || tag.Index != i)
                    {
                        return $"A bare '<' or a malformed tag at {i}: '{Around(html, i)}'";
                    }

                    var name = tag.Groups["name"].Value;
                    if (!Allowed.Contains(name))
                    {
                        return $"Tag <{name}> at {i} is not one Telegram takes here";
                    }

                    if (tag.Groups["close"].Success)
                    {
                        if (open.Count == 0 || open.Pop() != name)
                        {
                            return $"Unmatched </{name}> at {i}";
                        }
                    }
                    else
                    {
                        var attributes = tag.Groups["attributes"].Value.Trim();
                        if (name == "a" ? !Href().IsMatch(attributes) : attributes.Length > 0)
                        {
                            return $"Unexpected attributes on <{name}> at {i}: '{attributes}'";
                        }

                        open.Push(name);
                    }

                    i += tag.Length;
                    break;
                case '>':
                    return $"A bare '>' at {i}: '{Around(html, i)}'";
                case '&':
                    var entity = Entity().Match(html, i);
                    if (!entity.Success || entity.Index != i)
                    {
                        return $"A bare '&' at {i}: '{Around(html, i)}'";
                    }

                    i += entity.Length;
                    break;
                default:
                    i++;
                    break;
            }
        }

        return open.Count == 0 ? null : $"<{open.Peek()}> is never closed";
    }

    private static string Around(string html, int i) => html.Substring(Math.Max(0, i - 20), Math.Min(html.Length, i + 20) - Math.Max(0, i - 20));

    [GeneratedRegex("""<(?<close>/)?(?<name>[a-z]+)(?<attributes>(?:\s+[a-z]+="[^"<>]*")*)\s*>""")]
    private static partial Regex Tag();

    [GeneratedRegex("""^href="[^"<>]+"$""")]
    private static partial Regex Href();

    [GeneratedRegex("&(?:amp|lt|gt|quot|#[0-9]+|#x[0-9a-fA-F]+);")]
    private static partial Regex Entity();
}
