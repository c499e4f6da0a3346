using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Collective;

public sealed class SessionDeskTests
{
    private const Language Id = Language.Indonesian;
    private const Language En = Language.English;

    [Fact]
    public async Task Sends_each_supervisor_the_request_card_with_its_buttons_and_the_pin()
    {
        using var o = new OfficeScene();
        await o.StaffAsync();

        var code = await o.RequestAsync(OfficeScene.EnglishCoordinator, En);

        foreach (var supervisor in new[] { OfficeScene.Dewi, OfficeScene.Sari })
        {
            var sent = o.Bot.Queued(supervisor);
            Assert.Equal(2, sent.Count);
            Assert.Equal(
                string.Join(
                    '\n',
                    $"📋 <b>Permohonan sesi paspor kolektif {code}</b>",
                    "Lembaga: Biro perjalanan umrah (PPIU) — PT Amanah Wisata",
                    "Koordinator: Haji Ahmad, +62 811-1111-1111",
                    "Keperluan: Umrah, perkiraan 40 pemohon",
                    "Alamat/wilayah: Kota Serang",
                    "Tempat: Aula Masjid Agung",
                    "Fasilitas: listrik, meja dan koneksi internet dikonfirmasi koordinator",
                    "Peta: https://www.google.com/maps/search/?api=1&amp;query=-6.12,106.15",
                    "Tanggal yang diminta:",
                    "• Selasa, 20 Januari 2026, pagi",
                    "• Rabu, 21 Januari 2026, siang"),
                sent[0].Text);
            Assert.Equal(["✅ Setujui", "📅 Usulkan tanggal lain", "❌ Tolak"], sent[0].Labels());
            Assert.Equal([$"v1:ses:app:{code}", $"v1:ses:alt:{code}", $"v1:ses:dec:{code}"], sent[0].Payloads());
            Assert.Equal(OfficeScene.Venue, sent[1].Location);
            Assert.Null(sent[1].Text);
        }

        Assert.Empty(o.Bot.Queued(OfficeScene.Budi));
        Assert.Empty(o.Bot.Queued(OfficeScene.Rudi));
        Assert.Empty(o.Bot.Queued(OfficeScene.EnglishCoordinator));
        Assert.DoesNotContain(o.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sends_every_officer_the_card_when_no_supervisor_is_enrolled_and_warns_with_a_count_only()
    {
        using var o = new OfficeScene(supervisors: false);
        await o.StaffAsync();

        var code = await o.RequestAsync();

        foreach (var officer in new[] { OfficeScene.Dewi, OfficeScene.Sari, OfficeScene.Budi, OfficeScene.Rudi })
        {
            var sent = o.Bot.Queued(officer);
            Assert.Equal(2, sent.Count);
            Assert.StartsWith(Texts.Format(Id, "Session.Card.Heading", code), sent[0].Text, StringComparison.Ordinal);
            Assert.Equal([$"v1:ses:app:{code}", $"v1:ses:alt:{code}", $"v1:ses:dec:{code}"], sent[0].Payloads());
        }

        var warning = Assert.Single(o.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains("4 active officers", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(code, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaves_out_the_pin_map_and_address_lines_when_the_request_has_none()
    {
        using var o = new OfficeScene();
        await o.StaffAsync();

        var code = await o.RequestAsync(address: null, pinned: false);

        var card = Assert.Single(o.Bot.Queued(OfficeScene.Dewi));
        Assert.DoesNotContain("Alamat/wilayah", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Peta:", card.Text, StringComparison.Ordinal);
        Assert.Contains("Tempat: Aula Masjid Agung", card.Text, StringComparison.Ordinal);
        Assert.Equal(3, card.Buttons.Count);
        Assert.Null(card.Location);
        Assert.Contains(code, card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loses_no_request_when_nobody_is_enrolled_yet()
    {
        using var o = new OfficeScene();

        await o.RequestAsync();

        Assert.Empty(o.Bot.OutboxRows());
        Assert.Contains(o.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("0 active officers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_approved_session_tells_the_office_its_officers_and_applicants_and_withdraws_what_waits()
    {
        using var o = new OfficeScene();
        await o.StaffAsync();
        var code = await o.RequestAsync();
        await o.JoinAsync(code, OfficeScene.SitiNik, PassportKind.New, OfficeScene.Siti, Id);
        await o.JoinAsync(code, OfficeScene.JohnNik, PassportKind.New, OfficeScene.John, En);
        await o.ApproveAsync(code, OfficeScene.Dewi, "20260120M", "0900", o.BudiId);
        var approvedNotices = o.KeyedRows().Count;
        Assert.True(approvedNotices > 0);

        await o.CancelAsync(code);

        var session = await o.SessionAsync(code);
        var keyed = o.KeyedRows();
        Assert.All(keyed, r => Assert.Contains(":cancelled:", r.IdempotencyKey, StringComparison.Ordinal));
        Assert.All(keyed, r => Assert.StartsWith(Sessions.KeyPrefix(session.Id), r.IdempotencyKey, StringComparison.Ordinal));
        var note = Texts.Format(Id, "Session.Staff.CancelledOn", code, OfficeScene.Organisation, "Selasa, 20 Januari 2026");
        Assert.Equal([note], o.Notices(OfficeScene.Dewi).Select(m => m.Text));
        Assert.Equal([note], o.Notices(OfficeScene.Sari).Select(m => m.Text));
        Assert.Equal([note], o.Notices(OfficeScene.Budi).Select(m => m.Text));
        Assert.Empty(o.Notices(OfficeScene.Rudi));
        Assert.Equal(
            [Texts.Format(Id, "Session.Applicant.Cancelled", code, OfficeScene.Organisation, Some.OfficeAddress, Some.OfficePhone)],
            o.Notices(OfficeScene.Siti).Select(m => m.Text));
        Assert.Equal(
            [Texts.Format(En, "Session.Applicant.Cancelled", code, OfficeScene.Organisation, Some.OfficeAddress, Some.OfficePhone)],
            o.Notices(OfficeScene.John).Select(m => m.Text));
        Assert.Empty(o.Notices(OfficeScene.Coordinator));
        Assert.StartsWith(Sessions.ApplicantKeyPrefix(session.Id, 1), o.KeyedRows().Single(r => r.ChatKey == OfficeScene.Siti).IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_what_was_already_sent_when_a_session_is_cancelled()
    {
        using var o = new OfficeScene();
        await o.StaffAsync();
        var code = await o.RequestAsync();
        await o.ApproveAsync(code, OfficeScene.Dewi, "20260120M", "0900", o.BudiId);
        o.Bot.MarkOutboxSent();

        await o.CancelAsync(code);

        Assert.Contains(o.Bot.OutboxRows(), r => r.Status == OutboxStatus.Sent && r.IdempotencyKey?.Contains(":approved:", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_request_cancelled_while_a_proposal_waits_does_not_tell_the_officers_offered_that_they_need_not_go()
    {
        using var o = new OfficeScene();
        await o.StaffAsync();
        var code = await o.RequestAsync();
        await o.ProposeAsync(code, OfficeScene.Dewi, "22/1", "0900", o.BudiId);
        var rows = o.LastOutboxId();

        await o.CancelAsync(code);

        var note = Texts.Format(Id, "Session.Staff.Cancelled", code, OfficeScene.Organisation);
        Assert.Equal([note], o.Since(rows, OfficeScene.Dewi).Select(m => m.Text));
        Assert.Equal([note], o.Since(rows, OfficeScene.Sari).Select(m => m.Text));
        Assert.Empty(o.Since(rows, OfficeScene.Budi));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Withdrawing_by_the_roster_button_tells_the_officers_only_of_an_approved_session(bool approved)
    {
        using var o = new OfficeScene();
        await o.StaffAsync();
        var code = await o.RequestAsync();
        if (approved)
        {
            await o.ApproveAsync(code, OfficeScene.Dewi, "20260120M", "0900", o.BudiId);
        }
        else
        {
            await o.ProposeAsync(code, OfficeScene.Dewi, "22/1", "0900", o.BudiId);
        }

        var rows = o.LastOutboxId();

        await o.PressAsync($"v1:roster:cancelok:{code}", OfficeScene.Coordinator);

        Assert.Equal(SessionStatus.Cancelled, (await o.SessionAsync(code)).Status);
        var told = o.Since(rows, OfficeScene.Budi).Select(m => m.Text);
        Assert.Equal(approved ? [Texts.Format(Id, "Session.Staff.CancelledOn", code, OfficeScene.Organisation, "Selasa, 20 Januari 2026")] : [], told);
    }

    [Fact]
    public async Task A_cancelled_request_never_scheduled_tells_only_the_office_and_the_applicants()
    {
        using var o = new OfficeScene();
        await o.StaffAsync();
        var code = await o.RequestAsync();
        await o.JoinAsync(code, OfficeScene.SitiNik, PassportKind.New, OfficeScene.Siti, Id);
        await o.JoinAsync(code, OfficeScene.CsvNik, PassportKind.New, chat: null, Id);

        await o.CancelAsync(code);

        var note = Texts.Format(Id, "Session.Staff.Cancelled", code, OfficeScene.Organisation);
        Assert.Equal([note], o.Notices(OfficeScene.Dewi).Select(m => m.Text));
        Assert.Equal([note], o.Notices(OfficeScene.Sari).Select(m => m.Text));
        Assert.Empty(o.Notices(OfficeScene.Budi));
        Assert.Single(o.Notices(OfficeScene.Siti));
        Assert.Equal(3, o.KeyedRows().Count);
    }
}
