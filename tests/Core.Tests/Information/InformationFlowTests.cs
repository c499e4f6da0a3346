using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Information;

public sealed class InformationFlowTests : IDisposable
{
    private const string HoursInIndonesian = "Senin–Kamis: 07.30–16.00 WIB\nJumat: 07.30–16.30 WIB";
    private const string HoursInEnglish = "Monday–Thursday: 07:30–16:00 WIB\nFriday: 07:30–16:30 WIB";
    private const string Area = "• Kota Serang\n• Kabupaten Serang\n• Kabupaten Pandeglang\n• Kabupaten Lebak";

    private static readonly string[] TopicPayloads =
    [
        "v1:info:topic:passport", "v1:info:topic:fees", "v1:info:topic:jb", "v1:info:topic:collective",
        "v1:info:topic:office", "v1:info:topic:area", "v1:info:topic:contact", "v1:info:back",
    ];

    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Lists_the_topics_two_by_two()
    {
        var replies = await _bot.SendAsync("/info");

        var list = Assert.Single(replies);
        Assert.Equal(Texts.Get(Language.Indonesian, "Info.Prompt"), list.Text);
        Assert.Equal(TopicPayloads, list.Payloads());
        Assert.Equal([2, 2, 2, 1, 1], list.Buttons.Select(row => row.Count));
        Assert.Equal(
            ["Syarat paspor", "Biaya paspor", "Jemput Bola", "Paspor kolektif", "Alamat dan jam layanan", "Wilayah kerja", "Kontak", "Kembali ke menu utama"],
            list.Labels());
        Assert.Equal("info", _bot.Conversation().Flow);
    }

    [Theory]
    [InlineData("passport", "id", "Info.Passport")]
    [InlineData("fees", "id", "Info.Fees")]
    [InlineData("jb", "id", "Info.JemputBola")]
    [InlineData("passport", "en", "Info.Passport")]
    [InlineData("fees", "en", "Info.Fees")]
    [InlineData("jb", "en", "Info.JemputBola")]
    public async Task Answers_a_topic_with_its_text_and_a_way_on(string topic, string hint, string key)
    {
        await _bot.SendAsync("/info", languageHint: hint);

        var replies = await _bot.PressAsync($"v1:info:topic:{topic}", languageHint: hint);

        var answer = Assert.Single(replies);
        Assert.Equal(Texts.Get(Texts.FromHint(hint), key), answer.Text);
        Assert.Equal(["v1:info:topics", "v1:info:back"], answer.Payloads());
        Assert.Equal("info", _bot.Conversation().Flow);
    }

    [Fact]
    public async Task Tells_the_fees_in_rupiah()
    {
        var replies = await _bot.PressAsync("v1:info:topic:fees");

        Assert.Contains("Paspor elektronik: 5 tahun <b>Rp650.000</b>, 10 tahun <b>Rp950.000</b>", replies[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "Minimal 30 orang per hari di satu tempat.")]
    [InlineData("en", "At least 30 people per day at one place.")]
    public async Task Tells_the_minimum_group_size_for_a_collective_session(string hint, string line)
    {
        var replies = await _bot.PressAsync("v1:info:topic:collective", languageHint: hint);

        Assert.Equal(Texts.Format(Texts.FromHint(hint), "Info.Collective", 30), replies[0].Text);
        Assert.Contains(line, replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tells_the_configured_minimum_group_size()
    {
        using var bot = new EngineHarness(collective: new CollectiveOptions { MinimumApplicants = 45 });

        var replies = await bot.PressAsync("v1:info:topic:collective");

        Assert.Contains("Minimal 45 orang per hari", replies[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", HoursInIndonesian)]
    [InlineData("en", HoursInEnglish)]
    public async Task Gives_the_address_and_hours_and_then_the_pin(string hint, string hours)
    {
        var replies = await _bot.PressAsync("v1:info:topic:office", languageHint: hint);

        Assert.Equal(2, replies.Count);
        Assert.Equal(Texts.Format(Texts.FromHint(hint), "Info.Office", Some.OfficeName, Some.OfficeAddress, hours), replies[0].Text);
        Assert.Contains(hours, replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(Some.OfficeAddress, replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(["v1:info:topics", "v1:info:back"], replies[0].Payloads());
        var pin = replies[1];
        Assert.Null(pin.Text);
        Assert.Empty(pin.Buttons);
        Assert.Equal(new Venue(new GeoPoint(Some.OfficeLatitude, Some.OfficeLongitude), Some.OfficeName, Some.OfficeAddress), pin.Venue);
    }

    [Fact]
    public async Task Keeps_the_buttons_above_the_pin_usable_by_number()
    {
        await _bot.PressAsync("v1:info:topic:office");

        var replies = await _bot.SendAsync("1");

        Assert.Equal(Texts.Get(Language.Indonesian, "Info.Prompt"), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Escapes_office_facts_in_the_text_but_not_in_the_pin()
    {
        var office = Some.Office();
        office.Name = "Kanim <Serang> & Co";
        office.Address = "Jl. A & B";
        using var bot = new EngineHarness(office);

        var replies = await bot.PressAsync("v1:info:topic:office");

        Assert.StartsWith("<b>Kanim &lt;Serang&gt; &amp; Co</b>\nJl. A &amp; B\n", replies[0].Text, StringComparison.Ordinal);
        Assert.Null(TelegramHtmlCheck.Problem(replies[0].Text!));
        Assert.Equal("Kanim <Serang> & Co", replies[1].Venue!.Title);
        Assert.Equal("Jl. A & B", replies[1].Venue!.Address);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Lists_the_working_area(string hint)
    {
        var replies = await _bot.PressAsync("v1:info:topic:area", languageHint: hint);

        Assert.Equal(Texts.Format(Texts.FromHint(hint), "Info.Area", Area), replies[0].Text);
        Assert.Contains(Area, replies[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", HoursInIndonesian)]
    [InlineData("en", HoursInEnglish)]
    public async Task Gives_the_phone_email_website_and_hours(string hint, string hours)
    {
        var replies = await _bot.PressAsync("v1:info:topic:contact", languageHint: hint);

        Assert.Equal(Texts.Format(Texts.FromHint(hint), "Info.Contact", Some.OfficePhone, Some.OfficeEmail, Some.OfficeWebsite, hours), replies[0].Text);
        Assert.Contains("(0254) 209489", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("kanim_serang@imigrasi.go.id", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("https://serang.imigrasi.go.id", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_the_topics_again()
    {
        await _bot.PressAsync("v1:info:topic:fees");

        var replies = await _bot.PressAsync("v1:info:topics");

        Assert.Equal(TopicPayloads, Assert.Single(replies).Payloads());
    }

    [Fact]
    public async Task Goes_back_to_the_menu()
    {
        await _bot.SendAsync("/info");

        var replies = await _bot.PressAsync("v1:info:back");

        Assert.Equal(Texts.Format(Language.Indonesian, "Menu.Prompt", Some.OfficeName), Assert.Single(replies).Text);
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);
    }

    [Theory]
    [InlineData("v1:info:topic:secrets")]
    [InlineData("v1:info:topic")]
    [InlineData("v1:info:topic:fees:extra")]
    [InlineData("v1:info:delete")]
    public async Task Answers_a_topic_it_does_not_have_as_stale_and_lists_the_topics(string payload)
    {
        await _bot.SendAsync("/info");

        var replies = await _bot.PressAsync(payload);

        Assert.Equal([Texts.Get(Language.Indonesian, "Input.StaleButton"), Texts.Get(Language.Indonesian, "Info.Prompt")], replies.Said());
        Assert.Equal(TopicPayloads, replies[1].Payloads());
    }
}
