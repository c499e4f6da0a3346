using Timpora.Core.Conversations;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Menu;

public sealed class MenuFlowTests : IDisposable
{
    private static readonly string[] MenuPayloads = ["v1:menu:jb", "v1:menu:visits", "v1:menu:col", "v1:menu:rep", "v1:menu:info", "v1:menu:lang"];

    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Opens_the_collective_session_request(string hint)
    {
        await _bot.SendAsync("/start", languageHint: hint);

        var replies = await _bot.PressAsync("v1:menu:col", languageHint: hint);

        var reply = Assert.Single(replies);
        Assert.Equal(Texts.Format(Texts.FromHint(hint), "Collective.Ask.Organisation", 30), reply.Text);
        Assert.Equal("v1:col:a:org:TravelAgent", reply.Payloads()[0]);
        Assert.Equal("col", _bot.Conversation().Flow);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task The_report_button_offers_a_new_report_or_checking_one_with_its_code(string hint)
    {
        await _bot.SendAsync("/start", languageHint: hint);

        var chooser = Assert.Single(await _bot.PressAsync("v1:menu:rep", languageHint: hint));
        Assert.Equal(Texts.Get(Texts.FromHint(hint), "Menu.Report.Choose"), chooser.Text);
        Assert.Equal(["v1:menu:repnew", "v1:menu:repst", "v1:menu:show"], chooser.Payloads());

        var report = await _bot.PressAsync("v1:menu:repnew", languageHint: hint);
        Assert.Equal(Texts.Get(Texts.FromHint(hint), "Report.Intro"), report[0].Text);
        Assert.Equal("report", _bot.Conversation().Flow);

        await _bot.SendAsync("/start", languageHint: hint);
        await _bot.PressAsync("v1:menu:rep", languageHint: hint);
        var status = Assert.Single(await _bot.PressAsync("v1:menu:repst", languageHint: hint));
        Assert.Equal(Texts.Get(Texts.FromHint(hint), "Status.AskCode"), status.Text);
        Assert.Equal("status", _bot.Conversation().Flow);
    }

    [Fact]
    public async Task Opens_the_Jemput_Bola_booking()
    {
        await _bot.SendAsync("/start");

        var replies = await _bot.PressAsync("v1:menu:jb");

        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.Ask.Reason"), Assert.Single(replies).Text);
        Assert.Equal("jb", _bot.Conversation().Flow);
    }

    [Fact]
    public async Task Opens_the_citizen_s_visits()
    {
        await _bot.SendAsync("/start");

        var replies = await _bot.PressAsync("v1:menu:visits");

        Assert.Equal(Texts.Get(Language.Indonesian, "Visits.None"), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Opens_the_information()
    {
        await _bot.SendAsync("/start");

        var replies = await _bot.PressAsync("v1:menu:info");

        Assert.Equal(Texts.Get(Language.Indonesian, "Info.Prompt"), Assert.Single(replies).Text);
        Assert.Equal("info", _bot.Conversation().Flow);
    }

    [Fact]
    public async Task Opens_the_language_choice()
    {
        await _bot.SendAsync("/start");

        var replies = await _bot.PressAsync("v1:menu:lang");

        Assert.Equal(Texts.Get(Language.Indonesian, "Language.Prompt"), Assert.Single(replies).Text);
        Assert.Equal("language", _bot.Conversation().Flow);
    }

    [Fact]
    public async Task Shows_itself_again()
    {
        await _bot.SendAsync("/info");

        var replies = await _bot.PressAsync("v1:menu:show");

        Assert.Equal(Texts.Format(Language.Indonesian, "Menu.Prompt", Some.OfficeName), Assert.Single(replies).Text);
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);
    }

    [Fact]
    public async Task Answers_an_action_it_does_not_have_as_stale_and_shows_the_menu()
    {
        await _bot.SendAsync("/start");

        var replies = await _bot.PressAsync("v1:menu:admin");

        Assert.Equal(
            [Texts.Get(Language.Indonesian, "Input.StaleButton"), Texts.Format(Language.Indonesian, "Menu.Prompt", Some.OfficeName)],
            replies.Said());
        Assert.Equal(MenuPayloads, replies[1].Payloads());
    }

    [Fact]
    public async Task Asks_for_a_button_when_text_arrives()
    {
        await _bot.SendAsync("/start");

        var replies = await _bot.SendAsync("mau bikin paspor");

        var reply = Assert.Single(replies);
        Assert.Equal(Texts.Get(Language.Indonesian, "Input.ChooseButton"), reply.Text);
        Assert.Equal(MenuPayloads, reply.Payloads());
    }

    [Fact]
    public async Task Escapes_the_office_name_in_the_welcome()
    {
        var office = Some.Office();
        office.Name = "Kanim <Serang> & Co";
        using var bot = new EngineHarness(office);

        var replies = await bot.SendAsync("/start");

        Assert.Contains("<b>Kanim &lt;Serang&gt; &amp; Co</b>", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaves_the_menu_state_empty()
    {
        await _bot.SendAsync("/start");

        var conversation = _bot.Conversation();

        Assert.Null(conversation.FlowState);
        Assert.NotNull(conversation.Choices);
    }
}
