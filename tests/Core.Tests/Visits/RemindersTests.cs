using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;

namespace Timpora.Core.Tests.Visits;

public sealed class RemindersTests : IDisposable
{
    private const string Citizen = "2001";
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly DateOnly Monday = new(2026, 1, 5);
    private static readonly DateOnly Tuesday = new(2026, 1, 6);
    private static readonly DateOnly Wednesday = new(2026, 1, 7);
    private static readonly Slot TuesdayMorning = new(Tuesday, new(9, 0), new(11, 0));
    private static readonly Slot WednesdayAfternoon = new(Wednesday, new(13, 0), new(15, 0));

    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Reminds_the_evening_before_at_six_and_not_a_minute_earlier()
    {
        var visit = await BookAsync(TuesdayMorning, Language.Indonesian);
        At(Monday, 17, 59);
        var early = await SendDueAsync();
        At(Monday, 18, 0);

        var sent = await SendDueAsync();

        Assert.Equal(0, early);
        Assert.Equal(1, sent);
        var reminder = Assert.Single(_bot.Queued(Citizen)).Text!;
        Assert.StartsWith("🔔 <b>Pengingat: petugas imigrasi datang besok</b>", reminder, StringComparison.Ordinal);
        Assert.Contains($"Kode: <b>{visit.Code}</b>", reminder, StringComparison.Ordinal);
        Assert.Contains("Waktu: Selasa, 6 Januari 2026, 09.00–11.00 WIB", reminder, StringComparison.Ordinal);
        Assert.Contains("Tempat: RSUD Serang, Ruang &lt;Melati&gt; 3 (Kota Serang)", reminder, StringComparison.Ordinal);
        Assert.Contains("Mohon HP tetap aktif", reminder, StringComparison.Ordinal);
        Assert.EndsWith(Checklist.For(VisitService.NewPassport, Language.Indonesian), reminder, StringComparison.Ordinal);
        Assert.Null(TelegramHtmlCheck.Problem(reminder));
        Assert.Equal(VisitNotices.ReminderKey(visit.Id, ReminderStage.EveningBefore, TuesdayMorning), Assert.Single(_bot.OutboxRows()).IdempotencyKey);
        Assert.Equal(ReminderStage.EveningBefore, (await ReloadAsync(visit.Id)).Reminded);
    }

    [Fact]
    public async Task Reminds_two_hours_before_the_window_and_not_earlier()
    {
        var visit = await BookAsync(TuesdayMorning, Language.Indonesian);
        At(Monday, 18, 0);
        await SendDueAsync();
        At(Tuesday, 6, 59);
        var early = await SendDueAsync();
        At(Tuesday, 7, 0);

        var sent = await SendDueAsync();

        Assert.Equal(0, early);
        Assert.Equal(1, sent);
        var reminder = _bot.Queued(Citizen)[^1].Text!;
        Assert.StartsWith("🔔 <b>Petugas imigrasi datang sekitar 2 jam lagi</b>", reminder, StringComparison.Ordinal);
        Assert.Contains(visit.Code, reminder, StringComparison.Ordinal);
        Assert.Contains("Selasa, 6 Januari 2026, 09.00–11.00 WIB", reminder, StringComparison.Ordinal);
        Assert.Equal(VisitNotices.ReminderKey(visit.Id, ReminderStage.HoursBefore, TuesdayMorning), _bot.OutboxRows()[^1].IdempotencyKey);
        Assert.Equal(ReminderStage.HoursBefore, (await ReloadAsync(visit.Id)).Reminded);
    }

    [Fact]
    public async Task Reminds_each_visit_on_its_own_time()
    {
        var morning = await BookAsync(TuesdayMorning, Language.Indonesian);
        var afternoon = await BookAsync(new Slot(Tuesday, new(13, 0), new(15, 0)), Language.Indonesian);
        At(Monday, 18, 0);
        var evening = await SendDueAsync();
        At(Tuesday, 7, 0);
        var beforeMorning = await SendDueAsync();
        At(Tuesday, 11, 0);

        var beforeAfternoon = await SendDueAsync();

        Assert.Equal(2, evening);
        Assert.Equal(1, beforeMorning);
        Assert.Equal(1, beforeAfternoon);
        Assert.Equal(
            [
                VisitNotices.ReminderKey(morning.Id, ReminderStage.EveningBefore, morning.Slot),
                VisitNotices.ReminderKey(afternoon.Id, ReminderStage.EveningBefore, afternoon.Slot),
                VisitNotices.ReminderKey(morning.Id, ReminderStage.HoursBefore, morning.Slot),
                VisitNotices.ReminderKey(afternoon.Id, ReminderStage.HoursBefore, afternoon.Slot),
            ],
            _bot.OutboxRows().Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task Reminds_in_the_language_the_citizen_booked_in()
    {
        var visit = await BookAsync(TuesdayMorning, Language.English);
        At(Monday, 18, 0);
        await SendDueAsync();
        At(Tuesday, 7, 0);
        await SendDueAsync();

        var reminders = _bot.Queued(Citizen).Select(m => m.Text!).ToList();

        Assert.Equal(2, reminders.Count);
        Assert.StartsWith("🔔 <b>Reminder: immigration officers come tomorrow</b>", reminders[0], StringComparison.Ordinal);
        Assert.StartsWith("🔔 <b>Immigration officers come in about 2 hours</b>", reminders[1], StringComparison.Ordinal);
        Assert.All(reminders, r =>
        {
            Assert.Contains($"Code: <b>{visit.Code}</b>", r, StringComparison.Ordinal);
            Assert.Contains("Tuesday, 6 January 2026, 09.00–11.00 WIB", r, StringComparison.Ordinal);
            Assert.Contains("keep your phone on", r, StringComparison.Ordinal);
            Assert.EndsWith(Checklist.For(VisitService.NewPassport, Language.English), r, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Sends_only_the_last_reminder_after_being_down_through_the_evening()
    {
        var visit = await BookAsync(TuesdayMorning, Language.Indonesian);
        At(Monday, 17, 0);
        await SendDueAsync();
        At(Tuesday, 7, 30);

        var sent = await SendDueAsync();

        Assert.Equal(1, sent);
        Assert.Equal(VisitNotices.ReminderKey(visit.Id, ReminderStage.HoursBefore, TuesdayMorning), Assert.Single(_bot.OutboxRows()).IdempotencyKey);
        Assert.Equal(ReminderStage.HoursBefore, (await ReloadAsync(visit.Id)).Reminded);
    }

    [Fact]
    public async Task Does_not_say_tomorrow_on_the_day_itself()
    {
        await BookAsync(TuesdayMorning, Language.Indonesian);
        At(Tuesday, 5, 0);

        var sent = await SendDueAsync();

        Assert.Equal(0, sent);
        Assert.Empty(_bot.OutboxRows());
    }

    [Theory]
    [InlineData(9, 0)]
    [InlineData(9, 30)]
    [InlineData(12, 0)]
    public async Task Sends_nothing_once_the_window_has_begun(int hour, int minute)
    {
        await BookAsync(TuesdayMorning, Language.Indonesian);
        At(Monday, 17, 0);
        await SendDueAsync();
        At(Tuesday, hour, minute);

        var sent = await SendDueAsync();

        Assert.Equal(0, sent);
        Assert.Empty(_bot.OutboxRows());
    }

    [Fact]
    public async Task Sends_nothing_twice()
    {
        await BookAsync(TuesdayMorning, Language.Indonesian);
        At(Monday, 18, 0);
        await SendDueAsync();
        _bot.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await SendDueAsync();

        Assert.Equal(0, again);
        Assert.Single(_bot.OutboxRows());
    }

    [Fact]
    public async Task Sends_nothing_twice_when_another_run_queued_it_first()
    {
        var visit = await BookAsync(TuesdayMorning, Language.Indonesian);
        At(Monday, 18, 0);
        await SendDueAsync();
        await ChangeAsync(visit.Id, v => v.MarkReminded(ReminderStage.None, _bot.Clock.GetUtcNow().UtcDateTime));

        var again = await SendDueAsync();

        Assert.Equal(0, again);
        Assert.Single(_bot.OutboxRows());
    }

    [Fact]
    public async Task Sends_nothing_for_a_cancelled_visit()
    {
        var visit = await BookAsync(TuesdayMorning, Language.Indonesian);
        await CancelAsync(visit.Id);
        At(Monday, 18, 0);
        var evening = await SendDueAsync();
        At(Tuesday, 7, 0);

        var soon = await SendDueAsync();

        Assert.Equal(0, evening);
        Assert.Equal(0, soon);
        Assert.Empty(_bot.OutboxRows());
    }

    [Fact]
    public async Task Withdraws_a_queued_evening_reminder_when_the_visit_is_cancelled()
    {
        var visit = await BookAsync(TuesdayMorning, Language.Indonesian);
        At(Monday, 18, 0);
        await SendDueAsync();
        Assert.Single(_bot.OutboxRows(), r => r.Status == OutboxStatus.Pending);

        await CancelAsync(visit.Id);

        Assert.DoesNotContain(_bot.OutboxRows(), r => r.IdempotencyKey?.StartsWith(VisitNotices.KeyPrefix(visit.Id), StringComparison.Ordinal) == true);
        At(Tuesday, 7, 0);
        Assert.Equal(0, await SendDueAsync());
    }

    [Fact]
    public async Task Follows_a_visit_to_its_new_window()
    {
        var visit = await BookAsync(TuesdayMorning, Language.Indonesian);
        At(Monday, 18, 0);
        await SendDueAsync();
        _bot.MarkOutboxSent();
        At(Monday, 19, 0);
        await MoveAsync(visit.Id, WednesdayAfternoon);
        At(Tuesday, 7, 0);
        var oldWindow = await SendDueAsync();
        At(Tuesday, 18, 0);
        var evening = await SendDueAsync();
        At(Wednesday, 11, 0);

        var soon = await SendDueAsync();

        Assert.Equal(0, oldWindow);
        Assert.Equal(1, evening);
        Assert.Equal(1, soon);
        Assert.Equal(
            [
                VisitNotices.ReminderKey(visit.Id, ReminderStage.EveningBefore, TuesdayMorning),
                VisitNotices.ReminderKey(visit.Id, ReminderStage.EveningBefore, WednesdayAfternoon),
                VisitNotices.ReminderKey(visit.Id, ReminderStage.HoursBefore, WednesdayAfternoon),
            ],
            _bot.OutboxRows().Select(r => r.IdempotencyKey));
        Assert.All(_bot.Queued(Citizen), m => Assert.Contains("Rabu, 7 Januari 2026, 13.00–15.00 WIB", m.Text, StringComparison.Ordinal));
    }

    private void At(DateOnly date, int hour, int minute) =>
        _bot.Clock.Set(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), Wib));

    private Task<int> SendDueAsync() =>
        _bot.InScopeAsync(sp => sp.GetRequiredService<Reminders>().SendDueAsync(CancellationToken.None));

    private async Task<Visit> ReloadAsync(long id)
    {
        await using var db = _bot.Database.NewDb();
        return await db.Visits.AsNoTracking().SingleAsync(v => v.Id == id);
    }

    private Task ChangeAsync(long id, Action<Visit> change) =>
        _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            change(await db.Visits.SingleAsync(v => v.Id == id));
            await db.SaveChangesAsync();
        });

    private Task CancelAsync(long id) =>
        _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            var visit = await db.Visits.SingleAsync(v => v.Id == id);
            await sp.GetRequiredService<Bookings>().CancelAsync(visit, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await db.SaveChangesAsync();
        });

    private Task MoveAsync(long id, Slot slot) =>
        _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            var visit = await db.Visits.SingleAsync(v => v.Id == id);
            Assert.Null(await sp.GetRequiredService<Bookings>().MoveAsync(visit, slot, _bot.Clock.GetUtcNow(), CancellationToken.None));
            await db.SaveChangesAsync();
        });

    /// <summary>Books on Monday morning, a day ahead, as the lead time asks.</summary>
    private Task<Visit> BookAsync(Slot slot, Language language)
    {
        At(Monday, 8, 0);
        return _bot.InScopeAsync(async sp =>
        {
            var facts = new VisitFacts(
                VisitReason.Bedridden, null, VisitService.NewPassport, 1, new GeoPoint(-6.12, 106.15), "Kota Serang",
                "RSUD Serang, Ruang <Melati> 3", "Siti Aminah", "3604014101900003", "+6281234567890", null);
            var booked = await sp.GetRequiredService<Bookings>().BookAsync(EngineHarness.Address(Citizen), language, facts, slot, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return booked.Visit ?? throw new InvalidOperationException($"Could not book {slot.Key}: {booked.Problem}");
        });
    }
}
