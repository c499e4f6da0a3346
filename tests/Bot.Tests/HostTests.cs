using Microsoft.Extensions.Options;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Conversations;
using Timpora.Testing;

namespace Timpora.Bot.Tests;

public sealed class HostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Starts_without_a_token_serves_healthz_and_says_Telegram_is_off()
    {
        await using var host = await BotHost.StartAsync(api: null);
        using var http = new HttpClient { BaseAddress = host.Url };

        var health = await http.GetStringAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal("Healthy", health);
        Assert.Contains("Telegram is off", host.Logs.All, StringComparison.Ordinal);
        Assert.Contains("Telegram__BotToken", host.Logs.All, StringComparison.Ordinal);
        Assert.True(File.Exists(host.DatabaseFile));
    }

    [Fact]
    public async Task Answers_start_with_the_menu_through_the_fake_Bot_API()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);

        api.SendText(5001, "/start");
        var menu = await api.WaitForMessageAsync(m => m.ChatId == 5001, Patience);

        Assert.Contains("Kantor Imigrasi Kelas I Non TPI Serang", menu.PlainText, StringComparison.Ordinal);
        Assert.Equal("HTML", menu.ParseMode);
        Assert.Equal(5, menu.Buttons.Count);
        Assert.Equal(Texts.Get(Language.Indonesian, "Menu.Information"), menu.Buttons[3].Text);
    }

    [Fact]
    public async Task Registers_the_command_list_in_both_languages_and_removes_any_webhook_before_polling()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);

        await api.WaitForCallAsync(c => c.Method == "getUpdates", Patience);

        Assert.Contains(api.CommandsFor("id"), c => c.Command == "bantuan");
        Assert.Contains(api.CommandsFor("en"), c => c.Command == "help");
        Assert.Contains(api.CommandsFor(""), c => c.Command == "batal");
        Assert.NotEmpty(api.CallsOf("deleteWebhook"));
    }

    [Fact]
    public async Task Answers_an_English_speaker_in_English()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);

        api.SendText(5002, "/start", new FakeUser(5002, "Jane", LanguageCode: "en"));
        var menu = await api.WaitForMessageAsync(m => m.ChatId == 5002, Patience);

        Assert.Equal(Texts.Get(Language.English, "Menu.Information"), menu.Buttons[3].Text);
    }

    [Theory]
    [InlineData("Office:Latitude", "200", "Office:Latitude")]
    [InlineData("Office:Name", "", "Office:Name")]
    [InlineData("Collective:MinimumApplicants", "0", "Collective:MinimumApplicants")]
    [InlineData("Telegram:ApiBaseUrl", "not a url", "Telegram:ApiBaseUrl")]
    [InlineData("Office:TimeZone", "Asia/Serang", "Office:TimeZone")]
    [InlineData("Office:Hours:0:Closes", "06:00", "Office:Hours")]
    public async Task Stops_at_start_with_a_message_naming_the_invalid_key(string key, string value, string named)
    {
        await using var api = await FakeBotApi.StartAsync();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(api, s => s[key] = value));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_a_malformed_token_without_repeating_it()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(api: null, s => s["Telegram:BotToken"] = "my-secret-token-value"));

        Assert.Contains("Telegram:BotToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("my-secret-token-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_pseudonym_key_that_is_too_short()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(api: null, s => s["Privacy:PseudonymKey"] = "c2hvcnQ="));

        Assert.Contains("Privacy:PseudonymKey", error.Message, StringComparison.Ordinal);
    }
}
