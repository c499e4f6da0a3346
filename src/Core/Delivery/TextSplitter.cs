using System.Text;

namespace Timpora.Core.Delivery;

/// <summary>
/// Cuts a long HTML text into parts a channel accepts, at paragraph, line or word boundaries, never inside a tag
/// or an entity, and closing and reopening tags that span a cut, so every part still parses.
/// </summary>
public static class TextSplitter
{
    public static IReadOnlyList<string> Split(string html, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 100);
        var parts = new List<string>();
        var open = new List<string>();
        var rest = html;
        while (rest.Length > 0)
        {
            var prefix = string.Concat(open);
            var budget = maxLength - prefix.Length - Closing(open).Length;
            if (prefix.Length + rest.Length <= maxLength)
            {
                parts.Add(prefix + rest);
                break;
            }

            var cut = FindCut(rest, budget - 64);
            var piece = rest[..cut];
            var stillOpen = TrackTags(piece, [.. open]);
            parts.Add((prefix + piece).TrimEnd() + Closing(stillOpen));
            open = stillOpen;
            rest = rest[cut..].TrimStart('\n', ' ');
        }

        return parts;
    }

    private static int FindCut(string text, int budget)
    {
        foreach (var separator in new[] { "\n\n", "\n", " " })
        {
            var at = text.LastIndexOf(separator, budget, StringComparison.Ordinal);
            if (at > budget / 2 && IsOutsideMarkup(text, at))
            {
                return at + separator.Length;
            }
        }

        var cut = budget;
        while (cut > 1 && !IsOutsideMarkup(text, cut))
        {
            cut--;
        }

        return cut;
    }

    // A position is safe when it is neither inside a tag (an href may hold "&amp;") nor inside an entity.
    private static bool IsOutsideMarkup(string text, int position)
    {
        bool inTag = false, inEntity = false;
        for (var i = 0; i < position; i++)
        {
            switch (text[i])
            {
                case '<':
                    inTag = true;
                    break;
                case '>':
                    inTag = false;
                    break;
                case '&' when !inTag:
                    inEntity = true;
                    break;
                case ';' when !inTag:
                    inEntity = false;
                    break;
            }
        }

        return !inTag && !inEntity;
    }

    private static List<string> TrackTags(string piece, List<string> open)
    {
        var i = 0;
        while ((i = piece.IndexOf('<', i)) >= 0)
        {
            var end = piece.IndexOf('>', i);
            if (end < 0)
            {
                break;
            }

            var tag = piece[i..(end + 1)];
            if (tag.StartsWith("</", StringComparison.Ordinal))
            {
                if (open.Count > 0)
                {
                    open.RemoveAt(open.Count - 1);
                }
            }
            else
            {
                open.Add(tag);
            }

            i = end + 1;
        }

        return open;
    }

    private static string Closing(List<string> open)
    {
        var closing = new StringBuilder();
        for (var i = open.Count - 1; i >= 0; i--)
        {
            var name = open[i][1..].Split(' ', '>')[0];
            closing.Append("</").Append(name).Append('>');
        }

        return closing.ToString();
    }
}
