using Timpora.Core.Conversations;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Menu;

public sealed class HelpFlowTests : IDisposable
{
    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("/bantuan", "id")]
    [InlineData("/help", "en")]
    public async Task Explains_the_commands_and_gives_the_office_phone(string command, string hint)
    {
        var replies = await _bot.SendAsync(command, languageHint: hint);

        var help = Assert.Single(replies);
        Assert.Equal(Texts.Format(Texts.FromHint(hint), "Help", Some.OfficePhone), help.Text);
        Assert.Contains("(0254) 209489", help.Text, StringComparison.Ordinal);
        Assert.Contains("/batal", help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaves_the_menu_and_its_buttons_where_they_were()
    {
        await _bot.SendAsync("/start");
        var before = _bot.Conversation();

        await _bot.SendAsync("/bantuan");

        var after = _bot.Conversation();
        Assert.Equal(ConversationEngine.MenuFlow, after.Flow);
        Assert.Equal(before.Choices, after.Choices);
    }

    [Fact]
    public async Task Answers_a_button_addressed_to_it_as_stale()
    {
        var replies = await _bot.PressAsync("v1:help:again");

        Assert.Equal(Texts.Get(Language.Indonesian, "Input.StaleButton"), replies[0].Text);
    }
}
