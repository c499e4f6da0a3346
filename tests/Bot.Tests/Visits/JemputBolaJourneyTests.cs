using Microsoft.EntityFrameworkCore;
using Quartz;
using System.Text.RegularExpressions;
using Timpora.Bot.Tests.Support;
using Timpora.Bot.Visits;
using Timpora.Core.Conversations;
using Timpora.Core.Visits;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Visits;

/// <summary>
/// The whole loop through the fake Bot API: the office invites an officer from the command line, a relative books a
/// visit by buttons and a shared location, the morning schedule reaches the officer, who records the outcome, and the
/// relative is told. The clock runs at real speed from Monday 23 November 2026, 10:00 WIB and jumps ahead.
/// </summary>
public sealed partial class JemputBolaJourneyTests
{
    private const long Citizen = 81001;
    private const long OfficerChat = 82001;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_booking_by_buttons_reaches_the_officer_enrolled_by_the_CLI_whose_outcome_reaches_the_citizen()
    {
        await using var api = await FakeBotApi.StartAsync();
        var folder = BotHost.NewFolder();
        var clock = new ShiftedTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, Wib));
        var code = await Cli.InviteOfficerAsync(folder, api, "Rudi Hartono");
        await using var host = await BotHost.StartAsync(api, folder: folder, configure: b => b.Services.AddSingleton<TimeProvider>(clock));

        // The officer opens the invite link.
        api.SendText(OfficerChat, $"/start {code}");
        var welcome = await api.WaitForMessageAsync(m => m.ChatId == OfficerChat, Patience);
        Assert.Contains("Rudi Hartono", welcome.PlainText, StringComparison.Ordinal);

        // A relative books by pressing buttons and sharing the hospital's location.
        api.SendText(Citizen, "/start");
        await PressAsync(api, "v1:menu:jb");
        await PressAsync(api, "v1:jb:a:why:InHospital");
        await PressAsync(api, "v1:jb:a:svc:NewPassport");
        await PressAsync(api, "v1:jb:a:n:2");
        await WaitForAsync(api, Citizen, m => m.CallbackData.Contains("v1:jb:back:where"));
        api.SendLocation(Citizen, -6.1189, 106.1543);
        await WaitForAsync(api, Citizen, m => m.PlainText == Plain("Visit.Ask.PlaceDetails"));
        api.SendText(Citizen, "RSUD dr. Dradjat Prawiranegara, ruang Melati, kamar 3");
        var slots = await WaitForAsync(api, Citizen, m => m.CallbackData.Any(d => d.StartsWith("v1:jb:a:slot:", StringComparison.Ordinal)));
        Assert.Equal("v1:jb:a:slot:20261124-1300", slots.CallbackData[0]);
        api.PressButton(slots, slots.Buttons[0].Text);
        await WaitForAsync(api, Citizen, m => m.PlainText == Plain("Visit.Ask.Name"));
        api.SendText(Citizen, "Siti Aminah");
        await WaitForAsync(api, Citizen, m => m.PlainText == Plain("Visit.Ask.Nik"));
        api.SendText(Citizen, "3604014501900003");
        await WaitForAsync(api, Citizen, m => m.CallbackData.Contains("v1:jb:back:phone"));
        api.SendContact(Citizen, "6281234567890", Citizen);
        await PressAsync(api, "v1:jb:skip:letter");
        await PressAsync(api, "v1:jb:ok");
        var booked = await WaitForAsync(api, Citizen, m => m.PlainText?.Contains("JB-", StringComparison.Ordinal) == true);
        var visitCode = BookingCode().Match(booked.PlainText!).Value;
        Assert.Contains("Selasa, 24 November 2026, 13.00–15.00 WIB", booked.PlainText, StringComparison.Ordinal);

        // Tuesday, 06:00 WIB: the morning schedule.
        clock.JumpTo(new DateTimeOffset(2026, 11, 24, 6, 0, 30, Wib));
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(MorningScheduleJob.Key);
        var stop = await WaitForAsync(api, OfficerChat, m => m.CallbackData.Any(d => d.StartsWith("v1:duty:done:", StringComparison.Ordinal)));
        Assert.Contains(visitCode, stop.PlainText, StringComparison.Ordinal);
        Assert.Contains("+62 812", stop.PlainText, StringComparison.Ordinal);
        Assert.Contains("RSUD dr. Dradjat Prawiranegara", stop.PlainText, StringComparison.Ordinal);
        var pin = await WaitForAsync(api, OfficerChat, m => m.Method == "sendLocation");
        Assert.Equal((-6.1189, 106.1543), (pin.Latitude, pin.Longitude));

        // About two hours before the window, the relative is reminded.
        clock.JumpTo(new DateTimeOffset(2026, 11, 24, 11, 5, 0, Wib));
        await scheduler.TriggerJob(ReminderJob.Key);
        var reminder = await WaitForAsync(api, Citizen, m => m.PlainText?.Contains(visitCode, StringComparison.Ordinal) == true && m.MessageId > booked.MessageId);
        Assert.Contains("13.00", reminder.PlainText, StringComparison.Ordinal);

        // After the visit the officer records it as done, and the relative is told.
        clock.JumpTo(new DateTimeOffset(2026, 11, 24, 14, 40, 0, Wib));
        var done = stop.Buttons.First(b => b.CallbackData?.StartsWith("v1:duty:done:", StringComparison.Ordinal) == true);
        api.PressButton(stop, done.Text);
        var told = await WaitForAsync(api, Citizen, m => m.MessageId > reminder.MessageId);
        Assert.Contains(visitCode, told.PlainText, StringComparison.Ordinal);
        var recorded = await WaitForAsync(api, OfficerChat, m => m.MessageId > stop.MessageId && m.Method == "sendMessage" && m.PlainText?.Contains(visitCode, StringComparison.Ordinal) == true);
        Assert.NotNull(recorded);
        var status = await host.InScopeAsync(db => db.Visits.Select(v => v.Status).SingleAsync());
        Assert.Equal(VisitStatus.Done, status);

        // Nothing of the people involved went into the log: not the NIK, the phone, the chats, the names or the token.
        Assert.Contains("recorded Done for visit", host.Logs.All, StringComparison.Ordinal);
        foreach (var secret in new[] { "3604014501900003", "81234567890", "81001", "82001", "Siti Aminah", "Rudi Hartono", api.Token })
        {
            Assert.DoesNotContain(secret, host.Logs.All, StringComparison.Ordinal);
        }
    }

    /// <summary>Waits for the button with this payload in the citizen's chat, then presses it as a person would.</summary>
    private static async Task PressAsync(FakeBotApi api, string payload)
    {
        var message = await WaitForAsync(api, Citizen, m => m.CallbackData.Contains(payload));
        api.PressButton(message, message.Buttons.First(b => b.CallbackData == payload).Text);
        await api.WaitForCallAsync(c => c.Method == "answerCallbackQuery", Patience);
    }

    private static Task<SentMessage> WaitForAsync(FakeBotApi api, long chat, Func<SentMessage, bool> match) =>
        api.WaitForMessageAsync(m => m.ChatId == chat && match(m), Patience);

    private static string Plain(string key) => Regex.Replace(Texts.Get(Language.Indonesian, key), "<[^>]+>", "");

    [GeneratedRegex("JB-[2-9A-Z]{6}")]
    private static partial Regex BookingCode();
}
