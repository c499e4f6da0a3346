using Timpora.Core.Conversations;
using Timpora.Core.Menu;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Menu;

public sealed class LanguageFlowTests : IDisposable
{
    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("/bahasa")]
    [InlineData("/language")]
    public async Task Offers_both_languages(string command)
    {
        var replies = await _bot.SendAsync(command);

        var prompt = Assert.Single(replies);
        Assert.Equal("Silakan pilih bahasa.\nPlease choose a language.", prompt.Text);
        Assert.Equal(["Bahasa Indonesia", "English"], prompt.Labels());
        Assert.Equal(["v1:language:id", "v1:language:en"], prompt.Payloads());
        Assert.Equal(LanguageFlow.FlowName, _bot.Conversation().Flow);
    }

    [Fact]
    public async Task Switches_to_English_and_shows_the_menu_in_English()
    {
        await _bot.SendAsync("/bahasa");

        var replies = await _bot.PressAsync("v1:language:en");

        Assert.Equal(
            ["Done. From now on we will reply in English.", Texts.Format(Language.English, "Menu.Prompt", Some.OfficeName)],
            replies.Said());
        var conversation = _bot.Conversation();
        Assert.Equal(Language.English, conversation.Language);
        Assert.True(conversation.LanguageChosen);
        Assert.Equal(ConversationEngine.MenuFlow, conversation.Flow);
    }

    [Fact]
    public async Task Switches_back_to_Indonesian_even_when_the_app_is_in_English()
    {
        await _bot.PressAsync("v1:language:en");

        var replies = await _bot.PressAsync("v1:language:id", languageHint: "en");
        var later = await _bot.SendAsync("/menu", languageHint: "en");

        Assert.Equal(Texts.Get(Language.Indonesian, "Language.Changed"), replies[0].Text);
        Assert.Equal(Texts.Format(Language.Indonesian, "Menu.Prompt", Some.OfficeName), Assert.Single(later).Text);
        Assert.Equal(Language.Indonesian, _bot.Conversation().Language);
    }

    [Fact]
    public async Task Takes_the_number_of_a_language()
    {
        await _bot.SendAsync("/bahasa");

        var replies = await _bot.SendAsync("2");

        Assert.Equal(Texts.Get(Language.English, "Language.Changed"), replies[0].Text);
    }

    [Fact]
    public async Task Asks_again_when_something_else_is_typed()
    {
        await _bot.SendAsync("/bahasa");

        var replies = await _bot.SendAsync("Jawa");

        var reply = Assert.Single(replies);
        Assert.Equal(Texts.Get(Language.Indonesian, "Input.ChooseButton"), reply.Text);
        Assert.Equal(["v1:language:id", "v1:language:en"], reply.Payloads());
        Assert.Equal(LanguageFlow.FlowName, _bot.Conversation().Flow);
        Assert.False(_bot.Conversation().LanguageChosen);
    }

    [Fact]
    public async Task Answers_a_language_it_does_not_have_as_stale_and_asks_again()
    {
        await _bot.SendAsync("/bahasa");

        var replies = await _bot.PressAsync("v1:language:fr");

        Assert.Equal([Texts.Get(Language.Indonesian, "Input.StaleButton"), Texts.Get(Language.Indonesian, "Language.Prompt")], replies.Said());
        Assert.Equal(Language.Indonesian, _bot.Conversation().Language);
        Assert.False(_bot.Conversation().LanguageChosen);
    }
}
