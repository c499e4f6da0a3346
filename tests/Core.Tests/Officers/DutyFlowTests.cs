using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;

namespace Timpora.Core.Tests.Officers;

public sealed class DutyFlowTests : IDisposable
{
    private const string BudiChat = "9001";
    private const string SariChat = "9002";
    private const string DewiChat = "9003";
    private const string CitizenChat = "2001";
    private const string EnglishCitizenChat = "2002";
    private const string Nik = "3604014101900003";
    private const string ApplicantName = "Siti Aminah";
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>Tuesday 6 January 2026, a working day; Monday 5 is the harness's first day.</summary>
    private static readonly DateOnly Monday = new(2026, 1, 5);
    private static readonly DateOnly Tuesday = new(2026, 1, 6);
    private static readonly DateOnly Wednesday = new(2026, 1, 7);

    private static readonly Slot TuesdayMorning = new(Tuesday, new(9, 0), new(11, 0));
    private static readonly Slot TuesdayAfternoon = new(Tuesday, new(13, 0), new(15, 0));
    private static readonly Slot WednesdayMorning = new(Wednesday, new(9, 0), new(11, 0));

    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    // Enrolment

    [Fact]
    public async Task Enrols_an_officer_with_an_invite_link_and_says_what_they_get()
    {
        var code = await InviteAsync("Budi <Santoso>", OfficerRole.Officer);

        var replies = await _bot.SendAsync($"/start {code}", BudiChat);

        var welcome = Texts.Format(Language.Indonesian, "Officer.Welcome", "Budi &lt;Santoso&gt;", "petugas", "06.00");
        Assert.Equal([welcome], replies.Said());
        Assert.Contains("/jadwal", welcome, StringComparison.Ordinal);
        var officer = await FindAsync(BudiChat);
        Assert.NotNull(officer);
        Assert.Equal(OfficerRole.Officer, officer.Role);
    }

    [Fact]
    public async Task Welcomes_a_supervisor_with_what_a_supervisor_can_do()
    {
        var code = await InviteAsync("Dewi", OfficerRole.Supervisor);

        var replies = await _bot.SendAsync($"/start {code}", DewiChat, languageHint: "en");

        Assert.Equal([Texts.Format(Language.English, "Officer.Welcome.Supervisor", "Dewi", "supervisor", "06.00")], replies.Said());
        Assert.True((await FindAsync(DewiChat))!.IsSupervisor);
    }

    [Fact]
    public async Task Refuses_an_unknown_a_used_and_an_expired_code_in_the_same_words()
    {
        var used = await InviteAsync("Budi", OfficerRole.Officer);
        await _bot.SendAsync($"/start {used}", BudiChat);
        var expired = await InviteAsync("Sari", OfficerRole.Supervisor);
        _bot.Clock.Advance(Core.Officers.Officers.InviteLifetime + TimeSpan.FromMinutes(1));

        var byUnknown = await _bot.SendAsync("/start of_abcdefghijkmnpqrstuv", "7001");
        var byUsed = await _bot.SendAsync($"/start {used}", "7002");
        var byExpired = await _bot.SendAsync($"/start {expired}", "7003");

        string?[] refusal = [Texts.Get(Language.Indonesian, "Officer.InviteRefused")];
        Assert.Equal(refusal, byUnknown.Said());
        Assert.Equal(refusal, byUsed.Said());
        Assert.Equal(refusal, byExpired.Said());
        Assert.Empty(byUnknown.Concat(byUsed).Concat(byExpired).SelectMany(r => r.Buttons));
        Assert.Null(await FindAsync("7001"));
        Assert.Null(await FindAsync("7002"));
        Assert.Null(await FindAsync("7003"));
    }

    [Fact]
    public async Task Tells_an_enrolled_officer_they_already_are_and_leaves_a_second_code_unused()
    {
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var second = await InviteAsync("Budi lagi", OfficerRole.Supervisor);

        var replies = await _bot.SendAsync($"/start {second}", BudiChat);

        Assert.Equal([Texts.Format(Language.Indonesian, "Officer.AlreadyEnrolled", "Budi", "petugas")], replies.Said());
        Assert.False((await FindAsync(BudiChat))!.IsSupervisor);
        var pending = await _bot.InScopeAsync(sp => sp.GetRequiredService<Core.Officers.Officers>().PendingInvitesAsync(_bot.Clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal("Budi lagi", Assert.Single(pending).Name);
    }

    // The schedule

    [Fact]
    public async Task Shows_an_officer_their_own_stops_today_with_outcome_buttons_and_tomorrow_without()
    {
        var tuesday = await BookAsync(TuesdayMorning, CitizenChat);
        var wednesday = await BookAsync(WednesdayMorning, EnglishCitizenChat, Language.English);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        At(Tuesday, 7, 0);

        var replies = await _bot.SendAsync("/jadwal", BudiChat);

        Assert.Equal(4, replies.Count);
        Assert.Equal(Texts.Format(Language.Indonesian, "Duty.Day.Mine", "Selasa, 6 Januari 2026", 1), replies[0].Text);
        Assert.Contains(tuesday.Code, replies[1].Text, StringComparison.Ordinal);
        Assert.Contains(ApplicantName, replies[1].Text, StringComparison.Ordinal);
        Assert.Equal([$"v1:duty:done:{tuesday.Id}", $"v1:duty:na:{tuesday.Id}", $"v1:duty:again:{tuesday.Id}"], replies[1].Payloads());
        Assert.Equal(Texts.Format(Language.Indonesian, "Duty.Day.Mine", "Rabu, 7 Januari 2026", 1), replies[2].Text);
        Assert.Contains(wednesday.Code, replies[3].Text, StringComparison.Ordinal);
        Assert.Empty(replies[3].Buttons);
        Assert.Equal(budi, (await VisitAsync(tuesday.Id)).OfficerId);
        Assert.Equal(budi, (await VisitAsync(wednesday.Id)).OfficerId);
    }

    [Fact]
    public async Task Shows_an_officer_only_the_stops_given_to_them()
    {
        var theirs = await BookAsync(TuesdayMorning, CitizenChat);
        var mine = await BookAsync(TuesdayAfternoon, EnglishCitizenChat);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        await AssignAsync(theirs.Id, budi);
        await AssignAsync(mine.Id, sari);
        At(Tuesday, 7, 0);

        var replies = await _bot.SendAsync("/jadwal", SariChat);

        var text = string.Join('\n', replies.Said());
        Assert.Contains(mine.Code, text, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Code, text, StringComparison.Ordinal);
        Assert.Equal(Texts.Format(Language.Indonesian, "Duty.Day.NoneForYou", "Rabu, 7 Januari 2026"), replies[^1].Text);
    }

    [Fact]
    public async Task Shows_a_supervisor_everyone_with_reassign_buttons_and_a_way_to_close_a_day()
    {
        var first = await BookAsync(TuesdayMorning, CitizenChat);
        var second = await BookAsync(TuesdayAfternoon, EnglishCitizenChat, Language.English);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        await AssignAsync(first.Id, budi);
        await AssignAsync(second.Id, sari);
        At(Tuesday, 7, 0);

        var replies = await _bot.SendAsync("/jadwal", DewiChat);

        Assert.StartsWith(Texts.Format(Language.Indonesian, "Duty.Day.All", "Selasa, 6 Januari 2026", 2), replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("• Budi: 1 kunjungan", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("• Sari: 1 kunjungan", replies[0].Text, StringComparison.Ordinal);
        var cards = replies.Where(r => r.Payloads().Any(p => p.StartsWith("v1:duty:move:", StringComparison.Ordinal))).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains($"v1:duty:move:{first.Id}", cards[0].Payloads());
        Assert.Contains($"v1:duty:done:{first.Id}", cards[0].Payloads());
        Assert.Contains($"v1:duty:move:{second.Id}", cards[1].Payloads());
        Assert.Contains(replies, r => r.Text!.StartsWith(Texts.Format(Language.Indonesian, "Duty.Day.All", "Rabu, 7 Januari 2026", 0), StringComparison.Ordinal));
        Assert.Equal(["v1:duty:close"], replies[^1].Payloads());
    }

    [Fact]
    public async Task Tells_a_citizen_the_schedule_is_for_office_staff_and_nothing_else()
    {
        var visit = await BookAsync(TuesdayMorning, CitizenChat);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        At(Tuesday, 7, 0);

        var schedule = await _bot.SendAsync("/jadwal", CitizenChat);
        var close = await _bot.SendAsync("/tutup", CitizenChat);

        string?[] staffOnly = [Texts.Get(Language.Indonesian, "Duty.StaffOnly")];
        Assert.Equal(staffOnly, schedule.Said());
        Assert.Equal(staffOnly, close.Said());
        Assert.Empty(schedule.Concat(close).SelectMany(r => r.Buttons));
        Assert.Null((await VisitAsync(visit.Id)).OfficerId);
    }

    [Fact]
    public async Task Says_when_a_day_is_not_a_working_day_or_is_closed()
    {
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            db.ClosedDays.Add(new ClosedDay(new DateOnly(2026, 1, 9), 1, _bot.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });
        At(new DateOnly(2026, 1, 9), 7, 0);

        var replies = await _bot.SendAsync("/jadwal", BudiChat);

        Assert.Equal(
            [
                Texts.Format(Language.Indonesian, "Duty.Day.Closed", "Jumat, 9 Januari 2026"),
                Texts.Format(Language.Indonesian, "Duty.Day.NotWorking", "Sabtu, 10 Januari 2026"),
            ],
            replies.Said());
    }

    // Outcomes

    [Theory]
    [InlineData(Language.Indonesian)]
    [InlineData(Language.English)]
    public async Task Records_a_visit_as_done_and_thanks_the_citizen_in_their_language(Language language)
    {
        var (visit, _) = await BudiHasATuesdayVisitAsync(language);
        At(Tuesday, 10, 0);

        var replies = await _bot.PressAsync($"v1:duty:done:{visit.Id}", BudiChat);

        Assert.Equal([Texts.Format(Language.Indonesian, "Duty.Recorded", visit.Code, StopCard.Outcome(VisitStatus.Done, Language.Indonesian))], replies.Said());
        Assert.Equal(VisitStatus.Done, (await VisitAsync(visit.Id)).Status);
        var notice = Assert.Single(_bot.Queued(CitizenChat));
        Assert.Equal(Texts.Format(language, "Notice.Outcome.Thanks", visit.Code, Some.OfficePhone), notice.Text);
        Assert.Contains(language == Language.English ? "3 working days" : "3 hari kerja", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Pos", notice.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("na")]
    [InlineData("again")]
    public async Task Withdraws_a_reminder_still_waiting_once_the_outcome_is_recorded(string action)
    {
        var (visit, _) = await BudiHasATuesdayVisitAsync(Language.Indonesian);
        At(Tuesday, 7, 30);
        var key = VisitNotices.ReminderKey(visit.Id, ReminderStage.HoursBefore, visit.Slot);
        await _bot.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<Core.Delivery.Outbox>().Enqueue(visit.Citizen, OutgoingMessage.Say("pengingat"), key);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });

        await _bot.PressAsync($"v1:duty:{action}:{visit.Id}", BudiChat);

        Assert.DoesNotContain(_bot.OutboxRows(), o => o.IdempotencyKey == key);
        Assert.Single(_bot.Queued(CitizenChat));
    }

    [Theory]
    [InlineData(Language.Indonesian, "Selasa, 6 Januari 2026, 09.00–11.00 WIB")]
    [InlineData(Language.English, "Tuesday, 6 January 2026, 09.00–11.00 WIB")]
    public async Task Records_that_the_applicant_was_not_there_and_asks_the_citizen_to_call(Language language, string window)
    {
        var (visit, _) = await BudiHasATuesdayVisitAsync(language);
        At(Tuesday, 10, 0);

        await _bot.PressAsync($"v1:duty:na:{visit.Id}", BudiChat);

        Assert.Equal(VisitStatus.NotAvailable, (await VisitAsync(visit.Id)).Status);
        var notice = Assert.Single(_bot.Queued(CitizenChat));
        Assert.Equal(Texts.Format(language, "Notice.Outcome.Missed", visit.Code, WindowText.Describe(TuesdayMorning, language), Some.OfficePhone), notice.Text);
        Assert.Contains(window, notice.Text, StringComparison.Ordinal);
        Assert.Contains(Some.OfficePhone, notice.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Indonesian, "Pilih jadwal baru")]
    [InlineData(Language.English, "Choose a new date")]
    public async Task Asks_the_citizen_for_another_date_with_a_button_and_frees_the_window(Language language, string label)
    {
        var visit = await BookAsync(WednesdayMorning, CitizenChat, language, applicants: 4);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await AssignAsync(visit.Id, budi);
        At(Monday, 10, 0);
        Assert.DoesNotContain(WednesdayMorning, await OpenSlotsAsync());

        var replies = await _bot.PressAsync($"v1:duty:again:{visit.Id}", BudiChat);

        Assert.Equal([Texts.Format(Language.Indonesian, "Duty.Recorded", visit.Code, StopCard.Outcome(VisitStatus.NeedsNewDate, Language.Indonesian))], replies.Said());
        Assert.Equal(VisitStatus.NeedsNewDate, (await VisitAsync(visit.Id)).Status);
        var notice = Assert.Single(_bot.Queued(CitizenChat));
        Assert.Equal(Texts.Format(language, "Notice.Outcome.AnotherDate", visit.Code, Some.OfficePhone), notice.Text);
        Assert.Equal([label], notice.Labels());
        Assert.Equal([$"v1:visits:move:{visit.Id}"], notice.Payloads());
        Assert.Contains(WednesdayMorning, await OpenSlotsAsync());
    }

    [Theory]
    [InlineData("done")]
    [InlineData("na")]
    public async Task Refuses_an_outcome_before_the_day_of_the_visit(string action)
    {
        var (visit, _) = await BudiHasATuesdayVisitAsync(Language.Indonesian);
        At(Monday, 23, 59);

        var replies = await _bot.PressAsync($"v1:duty:{action}:{visit.Id}", BudiChat);

        Assert.Equal([Texts.Format(Language.Indonesian, "Duty.TooEarly", visit.Code, "Selasa, 6 Januari 2026, 09.00–11.00 WIB")], replies.Said());
        Assert.Equal(VisitStatus.Booked, (await VisitAsync(visit.Id)).Status);
        Assert.Empty(_bot.Queued(CitizenChat));
    }

    [Fact]
    public async Task Says_what_was_recorded_on_a_second_press_and_changes_nothing()
    {
        var (visit, _) = await BudiHasATuesdayVisitAsync(Language.Indonesian);
        At(Tuesday, 10, 0);
        await _bot.PressAsync($"v1:duty:done:{visit.Id}", BudiChat);
        var before = Snapshot();

        var again = await _bot.PressAsync($"v1:duty:done:{visit.Id}", BudiChat);
        var other = await _bot.PressAsync($"v1:duty:again:{visit.Id}", BudiChat);

        var already = Texts.Format(Language.Indonesian, "Duty.AlreadyRecorded", visit.Code, StopCard.Outcome(VisitStatus.Done, Language.Indonesian));
        Assert.Equal([already], again.Said());
        Assert.Equal([already], other.Said());
        Assert.Equal(before, Snapshot());
        Assert.Single(_bot.Queued(CitizenChat));
    }

    [Fact]
    public async Task Lets_a_supervisor_record_an_outcome_for_any_officer()
    {
        var (visit, _) = await BudiHasATuesdayVisitAsync(Language.Indonesian);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        At(Tuesday, 10, 0);

        await _bot.PressAsync($"v1:duty:na:{visit.Id}", DewiChat);

        Assert.Equal(VisitStatus.NotAvailable, (await VisitAsync(visit.Id)).Status);
    }

    [Fact]
    public async Task Does_not_take_a_typed_number_for_an_outcome_button()
    {
        var (visit, _) = await BudiHasATuesdayVisitAsync(Language.Indonesian);
        At(Tuesday, 7, 0);
        await _bot.SendAsync("/jadwal", BudiChat);

        await _bot.SendAsync("1", BudiChat);

        Assert.Equal(VisitStatus.Booked, (await VisitAsync(visit.Id)).Status);
        Assert.Empty(_bot.Queued(CitizenChat));
    }

    [Fact]
    public async Task Logs_officer_and_visit_ids_but_no_names_phones_NIKs_or_chats()
    {
        var logs = new LogCapture();
        using var bot = new EngineHarness(configure: s => s.AddSingleton<ILoggerProvider>(logs));
        var code = await bot.InScopeAsync(async sp =>
        {
            var invite = sp.GetRequiredService<Core.Officers.Officers>().Invite("Dewi Lestari", OfficerRole.Supervisor, bot.Clock.GetUtcNow());
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return invite;
        });
        bot.Clock.Set(new DateTimeOffset(Monday.ToDateTime(new TimeOnly(8, 0)), Wib));
        var visit = await bot.InScopeAsync(async sp =>
        {
            var facts = new VisitFacts(
                VisitReason.InHospital, null, VisitService.NewPassport, 1, null, "Kota Serang", "RSUD Serang", ApplicantName, Nik, "+6281234567890", null);
            var booked = await sp.GetRequiredService<Bookings>().BookAsync(EngineHarness.Address(CitizenChat), Language.Indonesian, facts, TuesdayMorning, bot.Clock.GetUtcNow(), CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return booked.Visit!;
        });
        bot.Clock.Set(new DateTimeOffset(Tuesday.ToDateTime(new TimeOnly(10, 0)), Wib));

        await bot.SendAsync($"/start {code}", DewiChat);
        await bot.SendAsync("/jadwal", DewiChat);
        await bot.PressAsync($"v1:duty:done:{visit.Id}", DewiChat);
        await bot.PressAsync("v1:duty:done:999", DewiChat);
        await bot.PressAsync("v1:duty:shut:20260107", DewiChat);
        await bot.SendAsync("/start of_abcdefghijkmnpqrstuv", "7001");

        var logged = string.Join('\n', logs.Lines);
        Assert.Contains($"visit {visit.Id}", logged, StringComparison.Ordinal);
        foreach (var secret in new[] { "Dewi", ApplicantName, Nik, "812", DewiChat, CitizenChat, "7001", code })
        {
            Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
        }
    }

    // Authorisation: payloads are user input

    public static TheoryData<string, string> EveryDutyPayload()
    {
        var data = new TheoryData<string, string>();
        foreach (var chat in new[] { CitizenChat, SariChat })
        {
            foreach (var payload in new[]
            {
                "v1:duty:done:{visit}", "v1:duty:na:{visit}", "v1:duty:again:{visit}", "v1:duty:move:{visit}",
                "v1:duty:to:{visit}:{sari}", "v1:duty:close", "v1:duty:day:20260107", "v1:duty:shut:20260107",
            })
            {
                data.Add(chat, payload);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryDutyPayload))]
    public async Task Changes_nothing_and_tells_nothing_to_a_citizen_or_an_officer_the_visit_is_not_for(string chat, string template)
    {
        var (visit, _) = await BudiHasATuesdayVisitAsync(Language.Indonesian);
        await BookAsync(WednesdayMorning, EnglishCitizenChat);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        At(Tuesday, 10, 0);
        var before = Snapshot();
        var payload = template.Replace("{visit}", visit.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{sari}", sari.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var replies = await _bot.PressAsync(payload, chat);

        Assert.Equal(before, Snapshot());
        var seen = string.Join('\n', replies.Select(r => r.Text).Concat(replies.SelectMany(r => r.Labels())));
        foreach (var secret in new[] { visit.Code, ApplicantName, Nik, "812", "RSUD", "Melati" })
        {
            Assert.DoesNotContain(secret, seen, StringComparison.Ordinal);
        }

        if (chat == CitizenChat)
        {
            Assert.Equal([Texts.Get(Language.Indonesian, "Duty.StaffOnly")], replies.Said());
        }
        else if (template.StartsWith("v1:duty:done", StringComparison.Ordinal) || template.StartsWith("v1:duty:na", StringComparison.Ordinal)
            || template.StartsWith("v1:duty:again", StringComparison.Ordinal))
        {
            // Someone else's visit reads like one that does not exist.
            Assert.Equal(Texts.Get(Language.Indonesian, "Input.StaleButton"), replies[0].Text);
        }
        else
        {
            Assert.Equal([Texts.Get(Language.Indonesian, "Duty.SupervisorOnly")], replies.Said());
        }
    }

    [Theory]
    [InlineData("v1:duty:done:999")]
    [InlineData("v1:duty:done:-1")]
    [InlineData("v1:duty:done:abc")]
    [InlineData("v1:duty:done")]
    [InlineData("v1:duty:move:999")]
    [InlineData("v1:duty:to:{visit}:999")]
    [InlineData("v1:duty:day:20261399")]
    [InlineData("v1:duty:shut:tomorrow")]
    [InlineData("v1:duty:explode")]
    public async Task Answers_a_stale_or_forged_button_as_stale_and_changes_nothing(string template)
    {
        var (visit, _) = await BudiHasATuesdayVisitAsync(Language.Indonesian);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        At(Tuesday, 10, 0);
        var before = Snapshot();

        var replies = await _bot.PressAsync(template.Replace("{visit}", visit.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), DewiChat);

        Assert.Equal(Texts.Get(Language.Indonesian, "Input.StaleButton"), replies[0].Text);
        Assert.Equal(before, Snapshot());
    }

    // Reassigning

    [Fact]
    public async Task Lets_a_supervisor_move_a_visit_to_another_officer_who_is_told()
    {
        var (visit, budi) = await BudiHasATuesdayVisitAsync(Language.Indonesian);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        var dewi = await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        var welcomed = _bot.OutboxRows().Count;
        At(Tuesday, 7, 0);

        var offer = await _bot.PressAsync($"v1:duty:move:{visit.Id}", DewiChat);

        var choice = Assert.Single(offer);
        Assert.Equal([$"v1:duty:to:{visit.Id}:{budi}", $"v1:duty:to:{visit.Id}:{sari}", $"v1:duty:to:{visit.Id}:{dewi}"], choice.Payloads());
        Assert.Equal(["Budi (sekarang)", "Sari", "Dewi"], choice.Labels());

        var done = await _bot.PressAsync($"v1:duty:to:{visit.Id}:{sari}", DewiChat);

        Assert.Equal([Texts.Format(Language.Indonesian, "Duty.Move.Done", visit.Code, "Sari")], done.Said());
        Assert.Equal(sari, (await VisitAsync(visit.Id)).OfficerId);
        var told = Since(welcomed, SariChat);
        Assert.Equal(2, told.Count);
        Assert.Equal(Texts.Format(Language.Indonesian, "Duty.Assigned", visit.Code, "Selasa, 6 Januari 2026, 09.00–11.00 WIB"), told[0].Text);
        Assert.Contains(ApplicantName, told[1].Text, StringComparison.Ordinal);
        Assert.Equal([$"v1:duty:done:{visit.Id}", $"v1:duty:na:{visit.Id}", $"v1:duty:again:{visit.Id}"], told[1].Payloads());
        Assert.Empty(Since(welcomed, BudiChat));
    }

    [Fact]
    public async Task Keeps_a_moved_visit_with_its_new_officer_in_the_next_schedule()
    {
        var (visit, _) = await BudiHasATuesdayVisitAsync(Language.Indonesian);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        At(Tuesday, 7, 0);
        await _bot.PressAsync($"v1:duty:to:{visit.Id}:{sari}", DewiChat);

        var budis = await _bot.SendAsync("/jadwal", BudiChat);
        var saris = await _bot.SendAsync("/jadwal", SariChat);

        Assert.DoesNotContain(budis, r => r.Text!.Contains(visit.Code, StringComparison.Ordinal));
        Assert.Contains(saris, r => r.Text!.Contains(visit.Code, StringComparison.Ordinal));
    }

    // Closing a day

    [Fact]
    public async Task Closes_a_day_tells_its_citizens_and_no_longer_offers_it()
    {
        var indonesian = await BookAsync(TuesdayMorning, CitizenChat);
        var english = await BookAsync(TuesdayAfternoon, EnglishCitizenChat, Language.English);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        At(Monday, 9, 30);
        Assert.Contains(await OpenSlotsAsync(), s => s.Date == Tuesday);

        var days = Assert.Single(await _bot.SendAsync("/tutup", DewiChat));
        Assert.Equal(10, days.Payloads().Count);
        Assert.Equal("v1:duty:day:20260105", days.Payloads()[0]);
        Assert.Equal("v1:duty:day:20260106", days.Payloads()[1]);
        Assert.DoesNotContain("v1:duty:day:20260110", days.Payloads());

        var confirm = Assert.Single(await _bot.PressAsync("v1:duty:day:20260106", DewiChat));
        Assert.Equal(Texts.Format(Language.Indonesian, "Duty.Close.Confirm", "Selasa, 6 Januari 2026", 2), confirm.Text);
        Assert.Equal(["v1:duty:shut:20260106", "v1:duty:close"], confirm.Payloads());

        var closed = await _bot.PressAsync("v1:duty:shut:20260106", DewiChat);

        Assert.Equal([Texts.Format(Language.Indonesian, "Duty.Close.Done", "Selasa, 6 Januari 2026", 2)], closed.Said());
        Assert.Equal(VisitStatus.NeedsNewDate, (await VisitAsync(indonesian.Id)).Status);
        Assert.Equal(VisitStatus.NeedsNewDate, (await VisitAsync(english.Id)).Status);
        var toIndonesian = Assert.Single(_bot.Queued(CitizenChat));
        Assert.Equal(Texts.Format(Language.Indonesian, "Notice.DayClosed", indonesian.Code, "Selasa, 6 Januari 2026", Some.OfficePhone), toIndonesian.Text);
        Assert.Equal([$"v1:visits:move:{indonesian.Id}"], toIndonesian.Payloads());
        var toEnglish = Assert.Single(_bot.Queued(EnglishCitizenChat));
        Assert.Equal(Texts.Format(Language.English, "Notice.DayClosed", english.Code, "Tuesday, 6 January 2026", Some.OfficePhone), toEnglish.Text);
        Assert.Equal(["Choose a new date"], toEnglish.Labels());
        Assert.DoesNotContain(await OpenSlotsAsync(), s => s.Date == Tuesday);
        var offeredAgain = Assert.Single(await _bot.SendAsync("/tutup", DewiChat));
        Assert.DoesNotContain("v1:duty:day:20260106", offeredAgain.Payloads());
    }

    [Theory]
    [InlineData("20260106", "Duty.Close.Already", "Selasa, 6 Januari 2026")]
    [InlineData("20260102", "Duty.Close.Past", "Jumat, 2 Januari 2026")]
    [InlineData("20260110", "Duty.Close.NotWorking", "Sabtu, 10 Januari 2026")]
    [InlineData("20260116", "Duty.Close.NotWorking", "Jumat, 16 Januari 2026")]
    public async Task Refuses_to_close_a_closed_a_past_or_a_non_working_day(string date, string key, string day)
    {
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        At(Monday, 9, 30);
        await _bot.PressAsync("v1:duty:shut:20260106", DewiChat);
        var before = Snapshot();

        var confirm = await _bot.PressAsync($"v1:duty:day:{date}", DewiChat);
        var shut = await _bot.PressAsync($"v1:duty:shut:{date}", DewiChat);

        Assert.Equal([Texts.Format(Language.Indonesian, key, day)], confirm.Said());
        Assert.Equal([Texts.Format(Language.Indonesian, key, day)], shut.Said());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Tells_an_officer_that_closing_a_day_is_for_supervisors()
    {
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);

        var replies = await _bot.SendAsync("/tutup", BudiChat);

        Assert.Equal([Texts.Get(Language.Indonesian, "Duty.SupervisorOnly")], replies.Said());
    }

    // Helpers

    private void At(DateOnly date, int hour, int minute) =>
        _bot.Clock.Set(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), Wib));

    /// <summary>A visit on Tuesday morning, booked on Monday, that the plan gave to Budi.</summary>
    private async Task<(Visit Visit, long Budi)> BudiHasATuesdayVisitAsync(Language language)
    {
        var visit = await BookAsync(TuesdayMorning, CitizenChat, language);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await AssignAsync(visit.Id, budi);
        return (visit, budi);
    }

    /// <summary>Booked on Monday morning, so a day's notice is respected for Tuesday.</summary>
    private Task<Visit> BookAsync(Slot slot, string citizen, Language language = Language.Indonesian, int applicants = 1)
    {
        At(Monday, 8, 0);
        return _bot.InScopeAsync(async sp =>
        {
            var facts = new VisitFacts(
                VisitReason.InHospital, null, VisitService.NewPassport, applicants, new GeoPoint(-6.11, 106.18), "Kota Serang",
                "RSUD Serang, Ruang Melati 3", ApplicantName, Nik, "+6281234567890", null);
            var booked = await sp.GetRequiredService<Bookings>().BookAsync(EngineHarness.Address(citizen), language, facts, slot, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return booked.Visit ?? throw new InvalidOperationException($"Could not book {slot.Key}: {booked.Problem}");
        });
    }

    private Task<string> InviteAsync(string name, OfficerRole role) =>
        _bot.InScopeAsync(async sp =>
        {
            var code = sp.GetRequiredService<Core.Officers.Officers>().Invite(name, role, _bot.Clock.GetUtcNow());
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return code;
        });

    private Task<Officer?> FindAsync(string chat) =>
        _bot.InScopeAsync(sp => sp.GetRequiredService<Core.Officers.Officers>().FindAsync(EngineHarness.Address(chat), CancellationToken.None));

    private Task AssignAsync(long visitId, long officerId) =>
        _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            (await db.Visits.SingleAsync(v => v.Id == visitId)).AssignTo(officerId, _bot.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });

    private Task<Visit> VisitAsync(long id) =>
        _bot.InScopeAsync(sp => sp.GetRequiredService<TimporaDb>().Visits.AsNoTracking().SingleAsync(v => v.Id == id));

    private List<OutgoingMessage> Since(int rows, string chat) =>
        [.. _bot.OutboxRows().Skip(rows).Where(o => o.ChatKey == chat).Select(o => MessageJson.Read<OutgoingMessage>(o.Message!))];

    private Task<IReadOnlyList<Slot>> OpenSlotsAsync() =>
        _bot.InScopeAsync(sp => sp.GetRequiredService<Bookings>().OpenSlotsAsync(_bot.Clock.GetUtcNow(), 1, int.MaxValue, CancellationToken.None));

    /// <summary>
    /// Everything a duty button could change: visits, windows, closed days, officers, and the notices sent without
    /// being asked (replies to the presser carry no key).
    /// </summary>
    private string Snapshot()
    {
        using var db = _bot.Database.NewDb();
        var visits = db.Visits.AsNoTracking().OrderBy(v => v.Id).ToList().Select(v => Invariant($"{v.Id}:{v.Status}:{v.OfficerId}:{v.Date}:{v.Version}"));
        var loads = db.SlotLoads.AsNoTracking().ToList().OrderBy(l => l.Date).ThenBy(l => l.Starts).Select(l => Invariant($"{l.Date}:{l.Starts}:{l.Units}"));
        var closed = db.ClosedDays.AsNoTracking().ToList().OrderBy(d => d.Date).Select(d => Invariant($"{d.Date}"));
        var officers = db.Officers.AsNoTracking().OrderBy(o => o.Id).ToList().Select(o => Invariant($"{o.Id}:{o.Role}:{o.Active}"));
        var notices = _bot.OutboxRows().Where(o => o.IdempotencyKey is not null).Select(o => o.IdempotencyKey!);
        return string.Join('|', [.. visits, "loads", .. loads, "closed", .. closed, "officers", .. officers, "notices", .. notices]);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
