namespace Timpora.Core.Messaging;

/// <summary>Escaping for the HTML subset Telegram parses: only &amp;, &lt;, &gt; and &quot; are special.</summary>
public static class Html
{
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text)
            ? string.Empty
            : text.Replace("&", "&amp;", StringComparison.Ordinal)
                .Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal)
                .Replace("\"", "&quot;", StringComparison.Ordinal);
}
