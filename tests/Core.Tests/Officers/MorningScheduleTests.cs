using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;

namespace Timpora.Core.Tests.Officers;

public sealed class MorningScheduleTests : IDisposable
{
    private const string BudiChat = "9001";
    private const string SariChat = "9002";
    private const string DewiChat = "9003";
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>Tuesday 6 January 2026, a working day.</summary>
    private static readonly DateOnly Tuesday = new(2026, 1, 6);

    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Sends_each_officer_the_day_with_their_stops_at_six()
    {
        var visits = await BookTuesdayAsync();
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        At(Tuesday, 6, 0);

        var sent = await SendDueAsync();

        Assert.Equal(2, sent);
        var budi = _bot.Queued(BudiChat);
        var sari = _bot.Queued(SariChat);
        Assert.StartsWith("☀️ <b>Jadwal Jemput Bola</b>\nSelasa, 6 Januari 2026", budi[0].Text, StringComparison.Ordinal);
        Assert.Contains("Selamat pagi, Budi.", budi[0].Text, StringComparison.Ordinal);
        Assert.Equal(visits.Count + 2, budi.Count + sari.Count);
        var codes = budi.Skip(1).Concat(sari.Skip(1)).Select(c => c.Text![(c.Text!.IndexOf("JB-", StringComparison.Ordinal))..][..9]);
        Assert.Equal(visits.Values.Order(), codes.Order());
        Assert.Contains($"<b>{budi.Count - 1}</b> kunjungan", budi[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("<b>1. 09.00–11.00</b> · JB-", budi[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waits_until_six()
    {
        await BookTuesdayAsync();
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        At(Tuesday, 5, 59);

        var sent = await SendDueAsync();

        Assert.Equal(0, sent);
        Assert.Empty(_bot.OutboxRows());
    }

    [Theory]
    [InlineData("2026-01-10")]
    [InlineData("2026-01-11")]
    [InlineData("2026-01-16")]
    public async Task Sends_nothing_on_a_weekend_or_a_holiday(string date)
    {
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        At(day, 6, 0);

        var sent = await SendDueAsync();

        Assert.Equal(0, sent);
        Assert.Empty(_bot.OutboxRows());
    }

    [Fact]
    public async Task Knows_the_sixteenth_of_January_is_a_holiday()
    {
        var calendar = await _bot.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<WorkingCalendar>()));

        Assert.NotNull(calendar.HolidayOn(new DateOnly(2026, 1, 16)));
        Assert.True(calendar.IsWorkingDay(Tuesday));
    }

    [Fact]
    public async Task Sends_nothing_on_a_day_a_supervisor_closed()
    {
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            db.ClosedDays.Add(new ClosedDay(Tuesday, 1, _bot.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });
        At(Tuesday, 6, 0);

        var sent = await SendDueAsync();

        Assert.Equal(0, sent);
        Assert.Empty(_bot.OutboxRows());
    }

    [Fact]
    public async Task Catches_up_when_the_service_starts_later_in_the_morning()
    {
        await BookTuesdayAsync();
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        At(Tuesday, 10, 0);

        var sent = await SendDueAsync();

        Assert.Equal(1, sent);
        Assert.Equal(4, _bot.Queued(BudiChat).Count);
    }

    [Theory]
    [InlineData(16, 0)]
    [InlineData(20, 0)]
    public async Task Sends_nothing_once_the_office_has_closed(int hour, int minute)
    {
        await BookTuesdayAsync();
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        At(Tuesday, hour, minute);

        var sent = await SendDueAsync();

        Assert.Equal(0, sent);
        Assert.Empty(_bot.OutboxRows());
    }

    [Fact]
    public async Task Sends_nothing_twice()
    {
        await BookTuesdayAsync();
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        At(Tuesday, 6, 0);
        await SendDueAsync();
        var rows = _bot.OutboxRows().Count;
        _bot.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await SendDueAsync();

        Assert.Equal(0, again);
        Assert.Equal(rows, _bot.OutboxRows().Count);
        Assert.Equal(5, rows);
    }

    [Fact]
    public async Task Tells_a_new_officer_who_enrolled_after_the_first_run_and_nobody_else()
    {
        await BookTuesdayAsync();
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        At(Tuesday, 6, 0);
        await SendDueAsync();
        await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        _bot.Clock.Advance(TimeSpan.FromHours(2));

        var sent = await SendDueAsync();

        Assert.Equal(1, sent);
        Assert.Equal(4, _bot.Queued(BudiChat).Count);
        Assert.Contains("tidak ada kunjungan", Assert.Single(_bot.Queued(SariChat)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gives_the_supervisor_an_overview_of_who_goes_where()
    {
        await BookTuesdayAsync();
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.EnrolOfficerAsync("Sari <Tim 2>", OfficerRole.Officer, SariChat);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        At(Tuesday, 6, 0);

        var sent = await SendDueAsync();

        Assert.Equal(3, sent);
        var overview = Assert.Single(_bot.Queued(DewiChat)).Text!;
        Assert.StartsWith("📋 <b>Ringkasan Jemput Bola</b>\nSelasa, 6 Januari 2026", overview, StringComparison.Ordinal);
        Assert.Matches(@"• Budi: \d kunjungan, \d pemohon", overview);
        Assert.Matches(@"• Sari &lt;Tim 2&gt;: \d kunjungan, \d pemohon", overview);
        Assert.Contains("Jumlah: <b>3</b> kunjungan, <b>4</b> pemohon.", overview, StringComparison.Ordinal);
        Assert.Null(TelegramHtmlCheck.Problem(overview));
        Assert.Contains(_bot.OutboxRows(), r => r.IdempotencyKey == $"schedule:20260106:overview:3");
    }

    [Fact]
    public async Task Puts_the_pin_and_the_outcome_buttons_on_every_stop()
    {
        var visits = await BookTuesdayAsync();
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        At(Tuesday, 6, 0);

        await SendDueAsync();

        var cards = _bot.Queued(BudiChat).Skip(1).ToList();
        Assert.Equal(3, cards.Count);
        var keyed = _bot.OutboxRows().Where(r => r.ChatKey == BudiChat).Select(r => r.IdempotencyKey);
        Assert.Equal([.. Enumerable.Range(0, 4).Select(n => $"schedule:20260106:{budi}:{n}")], keyed);
        foreach (var card in cards)
        {
            var id = visits.Single(v => card.Text!.Contains(v.Value, StringComparison.Ordinal)).Key;
            Assert.Equal([$"v1:duty:done:{id}", $"v1:duty:na:{id}", $"v1:duty:again:{id}"], card.Payloads());
            Assert.Equal(["✅ Selesai", "🚫 Tidak ada di tempat", "📅 Perlu tanggal lain"], card.Labels());
            Assert.All(card.Buttons, row => Assert.InRange(row.Count, 1, 2));
            Assert.Null(TelegramHtmlCheck.Problem(card.Text!));
        }

        Assert.Equal(new GeoPoint(-6.11, 106.18), cards[0].Location);
        Assert.Contains("https://www.google.com/maps/search/?api=1&amp;query=-6.11,106.18", cards[0].Text, StringComparison.Ordinal);
        Assert.Contains("📞 +62 812-3456-7890", cards[0].Text, StringComparison.Ordinal);
        Assert.Contains("🙍 Pemohon: Siti &lt;Ibu&gt; &amp; anak", cards[0].Text, StringComparison.Ordinal);
        Assert.Null(cards[2].Location);
        Assert.DoesNotContain("google.com", cards[2].Text, StringComparison.Ordinal);
        Assert.Contains("🏠 Jl. Ahmad Yani No. 1, Kota Serang", cards[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lets_a_supervisor_who_goes_out_hand_a_stop_on()
    {
        var visits = await BookTuesdayAsync();
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        At(Tuesday, 6, 0);

        await SendDueAsync();

        var queued = _bot.Queued(DewiChat);
        Assert.Equal(5, queued.Count);
        var card = queued[1];
        var id = visits.Single(v => card.Text!.Contains(v.Value, StringComparison.Ordinal)).Key;
        Assert.Equal([$"v1:duty:done:{id}", $"v1:duty:na:{id}", $"v1:duty:again:{id}", $"v1:duty:move:{id}"], card.Payloads());
        Assert.Equal(2, card.Buttons.Count);
        Assert.Contains("Ringkasan", queued[^1].Text, StringComparison.Ordinal);
    }

    private void At(DateOnly date, int hour, int minute) =>
        _bot.Clock.Set(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), Wib));

    private Task<int> SendDueAsync() =>
        _bot.InScopeAsync(sp => sp.GetRequiredService<MorningSchedule>().SendDueAsync(CancellationToken.None));

    /// <summary>Three visits for Tuesday, booked on Monday morning: two pinned in the morning, one typed in the afternoon.</summary>
    private async Task<Dictionary<long, string>> BookTuesdayAsync()
    {
        At(Tuesday.AddDays(-1), 8, 0);
        var morning = new Slot(Tuesday, new(9, 0), new(11, 0));
        var afternoon = new Slot(Tuesday, new(13, 0), new(15, 0));
        var visits = new Dictionary<long, string>();
        foreach (var (slot, point, applicants) in new (Slot, GeoPoint?, int)[] { (morning, new(-6.11, 106.18), 1), (morning, new(-6.20, 106.18), 2), (afternoon, null, 1) })
        {
            var visit = await BookAsync(slot, point, applicants);
            visits.Add(visit.Id, visit.Code);
        }

        return visits;
    }

    private Task<Visit> BookAsync(Slot slot, GeoPoint? point, int applicants) =>
        _bot.InScopeAsync(async sp =>
        {
            var facts = new VisitFacts(
                VisitReason.InHospital, null, VisitService.NewPassport, applicants, point, point is null ? "Jl. Ahmad Yani No. 1, Kota Serang" : "Kota Serang",
                "RSUD Serang, Ruang Melati 3", "Siti <Ibu> & anak", "3604014101900003", "+6281234567890", null);
            var booked = await sp.GetRequiredService<Bookings>().BookAsync(EngineHarness.Address("2001"), Language.Indonesian, facts, slot, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return booked.Visit ?? throw new InvalidOperationException($"Could not book {slot.Key}: {booked.Problem}");
        });
}
