using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Conversations;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Reports;

/// <summary>
/// The promise of design §6, checked the way an auditor would: people with known Telegram ids, usernames, names and
/// phone numbers report (one sends a photo with GPS, one also slips their contact card in, one checks back with the
/// code and adds to it, one gives up half-way), then the database files are read as bytes and the log (at Debug) is
/// searched. None of them may be found, and neither may the abandoned draft or any receipt code.
/// </summary>
public sealed partial class ReportAnonymityTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly Person Ani = new(new FakeUser(93_100_200_301, "Anisarahma", "ani_lapor_serang", "id") { LastName = "Kusumadewi" }, "081377665544");
    private static readonly Person Budi = new(new FakeUser(93_100_200_302, "Budiwicaksono", "budi_w_cilegon", "id") { LastName = "Prawirodirjo" }, "085711223344");
    private static readonly Person Cici = new(new FakeUser(93_100_200_303, "Cicilestari", "cici.lestari88", "en") { LastName = "Wulandaritama" }, "081298765432");

    private const string AbandonedDraft = "Draf yang dibatalkan: warung kopi Pak Harjo di gang Melati nomor tujuh";

    [Fact]
    public async Task After_reports_neither_the_database_files_nor_the_log_hold_who_sent_them()
    {
        await using var api = await FakeBotApi.StartAsync();
        var folder = BotHost.NewFolder();
        string logs;
        var codes = new List<string>();
        var numbers = new List<string>();
        await using (var host = await BotHost.StartAsync(api, folder: folder, tweak: Debug))
        {
            // Ani: a full report with a location and a photo carrying GPS and camera EXIF.
            codes.Add(await ReportAsync(api, Ani, photo: true, slipContact: false));

            // Budi: starts, slips his contact card in where the text belongs, then reports without a photo.
            codes.Add(await ReportAsync(api, Budi, photo: false, slipContact: true));

            // Cici: writes a draft, then cancels it.
            api.SendText(Cici.User.Id, "/report", Cici.User);
            await PressAsync(api, Cici, "v1:report:a:cat:Other");
            await WaitForAsync(api, Cici, m => m.CallbackData.Contains("v1:report:back:text"));
            api.SendText(Cici.User.Id, AbandonedDraft, Cici.User);
            await WaitForAsync(api, Cici, m => m.CallbackData.Contains("v1:report:back:where"));
            api.SendText(Cici.User.Id, "/cancel", Cici.User);
            await WaitForAsync(api, Cici, m => m.PlainText?.StartsWith(Plain("Form.Cancelled", Language.English)[..10], StringComparison.Ordinal) == true
                || m.PlainText?.StartsWith(Plain("Cancel.Done", Language.English)[..10], StringComparison.Ordinal) == true);

            // Ani checks back with her code and adds something.
            api.SendText(Ani.User.Id, $"/status {codes[0]}", Ani.User);
            await PressAsync(api, Ani, "v1:status:ans");
            api.SendText(Ani.User.Id, "Mereka biasanya pulang sekitar jam sembilan malam.", Ani.User);
            await WaitForAsync(api, Ani, m => m.PlainText == Plain("Status.Added", Language.Indonesian));

            await WaitUntilSettledAsync(host);
            numbers.AddRange(await host.InScopeAsync(db => db.Reports.Select(r => r.Number).ToListAsync()));
            Assert.Equal(2, numbers.Count);

            // The drafts are gone from the conversations: sent or cancelled, nothing of them stays there.
            var states = await host.InScopeAsync(db => db.Conversations.Select(c => (c.FlowState ?? "") + (c.Choices ?? "")).ToListAsync());
            Assert.DoesNotContain(states, s => s.Contains("Kontrakan", StringComparison.Ordinal) || s.Contains("warung kopi", StringComparison.Ordinal));
            logs = host.Logs.All;
        }

        var identifiers = new List<string> { api.Token, AbandonedDraft, "warung kopi Pak Harjo" };
        foreach (var person in new[] { Ani, Budi, Cici })
        {
            identifiers.Add(person.User.Id.ToString(CultureInfo.InvariantCulture));
            identifiers.Add(person.User.Username!);
            identifiers.Add(person.User.FirstName);
            identifiers.Add(person.User.LastName!);
            identifiers.Add(person.Phone);
            identifiers.Add("62" + person.Phone[1..]);
        }

        foreach (var code in codes)
        {
            identifiers.Add(code);
            identifiers.Add(code.Replace("-", "", StringComparison.Ordinal));
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("timpora.db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var identifier in identifiers)
            {
                Assert.False(Contains(bytes, identifier), $"{Path.GetFileName(file)} holds '{identifier}'");
            }
        }

        // The report texts are there (the check above is not blind), but nothing ties them to a sender.
        var database = await File.ReadAllBytesAsync(Path.Combine(folder, "timpora.db"));
        Assert.True(Contains(database, "orang asing"), "the reports themselves should be stored");

        foreach (var identifier in identifiers.Concat(numbers))
        {
            Assert.DoesNotContain(identifier, logs, StringComparison.Ordinal);
        }

        Assert.Contains("Debug", logs, StringComparison.Ordinal);
    }

    /// <summary>A whole report by buttons and typing; returns the receipt code the reporter was shown.</summary>
    private static async Task<string> ReportAsync(FakeBotApi api, Person person, bool photo, bool slipContact)
    {
        var chat = person.User.Id;
        api.SendText(chat, "/lapor", person.User);
        await PressAsync(api, person, "v1:report:a:cat:Overstay");
        await WaitForAsync(api, person, m => m.CallbackData.Contains("v1:report:back:text"));
        if (slipContact)
        {
            api.SendContact(chat, "62" + person.Phone[1..], chat, person.User);
            await WaitForAsync(api, person, m => m.PlainText == Plain("Form.ExpectText", Language.Indonesian));
        }

        api.SendText(chat, "Dua orang asing tinggal di rumah Kontrakan belakang masjid, visa mereka sudah lama habis.", person.User);
        await WaitForAsync(api, person, m => m.CallbackData.Contains("v1:report:back:where"));
        api.SendLocation(chat, -6.1206, 106.1502, person.User);
        await PressAsync(api, person, "v1:report:a:when:ThisWeek");
        await PressAsync(api, person, "v1:report:skip:people");
        await WaitForAsync(api, person, m => m.CallbackData.Contains("v1:report:back:nat"));
        api.SendText(chat, "Filipina", person.User);
        if (photo)
        {
            await WaitForAsync(api, person, m => m.CallbackData.Contains("v1:report:back:photos"));
            api.SendPhotoFile(chat, $"photo-{chat}", TestImages.JpegWithMetadata(), from: person.User);
            await PressAsync(api, person, "v1:report:a:photos:done");
        }
        else
        {
            await PressAsync(api, person, "v1:report:skip:photos");
        }

        await PressAsync(api, person, "v1:report:ok");
        var sent = await WaitForAsync(api, person, m => m.PlainText is { } text && ReceiptCode().IsMatch(text));
        return ReceiptCode().Match(sent.PlainText!).Value;
    }

    private static async Task PressAsync(FakeBotApi api, Person person, string payload)
    {
        var message = await WaitForAsync(api, person, m => m.CallbackData.Contains(payload));
        api.PressButton(message, message.Buttons.First(b => b.CallbackData == payload).Text, person.User);
        await api.WaitForCallAsync(c => c.Method == "answerCallbackQuery", Patience);
    }

    private static Task<SentMessage> WaitForAsync(FakeBotApi api, Person person, Func<SentMessage, bool> match) =>
        api.WaitForMessageAsync(m => m.ChatId == person.User.Id && match(m), Patience);

    private static async Task WaitUntilSettledAsync(BotHost host)
    {
        for (var i = 0; i < 400 && await host.InScopeAsync(db => Task.FromResult(db.Outbox.Any(m => m.ChatKey != null) || db.Inbox.Any(e => !e.Done))); i++)
        {
            await Task.Delay(50);
        }
    }

    private static void Debug(IDictionary<string, string?> settings)
    {
        settings["Serilog:MinimumLevel:Default"] = "Debug";
        settings["Logging:LogLevel:Default"] = "Debug";
        settings["Reports:DutyChat"] = "-1001555000111";
    }

    private static string Plain(string key, Language language) => Regex.Replace(Texts.Get(language, key), "<[^>]+>", "");

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0
        || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0;

    [GeneratedRegex("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex ReceiptCode();

    private sealed record Person(FakeUser User, string Phone);
}
