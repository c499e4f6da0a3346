using Timpora.Core.Messaging;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Messaging;

public sealed class HtmlTests
{
    [Theory]
    [InlineData("a < b", "a &lt; b")]
    [InlineData("b > a", "b &gt; a")]
    [InlineData("PT Maju & Jaya", "PT Maju &amp; Jaya")]
    [InlineData("\"Siti\"", "&quot;Siti&quot;")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("<b>bukan tebal</b>", "&lt;b&gt;bukan tebal&lt;/b&gt;")]
    [InlineData("Rumah Sakit Umum Daerah Dr. Dradjat Prawiranegara", "Rumah Sakit Umum Daerah Dr. Dradjat Prawiranegara")]
    [InlineData("Jl. Ki Mas Jong No. 1 🙏", "Jl. Ki Mas Jong No. 1 🙏")]
    public void Escapes_what_Telegram_would_read_as_markup(string text, string escaped)
    {
        var html = Html.Escape(text);

        Assert.Equal(escaped, html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Escapes_nothing_to_nothing(string? text)
    {
        var html = Html.Escape(text);

        Assert.Equal("", html);
    }

    [Fact]
    public void Makes_any_text_safe_to_send_as_HTML()
    {
        const string hostile = "<a href=\"https://evil.example\">klik</a> & <script>alert(1)</script> &lt; &#x3C; '\" > <";

        var html = Html.Escape(hostile);

        Assert.Null(TelegramHtmlCheck.Problem(html));
        Assert.Null(TelegramHtmlCheck.Problem($"<b>{html}</b>"));
    }
}
