using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Collective;

/// <summary>
/// Reminders of a session approved for Tuesday 13 January 2026 at 08.00 WIB, at 09.00 on the days before: the
/// coordinator a week before (Tuesday the 6th, only when the roster needs work) and the day before (Monday the 12th);
/// each applicant with a chat three days before (Saturday the 10th) and the day before.
/// </summary>
public sealed class SessionRemindersTests : IDisposable
{
    private const string Coordinator = SessionSeed.Coordinator;
    private const string Ahmad = "6001";
    private const string Grace = "6002";
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly DateOnly SessionDay = new(2026, 1, 13);
    private static readonly TimeOnly Starts = new(8, 0);
    private static readonly DateOnly WeekBefore = SessionDay.AddDays(-7);
    private static readonly DateOnly ThreeDaysBefore = SessionDay.AddDays(-3);
    private static readonly DateOnly DayBefore = SessionDay.AddDays(-1);

    private EngineHarness _bot = Harness(minimum: 30);

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData(Language.Indonesian, "Layanan paspor kolektif satu minggu lagi", "Tanggal: Selasa, 13 Januari 2026, mulai pukul 08.00 WIB", "Terdaftar: <b>2</b> pemohon (minimal 30).")]
    [InlineData(Language.English, "Collective passport service in one week", "Date: Tuesday, 13 January 2026, starting at 08.00 WIB", "Registered: <b>2</b> applicants (minimum 30).")]
    public async Task Reminds_the_coordinator_a_week_before_when_the_roster_is_short(Language language, string heading, string when, string count)
    {
        var session = await ApproveAsync(language);
        await JoinTwoAsync(session.Id);
        At(WeekBefore, 8, 59);
        var early = await SendDueAsync();
        At(WeekBefore, 9, 0);

        var sent = await SendDueAsync();

        Assert.Equal(0, early);
        Assert.Equal(1, sent);
        var reminder = Assert.Single(_bot.Queued(Coordinator)).Text!;
        Assert.Contains(heading, reminder, StringComparison.Ordinal);
        Assert.Contains($"<b>{session.Code}</b>", reminder, StringComparison.Ordinal);
        Assert.Contains(when, reminder, StringComparison.Ordinal);
        Assert.Contains(count, reminder, StringComparison.Ordinal);
        Assert.Contains(language == Language.English ? "/roster" : "/rombongan", reminder, StringComparison.Ordinal);
        foreach (var line in await ProblemsAsync(session.Id, language))
        {
            Assert.Contains(line, reminder, StringComparison.Ordinal);
        }

        Assert.Null(TelegramHtmlCheck.Problem(reminder));
        Assert.Equal($"{Sessions.KeyPrefix(session.Id)}coord:WeekBefore:20260113-0800", Assert.Single(_bot.OutboxRows()).IdempotencyKey);
        Assert.Equal(SessionReminder.WeekBefore, (await ReloadAsync(session.Id)).CoordinatorReminded);
    }

    [Fact]
    public async Task Lets_the_week_stage_pass_silently_when_the_roster_is_ready()
    {
        _bot.Dispose();
        _bot = Harness(minimum: 2);
        var session = await ApproveAsync(Language.Indonesian);
        await JoinTwoAsync(session.Id);
        At(WeekBefore, 9, 0);
        Assert.Empty(await ProblemsAsync(session.Id, Language.Indonesian));

        var sent = await SendDueAsync();

        Assert.Equal(0, sent);
        Assert.Empty(_bot.Queued(Coordinator));
        Assert.Equal(SessionReminder.WeekBefore, (await ReloadAsync(session.Id)).CoordinatorReminded);
    }

    [Theory]
    [InlineData(Language.Indonesian, "Pengingat: layanan paspor kolektif", "Tanggal: Selasa, 13 Januari 2026", "Mulai: pukul 08.00 WIB", "Petugas tiba sekitar pukul 07.30 WIB", "Terdaftar: <b>2</b> pemohon.")]
    [InlineData(Language.English, "Reminder: collective passport service", "Date: Tuesday, 13 January 2026", "Starts: 08.00 WIB", "The officers arrive at about 07.30 WIB", "Registered: <b>2</b> applicants.")]
    public async Task Reminds_the_coordinator_the_day_before_with_the_arrival_time_and_the_group_checklist(
        Language language, string heading, string date, string starts, string arrival, string count)
    {
        var session = await ApproveAsync(language);
        await JoinTwoAsync(session.Id);
        At(WeekBefore, 9, 0);
        await SendDueAsync();
        At(DayBefore, 8, 59);
        var early = await SendDueAsync(Coordinator);
        At(DayBefore, 9, 0);

        var sent = await SendDueAsync(Coordinator);

        Assert.Equal(0, early);
        Assert.Equal(1, sent);
        var reminder = _bot.Queued(Coordinator)[^1].Text!;
        Assert.Contains(heading, reminder, StringComparison.Ordinal);
        Assert.Contains(date, reminder, StringComparison.Ordinal);
        Assert.Contains(starts, reminder, StringComparison.Ordinal);
        Assert.Contains(arrival, reminder, StringComparison.Ordinal);
        Assert.Contains("Aula Masjid Al-Ikhlas, Kec. Pabuaran, Kabupaten Serang", reminder, StringComparison.Ordinal);
        Assert.Contains(count, reminder, StringComparison.Ordinal);
        Assert.EndsWith(SessionChecklist.ForGroup(SessionPurpose.Umrah, language), reminder, StringComparison.Ordinal);
        Assert.Null(TelegramHtmlCheck.Problem(reminder));
        Assert.Equal($"{Sessions.KeyPrefix(session.Id)}coord:DayBefore:20260113-0800", _bot.OutboxRows().Where(r => r.ChatKey == Coordinator).Select(r => r.IdempotencyKey).Last());
    }

    [Fact]
    public async Task Reminds_each_applicant_with_a_chat_three_days_and_one_day_before_in_their_language()
    {
        var session = await ApproveAsync(Language.Indonesian);
        var ahmad = await SessionSeed.JoinAsync(_bot, session.Id, "Ahmad Yani", "3604010101900001", Ahmad);
        var grace = await SessionSeed.JoinAsync(_bot, session.Id, "Grace Tan", "3604014101900002", Grace, Language.English, PassportKind.Replacement);
        await SessionSeed.JoinAsync(_bot, session.Id, "Siti Aminah", "3604014101900003", chat: null);
        At(ThreeDaysBefore, 8, 59);
        var early = await SendDueAsync(Ahmad, Grace);
        At(ThreeDaysBefore, 9, 0);
        var threeDays = await SendDueAsync(Ahmad, Grace);
        At(DayBefore, 9, 0);

        var dayBefore = await SendDueAsync(Ahmad, Grace);

        Assert.Equal(0, early);
        Assert.Equal(2, threeDays);
        Assert.Equal(2, dayBefore);
        var toAhmad = _bot.Queued(Ahmad).Select(m => m.Text!).ToList();
        var toGrace = _bot.Queued(Grace).Select(m => m.Text!).ToList();
        Assert.Equal(2, toAhmad.Count);
        Assert.Equal(2, toGrace.Count);
        Assert.All(toAhmad, r =>
        {
            Assert.StartsWith("🔔 <b>Pengingat: layanan paspor kolektif</b>", r, StringComparison.Ordinal);
            Assert.Contains("Rombongan: PT Berkah &lt;Umrah&gt; Banten", r, StringComparison.Ordinal);
            Assert.Contains("Tanggal: Selasa, 13 Januari 2026", r, StringComparison.Ordinal);
            Assert.Contains("Pukul: 08.00 WIB", r, StringComparison.Ordinal);
            Assert.Contains("Tempat: Aula Masjid Al-Ikhlas, Kec. Pabuaran, Kabupaten Serang", r, StringComparison.Ordinal);
            Assert.Contains("query=-6.1502,106.0921", r, StringComparison.Ordinal);
            Assert.EndsWith(SessionChecklist.For(PassportKind.New, SessionPurpose.Umrah, Language.Indonesian), r, StringComparison.Ordinal);
            Assert.Null(TelegramHtmlCheck.Problem(r));
        });
        Assert.All(toGrace, r =>
        {
            Assert.StartsWith("🔔 <b>Reminder: collective passport service</b>", r, StringComparison.Ordinal);
            Assert.Contains("Date: Tuesday, 13 January 2026", r, StringComparison.Ordinal);
            Assert.Contains("Time: 08.00 WIB", r, StringComparison.Ordinal);
            Assert.EndsWith(SessionChecklist.For(PassportKind.Replacement, SessionPurpose.Umrah, Language.English), r, StringComparison.Ordinal);
        });
        var keys = _bot.OutboxRows().Where(r => r.ChatKey is Ahmad or Grace).Select(r => r.IdempotencyKey).ToList();
        Assert.Equal(
            [
                $"{Sessions.ApplicantKeyPrefix(session.Id, ahmad.Id)}ThreeDaysBefore:20260113-0800",
                $"{Sessions.ApplicantKeyPrefix(session.Id, grace.Id)}ThreeDaysBefore:20260113-0800",
                $"{Sessions.ApplicantKeyPrefix(session.Id, ahmad.Id)}DayBefore:20260113-0800",
                $"{Sessions.ApplicantKeyPrefix(session.Id, grace.Id)}DayBefore:20260113-0800",
            ],
            keys);
        Assert.All(await RosterAsync(session.Id), a => Assert.Equal(a.Chat is null ? SessionReminder.None : SessionReminder.DayBefore, a.Reminded));
    }

    [Fact]
    public async Task Sends_nothing_twice()
    {
        var session = await ApproveAsync(Language.Indonesian);
        await JoinTwoAsync(session.Id);
        var rows = new List<int>();
        foreach (var day in new[] { WeekBefore, ThreeDaysBefore, DayBefore })
        {
            At(day, 9, 0);
            await SendDueAsync();
            _bot.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(0, await SendDueAsync());
            rows.Add(_bot.OutboxRows().Count);
        }

        Assert.Equal([1, 3, 6], rows);
    }

    [Fact]
    public async Task Sends_nothing_twice_when_another_run_queued_it_first()
    {
        var session = await ApproveAsync(Language.Indonesian);
        await JoinTwoAsync(session.Id);
        At(DayBefore, 9, 0);
        Assert.Equal(3, await SendDueAsync());
        await _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            (await db.Sessions.SingleAsync(s => s.Id == session.Id)).MarkCoordinatorReminded(SessionReminder.None, _bot.Clock.GetUtcNow().UtcDateTime);
            foreach (var applicant in await db.Applicants.ToListAsync())
            {
                applicant.MarkReminded(SessionReminder.None);
            }

            await db.SaveChangesAsync();
        });

        var again = await SendDueAsync();

        Assert.Equal(0, again);
        Assert.Equal(3, _bot.OutboxRows().Count);
        Assert.Equal(SessionReminder.DayBefore, (await ReloadAsync(session.Id)).CoordinatorReminded);
        Assert.All(await RosterAsync(session.Id), a => Assert.Equal(SessionReminder.DayBefore, a.Reminded));
    }

    [Theory]
    [InlineData(SessionStatus.Cancelled)]
    [InlineData(SessionStatus.Declined)]
    [InlineData(SessionStatus.Held)]
    public async Task Sends_nothing_for_a_session_that_is_no_longer_approved(SessionStatus status)
    {
        var session = await ApproveAsync(Language.Indonesian);
        await JoinTwoAsync(session.Id);
        await SessionSeed.ChangeAsync(_bot, session.Id, (sessions, s, now) => status switch
        {
            SessionStatus.Cancelled => sessions.CancelAsync(s, now, CancellationToken.None),
            SessionStatus.Declined => sessions.DeclineAsync(s, "Tidak ada petugas", now, CancellationToken.None),
            _ => sessions.RecordHeldAsync(s, 40, now, CancellationToken.None),
        });

        foreach (var day in new[] { WeekBefore, ThreeDaysBefore, DayBefore })
        {
            At(day, 9, 0);
            Assert.Equal(0, await SendDueAsync());
        }

        Assert.Empty(_bot.OutboxRows());
    }

    [Fact]
    public async Task Sends_nothing_for_a_proposed_date_the_coordinator_has_not_accepted()
    {
        var session = await SessionSeed.ScheduleAsync(_bot, SessionDay, Starts, [42], SessionStatus.Proposed);
        await JoinTwoAsync(session.Id);
        At(DayBefore, 9, 0);

        Assert.Equal(0, await SendDueAsync());
        Assert.Empty(_bot.OutboxRows());
    }

    [Fact]
    public async Task Withdraws_reminders_still_waiting_when_the_session_is_cancelled()
    {
        var session = await ApproveAsync(Language.Indonesian);
        await JoinTwoAsync(session.Id);
        At(DayBefore, 9, 0);
        await SendDueAsync();

        await SessionSeed.ChangeAsync(_bot, session.Id, (sessions, s, now) => sessions.CancelAsync(s, now, CancellationToken.None));
        _bot.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await SendDueAsync();

        Assert.Equal(0, after);
        Assert.Empty(_bot.OutboxRows());
    }

    [Fact]
    public async Task Sends_only_the_latest_stage_after_being_down_through_the_earlier_ones()
    {
        var session = await ApproveAsync(Language.Indonesian);
        var (ahmad, _) = await JoinTwoAsync(session.Id);
        At(DayBefore, 15, 30);

        var sent = await SendDueAsync();

        Assert.Equal(3, sent);
        Assert.Equal(
            [
                $"{Sessions.KeyPrefix(session.Id)}coord:DayBefore:20260113-0800",
                $"{Sessions.ApplicantKeyPrefix(session.Id, ahmad.Id)}DayBefore:20260113-0800",
            ],
            _bot.OutboxRows().Where(r => r.ChatKey is Coordinator or Ahmad).Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task Sends_each_person_only_their_latest_stage_after_being_down_for_days()
    {
        var session = await ApproveAsync(Language.Indonesian);
        await JoinTwoAsync(session.Id);
        At(ThreeDaysBefore.AddDays(1), 20, 0);

        var sent = await SendDueAsync();

        Assert.Equal(3, sent);
        Assert.Contains(_bot.OutboxRows(), r => r.IdempotencyKey == $"{Sessions.KeyPrefix(session.Id)}coord:WeekBefore:20260113-0800");
        Assert.Equal(2, _bot.OutboxRows().Count(r => r.IdempotencyKey!.EndsWith("ThreeDaysBefore:20260113-0800", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(8, 0)]
    [InlineData(8, 30)]
    [InlineData(15, 0)]
    public async Task Sends_nothing_once_the_session_has_started(int hour, int minute)
    {
        var session = await ApproveAsync(Language.Indonesian);
        await JoinTwoAsync(session.Id);
        At(SessionDay, hour, minute);

        Assert.Equal(0, await SendDueAsync());
        Assert.Empty(_bot.OutboxRows());
    }

    [Fact]
    public async Task Still_sends_the_day_before_stage_on_the_morning_itself_after_downtime()
    {
        var session = await ApproveAsync(Language.Indonesian);
        await JoinTwoAsync(session.Id);
        At(SessionDay, 7, 59);

        Assert.Equal(3, await SendDueAsync());
        Assert.All(_bot.OutboxRows(), r => Assert.Contains("DayBefore", r.IdempotencyKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Does_not_give_someone_who_joined_after_a_stage_fell_due_that_stage_but_gives_them_the_next()
    {
        var session = await ApproveAsync(Language.Indonesian);
        await SessionSeed.JoinAsync(_bot, session.Id, "Ahmad Yani", "3604010101900001", Ahmad);
        At(ThreeDaysBefore, 9, 0);
        await SendDueAsync();
        At(ThreeDaysBefore, 9, 1);
        var late = await SessionSeed.JoinAsync(_bot, session.Id, "Grace Tan", "3604014101900002", Grace);
        _bot.Clock.Advance(TimeSpan.FromHours(3));

        var afterJoining = await SendDueAsync();
        At(DayBefore, 9, 0);
        var dayBefore = await SendDueAsync(Ahmad, Grace);

        Assert.Equal(0, afterJoining);
        Assert.Equal(2, dayBefore);
        Assert.Equal(
            [$"{Sessions.ApplicantKeyPrefix(session.Id, late.Id)}DayBefore:20260113-0800"],
            _bot.OutboxRows().Where(r => r.ChatKey == Grace).Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task Counts_someone_the_CSV_added_as_joining_when_they_open_the_link_not_when_the_file_came()
    {
        var session = await ApproveAsync(Language.Indonesian);
        await SessionSeed.JoinAsync(_bot, session.Id, "Grace Tan", "3604014101900002", chat: null);
        At(ThreeDaysBefore, 9, 0);
        await SendDueAsync();
        At(ThreeDaysBefore, 9, 1);
        var linked = await SessionSeed.JoinAsync(_bot, session.Id, "Grace Tan", "3604014101900002", Grace);
        _bot.Clock.Advance(TimeSpan.FromHours(3));

        var afterLinking = await SendDueAsync();
        At(DayBefore, 9, 0);
        var dayBefore = await SendDueAsync(Grace);

        Assert.Equal(0, afterLinking);
        Assert.Equal(1, dayBefore);
        Assert.Equal(
            [$"{Sessions.ApplicantKeyPrefix(session.Id, linked.Id)}DayBefore:20260113-0800"],
            _bot.OutboxRows().Where(r => r.ChatKey == Grace).Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task Sends_nothing_to_someone_taken_off_the_roster_and_withdraws_what_waited()
    {
        var session = await ApproveAsync(Language.Indonesian);
        var (ahmad, grace) = await JoinTwoAsync(session.Id);
        At(ThreeDaysBefore, 9, 0);
        await SendDueAsync(Ahmad, Grace);
        await SessionSeed.ChangeAsync(_bot, session.Id, (sessions, s, _) => sessions.RemoveAsync(s, grace.Id, CancellationToken.None));
        At(DayBefore, 9, 0);

        var dayBefore = await SendDueAsync(Ahmad, Grace);

        Assert.Equal(1, dayBefore);
        Assert.Empty(_bot.Queued(Grace));
        Assert.Equal(2, _bot.Queued(Ahmad).Count);
        Assert.Equal(ahmad.Id, Assert.Single(await RosterAsync(session.Id)).Id);
    }

    [Fact]
    public async Task Reminds_again_for_a_new_date_after_the_office_moved_the_session()
    {
        var session = await ApproveAsync(Language.Indonesian);
        await JoinTwoAsync(session.Id);
        At(ThreeDaysBefore, 9, 0);
        await SendDueAsync(Ahmad, Grace);
        var later = new DateOnly(2026, 1, 20);
        await SessionSeed.ChangeAsync(_bot, session.Id, (sessions, s, now) =>
            sessions.ScheduleAsync(s, SessionStatus.Approved, later, new(13, 0), [42], now, CancellationToken.None));
        At(later.AddDays(-3), 9, 0);

        var sent = await SendDueAsync(Ahmad, Grace);

        Assert.Equal(2, sent);
        Assert.Contains("Selasa, 20 Januari 2026", _bot.Queued(Ahmad)[^1].Text, StringComparison.Ordinal);
        Assert.Contains("Pukul: 13.00 WIB", _bot.Queued(Ahmad)[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, _bot.OutboxRows().Count(r => r.IdempotencyKey!.EndsWith("ThreeDaysBefore:20260120-1300", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reminds_a_roster_larger_than_a_batch_in_full()
    {
        var session = await ApproveAsync(Language.Indonesian);
        var count = SessionReminders.BatchSize * 2 + 7;
        for (var i = 1; i <= count; i++)
        {
            var n = i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            await SessionSeed.JoinAsync(_bot, session.Id, "Jamaah " + n, "360401010190" + n, "8" + n);
        }

        At(ThreeDaysBefore, 9, 0);

        var sent = await SendDueAsync();

        // The roster is over the minimum, so the coordinator's week stage passed silently.
        Assert.Equal(count, sent);
        Assert.Equal(count, _bot.OutboxRows().Select(r => r.ChatKey).Distinct().Count(c => c!.StartsWith('8')));
    }

    private static EngineHarness Harness(int minimum) => new(collective: new CollectiveOptions { MinimumApplicants = minimum });

    private Task<Session> ApproveAsync(Language language) =>
        SessionSeed.ScheduleAsync(_bot, SessionDay, Starts, [42], SessionStatus.Approved, language);

    private async Task<(Applicant Ahmad, Applicant Grace)> JoinTwoAsync(long sessionId) =>
        (await SessionSeed.JoinAsync(_bot, sessionId, "Ahmad Yani", "3604010101900001", Ahmad),
         await SessionSeed.JoinAsync(_bot, sessionId, "Grace Tan", "3604014101900002", Grace, Language.English));

    private void At(DateOnly date, int hour, int minute) =>
        _bot.Clock.Set(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), Wib));

    /// <summary>Runs the reminders; with chats given, returns how many of the new rows went to those chats.</summary>
    private async Task<int> SendDueAsync(params string[] chats)
    {
        var before = _bot.OutboxRows().Select(r => r.Id).ToHashSet();
        var sent = await _bot.InScopeAsync(sp => sp.GetRequiredService<SessionReminders>().SendDueAsync(CancellationToken.None));
        return chats.Length == 0 ? sent : _bot.OutboxRows().Count(r => !before.Contains(r.Id) && chats.Contains(r.ChatKey));
    }

    private async Task<Session> ReloadAsync(long sessionId)
    {
        await using var db = _bot.Database.NewDb();
        return await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
    }

    private async Task<IReadOnlyList<Applicant>> RosterAsync(long sessionId)
    {
        await using var db = _bot.Database.NewDb();
        return await db.Applicants.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<IReadOnlyList<string>> ProblemsAsync(long sessionId, Language language)
    {
        var session = await ReloadAsync(sessionId);
        var minimum = _bot.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CollectiveOptions>>().Value.MinimumApplicants));
        var today = DateOnly.FromDateTime(_bot.Clock.GetUtcNow().ToOffset(Wib).DateTime);
        return RosterCheck.Problems(session, await RosterAsync(sessionId), await minimum, today, language);
    }
}
