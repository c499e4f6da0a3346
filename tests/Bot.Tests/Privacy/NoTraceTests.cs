using System.Text;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Conversations;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Privacy;

public sealed class NoTraceTests
{
    private const long ChatId = 777000123456;
    private const string Username = "siti_rahma_77";
    private const string FirstName = "Sitirahmawati";
    private const string Phone = "081299887766";

    [Fact]
    public async Task A_person_who_only_asked_questions_leaves_no_identifier_in_the_database_files_or_the_logs()
    {
        await using var api = await FakeBotApi.StartAsync();
        var user = new FakeUser(ChatId, FirstName, Username, "id") { LastName = "Binti Ahmad" };
        var folder = BotHost.NewFolder();
        string logs;
        await using (var host = await BotHost.StartAsync(api, folder: folder))
        {
            api.SendText(ChatId, "/start", user);
            var menu = await api.WaitForMessageAsync(m => m.ChatId == ChatId, TimeSpan.FromSeconds(15));
            api.PressButton(menu, Texts.Get(Language.Indonesian, "Menu.Information"), user);
            await api.WaitForSentCountAsync(2, TimeSpan.FromSeconds(15));
            api.SendContact(ChatId, Phone, ChatId, user);
            api.SendText(ChatId, $"nama saya {FirstName}, hp {Phone}", user);
            api.SendSticker(ChatId, user);
            await api.WaitForSentCountAsync(5, TimeSpan.FromSeconds(15));
            await WaitForEmptyOutboxAsync(host);
            logs = host.Logs.All;
        }

        var identifiers = new[] { ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture), Username, FirstName, "Binti Ahmad", Phone, "6281299887766", api.Token };
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var identifier in identifiers)
            {
                Assert.False(Contains(bytes, identifier), $"{Path.GetFileName(file)} holds '{identifier}'");
            }
        }

        foreach (var identifier in identifiers)
        {
            Assert.DoesNotContain(identifier, logs, StringComparison.Ordinal);
        }
    }

    private static async Task WaitForEmptyOutboxAsync(BotHost host)
    {
        for (var i = 0; i < 200 && await host.InScopeAsync(db => Task.FromResult(db.Outbox.Any(m => m.ChatKey != null) || db.Inbox.Any(e => !e.Done))); i++)
        {
            await Task.Delay(50);
        }
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0
        || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0;
}
