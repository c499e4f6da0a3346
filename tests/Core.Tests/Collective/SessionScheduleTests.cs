using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Officers;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;

namespace Timpora.Core.Tests.Collective;

/// <summary>
/// Approved sessions in the officers' day: out of the Jemput Bola plan, in the morning schedule and in /jadwal. The
/// session is on Tuesday 6 January 2026 at 08.00, at a pinned venue, with Budi; Sari stays on Jemput Bola.
/// </summary>
public sealed class SessionScheduleTests : IDisposable
{
    private const string BudiChat = "9001";
    private const string SariChat = "9002";
    private const string DewiChat = "9003";
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly DateOnly Tuesday = new(2026, 1, 6);
    private static readonly DateOnly Wednesday = new(2026, 1, 7);
    private static readonly Slot TuesdayMorning = new(Tuesday, new(9, 0), new(11, 0));
    private static readonly Slot TuesdayAfternoon = new(Tuesday, new(13, 0), new(15, 0));

    private readonly LogCapture _logs = new();
    private readonly EngineHarness _bot;

    public SessionScheduleTests() => _bot = new EngineHarness(configure: s => s.AddLogging(b => b.AddProvider(_logs)));

    public void Dispose()
    {
        _bot.Dispose();
        _logs.Dispose();
    }

    // The day plan

    [Fact]
    public async Task Leaves_an_officer_at_a_session_out_of_the_day_plan_and_gives_their_visits_to_the_others()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        var near = await SessionSeed.BookVisitAsync(_bot, TuesdayMorning, 1);
        var far = await SessionSeed.BookVisitAsync(_bot, TuesdayAfternoon, 1);
        await AssignAsync(budi);
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);

        var days = await PlanAsync(Tuesday);

        var day = Assert.Single(days);
        Assert.Equal(sari, day.Officer.Id);
        Assert.Equal([near.Id, far.Id], day.Stops.Select(v => v.Id).Order());
        Assert.DoesNotContain(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plans_as_before_on_a_day_without_a_session()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        await SessionSeed.ScheduleAsync(_bot, Wednesday, new(8, 0), [budi]);

        var days = await PlanAsync(Tuesday);

        Assert.Equal([budi, sari], days.Select(d => d.Officer.Id));
    }

    [Fact]
    public async Task Keeps_everyone_in_the_plan_and_warns_when_a_session_took_them_all_while_visits_were_booked()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi <B>", OfficerRole.Officer, BudiChat);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        var visit = await SessionSeed.BookVisitAsync(_bot, TuesdayMorning, 1);
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi, sari]);

        var days = await PlanAsync(Tuesday);

        Assert.Equal([budi, sari], days.Select(d => d.Officer.Id));
        Assert.Equal(visit.Id, Assert.Single(days.SelectMany(d => d.Stops)).Id);
        var warning = Assert.Single(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains("All 2 field officers", warning, StringComparison.Ordinal);
        Assert.Contains("1 visits", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Budi", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_nobody_when_a_session_took_everyone_and_nothing_is_booked()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);

        var days = await PlanAsync(Tuesday);

        Assert.Empty(days);
        Assert.DoesNotContain(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
    }

    // The morning schedule

    [Fact]
    public async Task Sends_an_officer_with_only_a_session_their_schedule_with_the_session_card()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        await SessionSeed.BookVisitAsync(_bot, TuesdayMorning, 1);
        var session = await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);
        await SessionSeed.JoinAsync(_bot, session.Id, "Ahmad Yani", "3604010101900001", "6001");
        await SessionSeed.JoinAsync(_bot, session.Id, "Siti Aminah", "3604014101900002", null);
        At(Tuesday, 6, 0);

        var sent = await SendMorningAsync();

        Assert.Equal(2, sent);
        var queued = _bot.Queued(BudiChat);
        Assert.Equal(2, queued.Count);
        Assert.Contains("Hari ini tidak ada kunjungan untuk Anda.", queued[0].Text, StringComparison.Ordinal);
        Assert.EndsWith(Texts.Format(Language.Indonesian, "SessionNotice.Schedule.Sessions", 1), queued[0].Text, StringComparison.Ordinal);
        var card = queued[1];
        Assert.Equal(
            "🕌 <b>Layanan paspor kolektif</b> · " + session.Code + "\n"
            + "🏢 Biro perjalanan umrah (PPIU): PT Berkah &lt;Umrah&gt; Banten\n"
            + "🕗 Mulai pukul 08.00 WIB · petugas tiba pukul 07.30 untuk menyiapkan peralatan\n"
            + "📍 Aula Masjid Al-Ikhlas\n"
            + "🏠 Kec. Pabuaran, Kabupaten Serang\n"
            + "🗺 <a href=\"https://www.google.com/maps/search/?api=1&amp;query=-6.1502,106.0921\">Buka di peta</a>\n"
            + "👥 Terdaftar <b>2</b> pemohon (perkiraan koordinator: 45) · Umrah\n"
            + "👤 Koordinator: Haji Ahmad &amp; Fauzi · 📞 +62 812-9876-5432",
            card.Text);
        Assert.Null(TelegramHtmlCheck.Problem(card.Text!));
        Assert.Equal(SessionSeed.Venue, card.Location);
        Assert.Equal([$"v1:ses:held:{session.Code}"], card.Payloads());
        Assert.Equal(["Catat jumlah permohonan"], card.Labels());
        var keys = _bot.OutboxRows().Where(r => r.ChatKey == BudiChat).Select(r => r.IdempotencyKey).ToList();
        Assert.Equal([$"schedule:20260106:{budi}:0", $"{Sessions.KeyPrefix(session.Id)}schedule:20260106:{budi}"], keys);
        Assert.Contains("<b>1</b> kunjungan", _bot.Queued(SariChat)[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Queued(SariChat), m => m.Text!.Contains(session.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Counts_the_session_in_the_header_of_an_officer_who_also_has_visits()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await SessionSeed.BookVisitAsync(_bot, TuesdayAfternoon, 1);
        var session = await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);
        await SessionSeed.ScheduleAsync(_bot, Wednesday, new(8, 0), [budi]);
        At(Tuesday, 6, 0);

        await SendMorningAsync();

        var queued = _bot.Queued(BudiChat);
        Assert.Equal(3, queued.Count);
        Assert.Contains("<b>1</b> kunjungan untuk Anda", queued[0].Text, StringComparison.Ordinal);
        Assert.Contains("<b>1</b> layanan paspor kolektif", queued[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("<b>1. 13.00–15.00</b>", queued[1].Text, StringComparison.Ordinal);
        Assert.Contains(session.Code, queued[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_the_sessions_in_the_supervisors_overview()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi <B>", OfficerRole.Officer, BudiChat);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        var session = await SessionSeed.ScheduleAsync(_bot, Tuesday, new(13, 0), [budi, sari]);
        await SessionSeed.JoinAsync(_bot, session.Id, "Ahmad Yani", "3604010101900001", "6001");
        At(Tuesday, 6, 0);

        await SendMorningAsync();

        var overview = Assert.Single(_bot.Queued(DewiChat)).Text!;
        Assert.StartsWith("📋 <b>Ringkasan Jemput Bola</b>", overview, StringComparison.Ordinal);
        Assert.EndsWith(
            "🕌 <b>Layanan paspor kolektif hari ini</b>\n• 13.00 · PT Berkah &lt;Umrah&gt; Banten (" + session.Code + ") — Budi &lt;B&gt;, Sari · 1 pemohon terdaftar",
            overview,
            StringComparison.Ordinal);
        Assert.Null(TelegramHtmlCheck.Problem(overview));
    }

    [Fact]
    public async Task Sends_a_session_to_its_officers_on_a_day_closed_for_visits_and_on_a_Saturday()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        var saturday = new DateOnly(2026, 1, 10);
        var closed = await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);
        var weekend = await SessionSeed.ScheduleAsync(_bot, saturday, new(8, 0), [sari]);
        await _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            db.ClosedDays.Add(new ClosedDay(Tuesday, 1, _bot.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });
        At(Tuesday, 6, 0);
        var onTuesday = await SendMorningAsync();
        At(saturday, 6, 0);

        var onSaturday = await SendMorningAsync();

        Assert.Equal(1, onTuesday);
        Assert.Equal(1, onSaturday);
        Assert.Contains(closed.Code, _bot.Queued(BudiChat)[^1].Text, StringComparison.Ordinal);
        Assert.Contains(weekend.Code, _bot.Queued(SariChat)[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, _bot.Queued(BudiChat).Count);
        Assert.Equal(2, _bot.Queued(SariChat).Count);
    }

    [Fact]
    public async Task Sends_the_session_card_once_and_withdraws_it_if_the_session_is_cancelled_before_it_left()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var session = await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);
        At(Tuesday, 6, 0);
        await SendMorningAsync();
        _bot.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await SendMorningAsync();
        await SessionSeed.ChangeAsync(_bot, session.Id, (sessions, s, now) => sessions.CancelAsync(s, now, CancellationToken.None));

        Assert.Equal(0, again);
        Assert.DoesNotContain(_bot.Queued(BudiChat), m => m.Text!.Contains(session.Code, StringComparison.Ordinal));
        Assert.Single(_bot.Queued(BudiChat));
    }

    [Fact]
    public async Task Leaves_a_proposed_session_out_of_the_schedule()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi], SessionStatus.Proposed);
        At(Tuesday, 6, 0);

        await SendMorningAsync();

        var only = Assert.Single(_bot.Queued(BudiChat));
        Assert.DoesNotContain("kolektif", only.Text, StringComparison.Ordinal);
    }

    // /jadwal

    [Fact]
    public async Task Shows_an_officer_their_own_sessions_today_with_the_button_and_tomorrow_without()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        var today = await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);
        var tomorrow = await SessionSeed.ScheduleAsync(_bot, Wednesday, new(13, 0), [budi]);
        var others = await SessionSeed.ScheduleAsync(_bot, Tuesday, new(9, 0), [sari]);
        At(Tuesday, 7, 0);

        var replies = await _bot.SendAsync("/jadwal", BudiChat);

        var cards = replies.Where(r => r.Text!.StartsWith("🕌 <b>Layanan paspor kolektif</b> · ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains(today.Code, cards[0].Text, StringComparison.Ordinal);
        Assert.Equal([$"v1:ses:held:{today.Code}"], cards[0].Payloads());
        Assert.Contains(tomorrow.Code, cards[1].Text, StringComparison.Ordinal);
        Assert.Contains("Mulai pukul 13.00 WIB · petugas tiba pukul 12.30", cards[1].Text, StringComparison.Ordinal);
        Assert.Empty(cards[1].Payloads());
        Assert.All(cards, c => Assert.Equal(SessionSeed.Venue, c.Location));
        Assert.DoesNotContain(replies, r => r.Text!.Contains(others.Code, StringComparison.Ordinal));
        Assert.Contains(Texts.Format(Language.Indonesian, "SessionNotice.Duty.Sessions", "Selasa, 6 Januari 2026"), replies.Said());
        Assert.Contains(Texts.Format(Language.Indonesian, "SessionNotice.Duty.Sessions", "Rabu, 7 Januari 2026"), replies.Said());
    }

    [Fact]
    public async Task Shows_a_supervisor_every_session_with_who_goes()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        var first = await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);
        var second = await SessionSeed.ScheduleAsync(_bot, Tuesday, new(9, 0), [sari, budi]);
        At(Tuesday, 7, 0);

        var replies = await _bot.SendAsync("/jadwal", DewiChat);

        var cards = replies.Where(r => r.Text!.StartsWith("🕌 <b>Layanan paspor kolektif</b> · ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains(first.Code, cards[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("👮 Petugas: Budi", cards[0].Text, StringComparison.Ordinal);
        Assert.Contains(second.Code, cards[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("👮 Petugas: Budi, Sari", cards[1].Text, StringComparison.Ordinal);
        Assert.All(cards, c => Assert.Equal(["Catat jumlah permohonan", "🚫 Batalkan sesi"], c.Labels()));
        Assert.Equal([$"v1:ses:held:{first.Code}", $"v1:ses:stop:{first.Code}"], cards[0].Payloads());
    }

    [Fact]
    public async Task Gives_a_supervisor_the_stop_button_on_tomorrows_session_and_the_officer_going_neither()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        var tomorrow = await SessionSeed.ScheduleAsync(_bot, Wednesday, new(13, 0), [budi]);
        At(Tuesday, 7, 0);

        var bySupervisor = await _bot.SendAsync("/jadwal", DewiChat);
        var byOfficer = await _bot.SendAsync("/jadwal", BudiChat);

        var supervisorCard = Assert.Single(bySupervisor, r => r.Text!.Contains(tomorrow.Code, StringComparison.Ordinal));
        Assert.Equal([$"v1:ses:stop:{tomorrow.Code}"], supervisorCard.Payloads());
        var officerCard = Assert.Single(byOfficer, r => r.Text!.Contains(tomorrow.Code, StringComparison.Ordinal));
        Assert.Empty(officerCard.Payloads());
    }

    [Fact]
    public async Task Shows_an_officer_without_a_session_none()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);
        At(Tuesday, 7, 0);

        var replies = await _bot.SendAsync("/jadwal", SariChat);

        Assert.DoesNotContain(replies, r => r.Text!.Contains("kolektif", StringComparison.Ordinal));
    }

    private void At(DateOnly date, int hour, int minute) =>
        _bot.Clock.Set(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), Wib));

    private Task<int> SendMorningAsync() =>
        _bot.InScopeAsync(sp => sp.GetRequiredService<MorningSchedule>().SendDueAsync(CancellationToken.None));

    private Task<IReadOnlyList<OfficerDay>> PlanAsync(DateOnly date) =>
        _bot.InScopeAsync(sp => sp.GetRequiredService<DayPlan>().PlanAsync(date, CancellationToken.None));

    private Task AssignAsync(long officerId) =>
        _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            foreach (var visit in await db.Visits.ToListAsync())
            {
                visit.AssignTo(officerId, _bot.Clock.GetUtcNow().UtcDateTime);
            }

            await db.SaveChangesAsync();
        });
}
