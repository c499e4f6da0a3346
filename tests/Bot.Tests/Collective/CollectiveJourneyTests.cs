using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Timpora.Bot.Collective;
using Timpora.Bot.Tests.Support;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Collective;

/// <summary>
/// A collective session from request to reminders through the fake Bot API: a coordinator asks for a session, a
/// supervisor invited by the CLI approves it with an officer, two pilgrims join by the deep link the coordinator
/// shared, and each of them is reminded three days and one day before. The clock runs at real speed from Monday
/// 23 November 2026, 10:00 WIB and jumps ahead.
/// </summary>
public sealed partial class CollectiveJourneyTests
{
    private const long Coordinator = 91001;
    private const long Supervisor = 92001;
    private const long OfficerChat = 92002;
    private const long Ahmad = 93001;
    private const long Siti = 93002;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_request_approved_by_a_supervisor_gathers_two_pilgrims_by_the_link_who_are_both_reminded()
    {
        await using var api = await FakeBotApi.StartAsync();
        var folder = BotHost.NewFolder();
        var clock = new ShiftedTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, Wib));
        var supervisorCode = await Cli.InviteOfficerAsync(folder, api, "Dewi Lestari", "supervisor");
        var officerCode = await Cli.InviteOfficerAsync(folder, api, "Rudi Hartono");
        await using var host = await BotHost.StartAsync(api, folder: folder, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var chats = new Journey(api);
        api.SendText(Supervisor, $"/start {supervisorCode}");
        await chats.NextAsync(Supervisor, m => m.PlainText?.Contains("Dewi Lestari", StringComparison.Ordinal) == true);
        api.SendText(OfficerChat, $"/start {officerCode}");
        await chats.NextAsync(OfficerChat, m => m.PlainText?.Contains("Rudi Hartono", StringComparison.Ordinal) == true);

        // The coordinator asks for a session, by buttons and typed answers.
        api.SendText(Coordinator, "/kolektif");
        await chats.PressAsync(Coordinator, "v1:col:a:org:TravelAgent");
        await chats.TypeAsync(Coordinator, "v1:col:back:orgname", "PT Amanah Wisata Haramain");
        await chats.TypeAsync(Coordinator, "v1:col:back:name", "Hj. Siti Rahmah");
        await chats.TypeAsync(Coordinator, "v1:col:back:phone", "0812-3456-7890");
        await chats.PressAsync(Coordinator, "v1:col:a:why:Umrah");
        await chats.TypeAsync(Coordinator, "v1:col:back:n", "45");
        await chats.TypeAsync(Coordinator, "v1:col:back:where", "Kp. Pasir Gadung RT 02/03, Kec. Cikande, Kab. Serang");
        await chats.TypeAsync(Coordinator, "v1:col:back:venue", "Aula lantai 2, Kantor PT Amanah Wisata");
        await chats.PressAsync(Coordinator, "v1:col:a:power:yes");
        await chats.PressAsync(Coordinator, "v1:col:a:d1:20261201");
        await chats.PressAsync(Coordinator, "v1:col:a:d1:20261201M");
        await chats.PressAsync(Coordinator, "v1:col:a:d2:20261203");
        await chats.PressAsync(Coordinator, "v1:col:a:d2:20261203A");
        await chats.PressAsync(Coordinator, "v1:col:skip:d3");
        await chats.PressAsync(Coordinator, "v1:col:ok");
        var requested = await chats.NextAsync(Coordinator, m => m.PlainText?.Contains("RB-", StringComparison.Ordinal) == true);
        var code = SessionCodeIn().Match(requested.PlainText!).Value;
        Assert.Contains($"https://t.me/{api.BotUsername}?start={code}", requested.Text, StringComparison.Ordinal);

        // The supervisor gets the request and approves it on the first preferred date, at 08:00, with Rudi.
        var card = await chats.NextAsync(Supervisor, m => m.CallbackData.Contains($"v1:ses:app:{code}"));
        Assert.Contains("PT Amanah Wisata Haramain", card.PlainText, StringComparison.Ordinal);
        await chats.PressOnAsync(Supervisor, card, $"v1:ses:app:{code}");
        await chats.PressAsync(Supervisor, "v1:ses:a:date:20261201M");
        await chats.PressAsync(Supervisor, "v1:ses:a:time:0800");
        var team = await chats.NextAsync(Supervisor, m => m.Buttons.Any(b => b.Text.Contains("Rudi Hartono", StringComparison.Ordinal)));
        await chats.PressOnAsync(Supervisor, team, team.Buttons.First(b => b.Text.Contains("Rudi Hartono", StringComparison.Ordinal)).CallbackData!);
        await chats.PressAsync(Supervisor, "v1:ses:a:team:done");
        await chats.PressAsync(Supervisor, "v1:ses:ok");

        // The coordinator and the officer are told at once.
        var approved = await chats.NextAsync(Coordinator, m => m.PlainText?.Contains("1 Desember 2026", StringComparison.Ordinal) == true);
        Assert.Contains("08.00", approved.PlainText, StringComparison.Ordinal);
        var going = await chats.NextAsync(OfficerChat, m => m.PlainText?.Contains("1 Desember 2026", StringComparison.Ordinal) == true);
        Assert.Contains("Aula lantai 2", going.PlainText, StringComparison.Ordinal);

        // Two pilgrims open the link the coordinator shared and register.
        await JoinAsync(chats, api, Ahmad, code, "Ahmad Fauzi bin Abdullah", "3604011708750001", "17/08/1975");
        await JoinAsync(chats, api, Siti, code, "Siti Aminah binti Rahmat", "3604015203850002", "12/03/1985");
        var roster = await host.InScopeAsync(db => db.Applicants.Where(a => a.ChatKey != null).CountAsync());
        Assert.Equal(2, roster);

        // Three days before (Saturday 28 November, 09:00) and the day before (Monday 30 November, 09:00), both are reminded.
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        clock.JumpTo(new DateTimeOffset(2026, 11, 28, 9, 0, 30, Wib));
        await scheduler.TriggerJob(SessionReminderJob.Key);
        var threeDays = new[] { await chats.NextAsync(Ahmad, IsReminder), await chats.NextAsync(Siti, IsReminder) };
        clock.JumpTo(new DateTimeOffset(2026, 11, 30, 9, 0, 30, Wib));
        await scheduler.TriggerJob(SessionReminderJob.Key);
        var dayBefore = new[] { await chats.NextAsync(Ahmad, IsReminder), await chats.NextAsync(Siti, IsReminder) };

        Assert.All(threeDays.Concat(dayBefore), r => Assert.Contains("e-KTP", r.PlainText, StringComparison.Ordinal));
        Assert.All(dayBefore, r => Assert.DoesNotContain(r, threeDays));
        var keys = await host.InScopeAsync(db => db.Outbox.Where(o => o.IdempotencyKey != null && o.IdempotencyKey.Contains(":a")).Select(o => o.IdempotencyKey!).ToListAsync());
        Assert.Equal(2, keys.Count(k => k.Contains("ThreeDaysBefore", StringComparison.Ordinal)));
        Assert.Equal(2, keys.Count(k => k.Contains("DayBefore", StringComparison.Ordinal) && !k.Contains("Three", StringComparison.Ordinal)));

        // Nothing of the people involved went into the log.
        foreach (var secret in new[] { "3604011708750001", "3604015203850002", "81234567890", "Ahmad Fauzi", "Siti Aminah", "Siti Rahmah", "93001", "93002", "91001", api.Token })
        {
            Assert.DoesNotContain(secret, host.Logs.All, StringComparison.Ordinal);
        }
    }

    private static bool IsReminder(SentMessage message) =>
        message.PlainText?.Contains("1 Desember 2026", StringComparison.Ordinal) == true
        && message.PlainText.Contains("e-KTP", StringComparison.Ordinal);

    private static async Task JoinAsync(Journey chats, FakeBotApi api, long chat, string code, string name, string nik, string birthDate)
    {
        api.SendText(chat, $"/start {code}");
        await chats.TypeAsync(chat, "v1:join:back:name", name);
        await chats.TypeAsync(chat, "v1:join:back:nik", nik);
        await chats.TypeAsync(chat, "v1:join:back:born", birthDate);
        await chats.PressAsync(chat, "v1:join:a:pass:New");
        await chats.TypeAsync(chat, "v1:join:back:phone", "0812-3456-7890");
        await chats.PressAsync(chat, "v1:join:ok");
        await chats.NextAsync(chat, m => m.PlainText?.Contains("e-KTP", StringComparison.Ordinal) == true);
    }

    [GeneratedRegex("RB-[2-9A-Z]{6}")]
    private static partial Regex SessionCodeIn();

    /// <summary>Each chat's conversation as a person follows it: only messages newer than the last one they acted on.</summary>
    private sealed class Journey(FakeBotApi api)
    {
        private readonly Dictionary<long, int> _seen = [];

        public async Task<SentMessage> NextAsync(long chat, Func<SentMessage, bool> match)
        {
            var after = _seen.GetValueOrDefault(chat);
            var message = await api.WaitForMessageAsync(m => m.ChatId == chat && m.MessageId > after && match(m), Patience);
            _seen[chat] = message.MessageId;
            return message;
        }

        /// <summary>Waits for the button with this payload, then presses it as a person would.</summary>
        public async Task PressAsync(long chat, string payload) =>
            await PressOnAsync(chat, await NextAsync(chat, m => m.CallbackData.Contains(payload)), payload);

        public async Task PressOnAsync(long chat, SentMessage message, string payload)
        {
            api.PressButton(message, message.Buttons.First(b => b.CallbackData == payload).Text);
            await api.WaitForCallAsync(c => c.Method == "answerCallbackQuery", Patience);
        }

        /// <summary>Waits for the step (known by its back button), then types the answer.</summary>
        public async Task TypeAsync(long chat, string backPayload, string text)
        {
            await NextAsync(chat, m => m.CallbackData.Contains(backPayload));
            api.SendText(chat, text);
        }
    }
}
