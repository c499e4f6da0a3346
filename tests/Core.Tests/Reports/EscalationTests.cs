using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Timpora.Core.Conversations;
using Timpora.Core.Officers;
using Timpora.Core.Reports;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Reports;

public sealed class EscalationTests : IDisposable
{
    private const string DewiChat = "9101";
    private const string RinaChat = "9102";
    private const string BudiChat = "9103";
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private readonly LogCapture _logs = new();
    private readonly EngineHarness _bot;

    public EscalationTests()
    {
        _bot = new EngineHarness(configure: s => s.AddLogging(b => b.AddProvider(_logs)));
    }

    public void Dispose()
    {
        _bot.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task Sends_a_report_nobody_claimed_to_every_supervisor_after_four_office_hours_and_not_a_minute_earlier()
    {
        var report = await Filed.ReportAsync(_bot, photos: 1, pin: true);
        var dewi = await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        var rina = await _bot.EnrolOfficerAsync("Rina", OfficerRole.Supervisor, RinaChat);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        At(2026, 1, 5, 12, 59);
        var early = await SendDueAsync();
        At(2026, 1, 5, 13, 0);

        var sent = await SendDueAsync();

        Assert.Equal(0, early);
        Assert.Equal(2, sent);
        foreach (var chat in new[] { DewiChat, RinaChat })
        {
            var queued = _bot.Queued(chat);
            Assert.Equal(3, queued.Count);
            var card = queued[0].Text!;
            Assert.StartsWith(Texts.Format(Language.Indonesian, "Escalation.Waiting", report.Number, 4, "Senin, 5 Januari 2026, antara 09.00 dan 10.00"), card, StringComparison.Ordinal);
            Assert.Contains(Texts.Format(Language.Indonesian, "Triage.Card.Title", report.Number, "Bekerja tanpa izin"), card, StringComparison.Ordinal);
            Assert.Contains(Filed.Text, card, StringComparison.Ordinal);
            Assert.Contains($"v1:triage:claim:{report.Number}", queued[0].Payloads());
            Assert.Null(TelegramHtmlCheck.Problem(card));
            Assert.NotNull(queued[1].Location);
            Assert.NotNull(queued[2].PhotoBytes);
        }

        Assert.Empty(_bot.Queued(BudiChat));
        var keys = _bot.OutboxRows().Select(o => o.IdempotencyKey).OfType<string>().ToList();
        Assert.Equal([Escalations.Key(report.Id, dewi), Escalations.Key(report.Id, rina)], keys);
        Assert.Equal($"report:{report.Id}:escalate:{dewi}", keys[0]);
        Assert.Equal(new DateTime(2026, 1, 5, 6, 0, 0, DateTimeKind.Utc), Filed.Reload(_bot, report.Id).EscalatedAt);
    }

    [Fact]
    public async Task Sends_it_once_however_often_it_runs()
    {
        await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        At(2026, 1, 5, 13, 0);
        await SendDueAsync();
        var rows = _bot.OutboxRows().Count;

        At(2026, 1, 5, 13, 5);
        var second = await SendDueAsync();
        At(2026, 1, 7, 10, 0);
        var later = await SendDueAsync();

        Assert.Equal(0, second);
        Assert.Equal(0, later);
        Assert.Equal(rows, _bot.OutboxRows().Count);
    }

    [Fact]
    public async Task Sends_nothing_twice_when_a_second_run_read_the_report_before_the_first_marked_it()
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        At(2026, 1, 5, 13, 0);
        await SendDueAsync();

        // As if another instance had read the report as unescalated: only the messages' keys stand in its way.
        _bot.Database.Execute(FormattableString.Invariant($"UPDATE reports SET EscalatedAt = NULL WHERE Id = {report.Id}"));
        var again = await SendDueAsync();

        Assert.Equal(0, again);
        Assert.Single(_bot.Queued(DewiChat), m => m.Text is not null);
    }

    [Fact]
    public async Task Counts_only_office_hours_from_Friday_afternoon_to_Monday_morning()
    {
        At(2026, 1, 9, 14, 0);
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        var sentEarly = 0;
        foreach (var at in new[] { (9, 18, 0), (10, 10, 0), (11, 23, 0), (12, 8, 59) })
        {
            At(2026, 1, at.Item1, at.Item2, at.Item3);
            sentEarly += await SendDueAsync();
        }

        At(2026, 1, 12, 9, 0);
        var sent = await SendDueAsync();

        Assert.Equal(0, sentEarly);
        Assert.Equal(1, sent);
        Assert.StartsWith(
            Texts.Format(Language.Indonesian, "Escalation.Waiting", report.Number, 4, "Jumat, 9 Januari 2026, antara 14.00 dan 15.00"),
            _bot.Queued(DewiChat)[0].Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Takes_the_wait_from_configuration()
    {
        using var bot = new EngineHarness(reports: new ReportsOptions { DutyChat = Some.DutyGroup, EscalateAfterOfficeHours = 1.5 });
        bot.Clock.Set(new DateTimeOffset(2026, 1, 5, 15, 0, 0, Wib));
        await Filed.ReportAsync(bot);
        await bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        bot.Clock.Set(new DateTimeOffset(2026, 1, 6, 7, 59, 0, Wib));
        var early = await bot.InScopeAsync(sp => sp.GetRequiredService<Escalations>().SendDueAsync(CancellationToken.None));
        bot.Clock.Set(new DateTimeOffset(2026, 1, 6, 8, 0, 0, Wib));

        var sent = await bot.InScopeAsync(sp => sp.GetRequiredService<Escalations>().SendDueAsync(CancellationToken.None));

        Assert.Equal(0, early);
        Assert.Equal(1, sent);
        Assert.StartsWith("⏰ <b>Belum ada yang menangani laporan", bot.Queued(DewiChat)[0].Text, StringComparison.Ordinal);
        Assert.Contains("sekitar 1,5 jam kerja", bot.Queued(DewiChat)[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaves_a_claimed_or_already_moved_report_alone()
    {
        var claimed = await Filed.ReportAsync(_bot);
        var verified = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            Assert.True((await db.Reports.SingleAsync(r => r.Id == claimed.Id)).Claim(budi));
            Assert.True((await db.Reports.SingleAsync(r => r.Id == verified.Id)).MoveTo(ReportStatus.Verified));
            await db.SaveChangesAsync();
        });
        At(2026, 1, 6, 15, 0);

        var sent = await SendDueAsync();

        Assert.Equal(0, sent);
        Assert.Empty(_bot.Queued(DewiChat));
        Assert.Null(Filed.Reload(_bot, claimed.Id).EscalatedAt);
        Assert.Null(Filed.Reload(_bot, verified.Id).EscalatedAt);
    }

    [Fact]
    public async Task Waits_for_a_supervisor_to_enrol_and_warns_without_ids_meanwhile()
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var removed = await _bot.EnrolOfficerAsync("Yanto", OfficerRole.Supervisor, "9104");
        await _bot.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Core.Officers.Officers>().RemoveAsync(removed, CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });
        At(2026, 1, 5, 13, 0);

        var nobody = await SendDueAsync();
        var marked = Filed.Reload(_bot, report.Id).EscalatedAt;
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, DewiChat);
        At(2026, 1, 5, 13, 5);
        var sent = await SendDueAsync();

        Assert.Equal(0, nobody);
        Assert.Null(marked);
        Assert.Equal(1, sent);
        Assert.NotEmpty(_bot.Queued(DewiChat));
        Assert.Empty(_bot.Queued("9104"));
        Assert.Empty(_bot.Queued(BudiChat));
        var warning = Assert.Single(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains("no supervisor is enrolled", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Number, warning, StringComparison.Ordinal);
        var log = string.Join('\n', _logs.Lines);
        foreach (var secret in new[] { DewiChat, BudiChat, "Dewi", Filed.Text })
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }
    }

    private Task<int> SendDueAsync() =>
        _bot.InScopeAsync(sp => sp.GetRequiredService<Escalations>().SendDueAsync(CancellationToken.None));

    private void At(int year, int month, int day, int hour, int minute) =>
        _bot.Clock.Set(new DateTimeOffset(year, month, day, hour, minute, 0, Wib));
}
