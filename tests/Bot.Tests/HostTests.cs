using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
        Assert.Equal(6, menu.Buttons.Count);
        Assert.Equal(Texts.Get(Language.Indonesian, "Menu.Information"), menu.Buttons[4].Text);
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
    public async Task Polls_for_exactly_the_update_kinds_it_handles()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);

        var poll = await api.WaitForCallAsync(c => c.Method == "getUpdates", Patience);

        using var parameters = JsonDocument.Parse(poll.Parameters);
        Assert.Equal(
            ["message", "edited_message", "callback_query", "my_chat_member"],
            parameters.RootElement.GetProperty("allowed_updates").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(1, parameters.RootElement.GetProperty("timeout").GetInt32());
    }

    [Fact]
    public async Task Turns_on_write_ahead_logging_even_for_a_database_file_made_elsewhere()
    {
        // EF Core turns WAL on only for files it creates; a file restored or made by another tool starts without it.
        var folder = BotHost.NewFolder();
        await using (var made = new SqliteConnection($"Data Source={Path.Combine(folder, "timpora.db")};Pooling=False"))
        {
            await made.OpenAsync();
            await using var command = made.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE; CREATE TABLE made_elsewhere (x INTEGER);";
            await command.ExecuteNonQueryAsync();
        }

        await using var host = await BotHost.StartAsync(api: null, folder: folder);
        var mode = await host.InScopeAsync(db => db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task Answers_an_English_speaker_in_English()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);

        api.SendText(5002, "/start", new FakeUser(5002, "Jane", LanguageCode: "en"));
        var menu = await api.WaitForMessageAsync(m => m.ChatId == 5002, Patience);

        Assert.Equal(Texts.Get(Language.English, "Menu.Information"), menu.Buttons[4].Text);
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
