using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;

namespace Timpora.Core.Tests.Collective;

public sealed class SessionFlowTests : IDisposable
{
    private const Language Id = Language.Indonesian;
    private const Language En = Language.English;

    private readonly OfficeScene _o = new();

    public void Dispose() => _o.Dispose();

    // Approve

    [Theory]
    [InlineData(Language.Indonesian)]
    [InlineData(Language.English)]
    public async Task Approves_on_a_preferred_date_with_a_time_and_officers_and_tells_everyone(Language coordinatorLanguage)
    {
        await _o.StaffAsync();
        var coordinator = coordinatorLanguage == Id ? OfficeScene.Coordinator : OfficeScene.EnglishCoordinator;
        var code = await _o.RequestAsync(coordinator, coordinatorLanguage);
        await _o.JoinAsync(code, OfficeScene.SitiNik, PassportKind.New, OfficeScene.Siti, Id);
        await _o.JoinAsync(code, OfficeScene.JohnNik, PassportKind.Replacement, OfficeScene.John, En);
        await _o.JoinAsync(code, OfficeScene.CsvNik, PassportKind.New, chat: null, Id);

        var dates = await _o.PressAsync($"v1:ses:app:{code}");
        var times = await _o.PressAsync("v1:ses:a:date:20260120M");
        var team = await _o.SendAsync("9:30");
        var ticked = await _o.PressAsync($"v1:ses:a:team:t{_o.BudiId}");
        var summary = await _o.PressAsync("v1:ses:a:team:done");
        var done = await _o.PressAsync("v1:ses:ok");

        Assert.Equal(Texts.Format(Id, "Session.Ask.Preferred", code, OfficeScene.Organisation), Assert.Single(dates).Text);
        Assert.Equal(["Selasa, 20 Januari 2026, pagi", "Rabu, 21 Januari 2026, siang", "◀ Kembali", "✖ Batal"], dates[0].Labels());
        Assert.Equal(["v1:ses:a:date:20260120M", "v1:ses:a:date:20260121A", "v1:ses:back:date", "v1:ses:x"], dates[0].Payloads());
        Assert.Equal(Texts.Format(Id, "Session.Ask.Time", "Selasa, 20 Januari 2026"), Assert.Single(times).Text);
        Assert.Equal(["08.00", "08.30", "09.00", "09.30", "10.00", "◀ Kembali", "✖ Batal"], times[0].Labels());
        Assert.StartsWith(Texts.Format(Id, "Session.Ask.Team", "Selasa, 20 Januari 2026"), Assert.Single(team).Text, StringComparison.Ordinal);
        Assert.Equal(["Dewi", "Sari", "Budi", "Rudi", "Selesai", "◀ Kembali", "✖ Batal"], team[0].Labels());
        Assert.Equal(["Dewi", "Sari", "✓ Budi", "Rudi", "Selesai", "◀ Kembali", "✖ Batal"], Assert.Single(ticked).Labels());
        Assert.Contains(Texts.Format(Id, "Session.Team.Chosen", "Budi"), ticked[0].Text, StringComparison.Ordinal);
        Assert.Equal(
            Texts.Format(Id, "Session.Summary.Approve", code, OfficeScene.Organisation, "Selasa, 20 Januari 2026, pagi", "09.30", "09.00", "Budi"),
            Assert.Single(summary).Text);
        Assert.Equal([Texts.Format(Id, "Session.Approved.Done", code, "Selasa, 20 Januari 2026", "09.30", 1)], done.Said());
        Assert.Equal([$"v1:ses:stop:{code}"], done[0].Payloads());

        var session = await _o.SessionAsync(code);
        Assert.Equal(SessionStatus.Approved, session.Status);
        Assert.Equal(OfficeScene.Tuesday, session.Date);
        Assert.Equal(new TimeOnly(9, 30), session.Starts);
        Assert.Equal([_o.BudiId], await _o.OfficersOfAsync(session.Id));

        var day = WindowText.Day(OfficeScene.Tuesday, coordinatorLanguage);
        var toCoordinator = Assert.Single(_o.Notices(coordinator));
        Assert.Equal(Texts.Format(coordinatorLanguage, "Session.Coordinator.Approved", code, day, "09.30", 30, "09.00", 3), toCoordinator.Text);
        Assert.Contains(coordinatorLanguage == Id ? "/rombongan" : "/roster", toCoordinator.Text, StringComparison.Ordinal);

        var toBudi = _o.Notices(OfficeScene.Budi);
        Assert.Equal(2, toBudi.Count);
        Assert.Equal(
            Texts.Format(Id, "Session.Staff.Assigned", code, OfficeScene.Organisation, "Selasa, 20 Januari 2026", "09.30", "09.00", "Aula Masjid Agung, Kota Serang", "Haji Ahmad", "+62 811-1111-1111", 3),
            toBudi[0].Text);
        Assert.Equal(OfficeScene.Venue, toBudi[1].Location);
        Assert.Empty(_o.Notices(OfficeScene.Rudi));

        Assert.Equal(
            Texts.Format(Id, "Session.Applicant.Approved", code, OfficeScene.Organisation, "Selasa, 20 Januari 2026", "09.30", "Aula Masjid Agung, Kota Serang", SessionChecklist.For(PassportKind.New, SessionPurpose.Umrah, Id)),
            Assert.Single(_o.Notices(OfficeScene.Siti)).Text);
        Assert.Equal(
            Texts.Format(En, "Session.Applicant.Approved", code, OfficeScene.Organisation, "Tuesday, 20 January 2026", "09.30", "Aula Masjid Agung, Kota Serang", SessionChecklist.For(PassportKind.Replacement, SessionPurpose.Umrah, En)),
            Assert.Single(_o.Notices(OfficeScene.John)).Text);

        Assert.Equal(
            Texts.Format(Id, "Session.Staff.Approved", "Dewi", code, OfficeScene.Organisation, "Selasa, 20 Januari 2026", "09.30", 1),
            Assert.Single(_o.Notices(OfficeScene.Sari)).Text);
        Assert.Empty(_o.Notices(OfficeScene.Dewi));
        Assert.All(_o.KeyedRows(), r => Assert.StartsWith(Sessions.KeyPrefix(session.Id), r.IdempotencyKey, StringComparison.Ordinal));
        Assert.Null(_o.Bot.Conversation(OfficeScene.Dewi).Flow);
    }

    [Fact]
    public async Task Offers_afternoon_times_for_an_afternoon_date_and_refuses_an_unreadable_or_out_of_hours_time()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.PressAsync($"v1:ses:app:{code}");

        var times = await _o.PressAsync("v1:ses:a:date:20260121A");
        var tooLate = await _o.SendAsync("25.00");
        var words = await _o.SendAsync("jam sembilan");
        var early = await _o.SendAsync("06.00");
        var pressedForged = await _o.PressAsync("v1:ses:a:time:0500");
        var typed = await _o.SendAsync("13:15 WIB");

        Assert.Equal(["13.00", "13.30", "14.00", "14.30", "15.00", "◀ Kembali", "✖ Batal"], Assert.Single(times).Labels());
        Assert.Equal("v1:ses:a:time:1300", times[0].Payloads()[0]);
        Assert.Equal(Texts.Get(Id, "Session.Time.NotUnderstood"), tooLate[0].Text);
        Assert.Equal(Texts.Get(Id, "Session.Time.NotUnderstood"), words[0].Text);
        Assert.Equal(Texts.Format(Id, "Session.Time.Outside", "07.30", "16.00"), early[0].Text);
        Assert.Equal(Texts.Format(Id, "Session.Time.Outside", "07.30", "16.00"), pressedForged[0].Text);
        Assert.Equal(Texts.Format(Id, "Session.Ask.Time", "Rabu, 21 Januari 2026"), early[1].Text);
        Assert.StartsWith(Texts.Format(Id, "Session.Ask.Team", "Rabu, 21 Januari 2026"), Assert.Single(typed).Text, StringComparison.Ordinal);

        await _o.PressAsync($"v1:ses:a:team:t{_o.RudiId}");
        var summary = await _o.PressAsync("v1:ses:a:team:done");
        Assert.Equal(
            Texts.Format(Id, "Session.Summary.Approve", code, OfficeScene.Organisation, "Rabu, 21 Januari 2026, siang", "13.15", "12.45", "Rudi"),
            Assert.Single(summary).Text);
    }

    [Fact]
    public async Task Marks_a_preferred_date_the_office_closed_since_and_refuses_it()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.CloseDayAsync(OfficeScene.Wednesday);

        var dates = await _o.PressAsync($"v1:ses:app:{code}");
        var closed = await _o.PressAsync("v1:ses:a:date:20260121A");
        var notOffered = await _o.PressAsync("v1:ses:a:date:20260122M");

        var gone = Texts.Format(Id, "Session.Day.Closed", "Rabu, 21 Januari 2026");
        Assert.Equal(["Selasa, 20 Januari 2026, pagi", "✗ Rabu, 21 Januari 2026, siang", "◀ Kembali", "✖ Batal"], Assert.Single(dates).Labels());
        Assert.Equal(
            Texts.Format(Id, "Session.Ask.Preferred", code, OfficeScene.Organisation) + "\n\n" + Texts.Format(Id, "Session.Preferred.Gone", "Rabu, 21 Januari 2026, siang", gone),
            dates[0].Text);
        Assert.Equal(gone, closed[0].Text);
        Assert.Equal(Texts.Get(Id, "Form.PickOne"), notOffered[0].Text);
        Assert.Equal("date", StepOf(OfficeScene.Dewi));
    }

    [Fact]
    public async Task Says_when_no_preferred_date_is_possible_any_more_and_refuses_a_past_one()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.CloseDayAsync(OfficeScene.Wednesday);
        _o.At(OfficeScene.Tuesday, 8, 0);

        var dates = await _o.PressAsync($"v1:ses:app:{code}");
        var past = await _o.PressAsync("v1:ses:a:date:20260120M");

        Assert.Equal(["✗ Selasa, 20 Januari 2026, pagi", "✗ Rabu, 21 Januari 2026, siang", "◀ Kembali", "✖ Batal"], Assert.Single(dates).Labels());
        Assert.EndsWith(Texts.Get(Id, "Session.Preferred.NoneLeft"), dates[0].Text, StringComparison.Ordinal);
        Assert.Equal(Texts.Format(Id, "Session.Day.Past", "Selasa, 20 Januari 2026"), past[0].Text);
        Assert.Equal(SessionStatus.Requested, (await _o.SessionAsync(code)).Status);
    }

    [Fact]
    public async Task Shows_the_days_Jemput_Bola_visits_and_how_many_field_officers_would_be_left()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.BookVisitAsync(new Slot(OfficeScene.Tuesday, new(9, 0), new(11, 0)));
        await _o.PressAsync($"v1:ses:app:{code}");
        await _o.PressAsync("v1:ses:a:date:20260120M");

        var team = await _o.PressAsync("v1:ses:a:time:0800");
        var one = await _o.PressAsync($"v1:ses:a:team:t{_o.BudiId}");
        var both = await _o.PressAsync($"v1:ses:a:team:t{_o.RudiId}");
        var supervisorToo = await _o.PressAsync($"v1:ses:a:team:t{_o.SariId}");

        Assert.Contains(Texts.Format(Id, "Session.Team.Visits", 1, 2), team[0].Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Get(Id, "Session.Team.NoneYet"), team[0].Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(Id, "Session.Team.Visits", 1, 1), one[0].Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(Id, "Session.Team.Visits", 1, 0), both[0].Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(Id, "Session.Team.Visits", 1, 0), supervisorToo[0].Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(Id, "Session.Team.Chosen", "Sari, Budi, Rudi"), supervisorToo[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_not_let_an_officer_already_at_another_session_that_day_be_chosen()
    {
        await _o.StaffAsync();
        var first = await _o.RequestAsync();
        await _o.ApproveAsync(first, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId);
        var second = await _o.RequestAsync(OfficeScene.EnglishCoordinator, En);
        await _o.PressAsync($"v1:ses:app:{second}");
        await _o.PressAsync("v1:ses:a:date:20260120M");
        var before = _o.Snapshot(OfficeScene.Dewi);

        var team = await _o.PressAsync("v1:ses:a:time:0800");
        var forged = await _o.PressAsync($"v1:ses:a:team:t{_o.BudiId}");
        var done = await _o.PressAsync("v1:ses:a:team:done");

        Assert.Equal(["Dewi", "Sari", "Rudi", "Selesai", "◀ Kembali", "✖ Batal"], Assert.Single(team).Labels());
        Assert.Contains(Texts.Format(Id, "Session.Team.Away", "Budi"), team[0].Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(Id, "Session.Team.Visits", 0, 1), team[0].Text, StringComparison.Ordinal);
        Assert.Equal(Texts.Format(Id, "Session.Team.IsAway", "Budi", "Selasa, 20 Januari 2026"), forged[0].Text);
        Assert.Equal(Texts.Get(Id, "Session.Team.NoneChosen"), done[0].Text);
        Assert.Equal(before, _o.Snapshot(OfficeScene.Dewi));
    }

    [Fact]
    public async Task Does_not_offer_an_officer_promised_in_a_proposal_the_coordinator_has_not_answered_yet()
    {
        await _o.StaffAsync();
        var proposed = await _o.RequestAsync();
        await _o.ProposeAsync(proposed, OfficeScene.Dewi, "20/1", "0900", _o.BudiId);
        var second = await _o.RequestAsync(OfficeScene.EnglishCoordinator, En);
        await _o.PressAsync($"v1:ses:app:{second}");
        await _o.PressAsync("v1:ses:a:date:20260120M");

        var team = await _o.PressAsync("v1:ses:a:time:0800");
        var forged = await _o.PressAsync($"v1:ses:a:team:t{_o.BudiId}");

        Assert.Equal(SessionStatus.Proposed, (await _o.SessionAsync(proposed)).Status);
        Assert.DoesNotContain("Budi", Assert.Single(team).Labels());
        Assert.Equal(Texts.Format(Id, "Session.Team.IsAway", "Budi", "Selasa, 20 Januari 2026"), forged[0].Text);
    }

    [Fact]
    public async Task Sends_the_supervisor_back_to_the_officers_when_one_went_to_another_session_before_confirming()
    {
        await _o.StaffAsync();
        var first = await _o.RequestAsync();
        var second = await _o.RequestAsync(OfficeScene.EnglishCoordinator, En);
        await _o.PressAsync($"v1:ses:app:{second}", OfficeScene.Sari);
        await _o.PressAsync("v1:ses:a:date:20260120M", OfficeScene.Sari);
        await _o.PressAsync("v1:ses:a:time:0800", OfficeScene.Sari);
        await _o.PressAsync($"v1:ses:a:team:t{_o.BudiId}", OfficeScene.Sari);
        await _o.PressAsync("v1:ses:a:team:done", OfficeScene.Sari);
        await _o.ApproveAsync(first, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId);

        var confirmed = await _o.PressAsync("v1:ses:ok", OfficeScene.Sari);

        Assert.Equal(Texts.Format(Id, "Session.Team.IsAway", "Budi", "Selasa, 20 Januari 2026"), confirmed[0].Text);
        Assert.StartsWith(Texts.Format(Id, "Session.Ask.Team", "Selasa, 20 Januari 2026"), confirmed[1].Text, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Requested, (await _o.SessionAsync(second)).Status);
        Assert.Empty(_o.Notices(OfficeScene.EnglishCoordinator));
    }

    [Fact]
    public async Task Needs_at_least_one_officer()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.PressAsync($"v1:ses:app:{code}");
        await _o.PressAsync("v1:ses:a:date:20260120M");
        await _o.PressAsync("v1:ses:a:time:0800");

        var none = await _o.PressAsync("v1:ses:a:team:done");
        await _o.PressAsync($"v1:ses:a:team:t{_o.BudiId}");
        var untick = await _o.PressAsync($"v1:ses:a:team:t{_o.BudiId}");
        var stillNone = await _o.PressAsync("v1:ses:a:team:done");

        Assert.Equal(Texts.Get(Id, "Session.Team.NoneChosen"), none[0].Text);
        Assert.Equal(["Dewi", "Sari", "Budi", "Rudi", "Selesai", "◀ Kembali", "✖ Batal"], none[1].Labels());
        Assert.Equal(["Dewi", "Sari", "Budi", "Rudi", "Selesai", "◀ Kembali", "✖ Batal"], untick[0].Labels());
        Assert.Equal(Texts.Get(Id, "Session.Team.NoneChosen"), stillNone[0].Text);
        Assert.Equal("team", StepOf(OfficeScene.Dewi));
        Assert.Equal(SessionStatus.Requested, (await _o.SessionAsync(code)).Status);
    }

    // Propose

    [Theory]
    [InlineData(Language.Indonesian)]
    [InlineData(Language.English)]
    public async Task Proposes_a_typed_date_and_the_coordinator_accepts_it(Language coordinatorLanguage)
    {
        await _o.StaffAsync();
        var coordinator = coordinatorLanguage == Id ? OfficeScene.Coordinator : OfficeScene.EnglishCoordinator;
        var code = await _o.RequestAsync(coordinator, coordinatorLanguage);
        await _o.JoinAsync(code, OfficeScene.SitiNik, PassportKind.New, OfficeScene.Siti, Id);

        var ask = await _o.PressAsync($"v1:ses:alt:{code}");
        var times = await _o.SendAsync("22/1");
        await _o.PressAsync("v1:ses:a:time:1330");
        await _o.PressAsync($"v1:ses:a:team:t{_o.RudiId}");
        var summary = await _o.PressAsync("v1:ses:a:team:done");
        var done = await _o.PressAsync("v1:ses:ok");

        Assert.Equal(Texts.Format(Id, "Session.Ask.Day", code, OfficeScene.Organisation, "Minggu, 5 April 2026"), Assert.Single(ask).Text);
        Assert.Equal(["08.00", "08.30", "09.00", "09.30", "10.00", "13.00", "13.30", "14.00", "14.30", "15.00", "◀ Kembali", "✖ Batal"], Assert.Single(times).Labels());
        Assert.Equal(
            Texts.Format(Id, "Session.Summary.Propose", code, OfficeScene.Organisation, "Kamis, 22 Januari 2026", "13.30", "13.00", "Rudi"),
            Assert.Single(summary).Text);
        Assert.Equal([Texts.Format(Id, "Session.Proposed.Done", code, "Kamis, 22 Januari 2026", "13.30")], done.Said());
        var proposed = await _o.SessionAsync(code);
        Assert.Equal(SessionStatus.Proposed, proposed.Status);
        Assert.Equal(new DateOnly(2026, 1, 22), proposed.Date);

        var proposal = Assert.Single(_o.Notices(coordinator));
        var day = WindowText.Day(new DateOnly(2026, 1, 22), coordinatorLanguage);
        Assert.Equal(Texts.Format(coordinatorLanguage, "Session.Coordinator.Proposed", code, day, "13.30"), proposal.Text);
        Assert.Equal([$"v1:ses:yes:{code}", $"v1:ses:no:{code}"], proposal.Payloads());
        Assert.Equal(
            Texts.Format(Id, "Session.Staff.Proposed", "Dewi", code, OfficeScene.Organisation, "Kamis, 22 Januari 2026", "13.30"),
            Assert.Single(_o.Notices(OfficeScene.Sari)).Text);
        Assert.Empty(_o.Notices(OfficeScene.Rudi));
        Assert.Empty(_o.Notices(OfficeScene.Siti));

        var accepted = await _o.PressAsync($"v1:ses:yes:{code}", coordinator, coordinatorLanguage);

        Assert.Equal([Texts.Format(coordinatorLanguage, "Session.Coordinator.Approved", code, day, "13.30", 30, "13.00", 1)], accepted.Said());
        var session = await _o.SessionAsync(code);
        Assert.Equal(SessionStatus.Approved, session.Status);
        Assert.Equal([_o.RudiId], await _o.OfficersOfAsync(session.Id));
        Assert.Equal(
            Texts.Format(Id, "Session.Staff.Assigned", code, OfficeScene.Organisation, "Kamis, 22 Januari 2026", "13.30", "13.00", "Aula Masjid Agung, Kota Serang", "Haji Ahmad", "+62 811-1111-1111", 1),
            _o.Notices(OfficeScene.Rudi)[0].Text);
        Assert.Equal(
            Texts.Format(Id, "Session.Applicant.Approved", code, OfficeScene.Organisation, "Kamis, 22 Januari 2026", "13.30", "Aula Masjid Agung, Kota Serang", SessionChecklist.For(PassportKind.New, SessionPurpose.Umrah, Id)),
            Assert.Single(_o.Notices(OfficeScene.Siti)).Text);
        var acceptedNote = Texts.Format(Id, "Session.Staff.Accepted", code, OfficeScene.Organisation, "Kamis, 22 Januari 2026", "13.30");
        Assert.Equal(acceptedNote, Assert.Single(_o.Notices(OfficeScene.Dewi)).Text);
        Assert.Equal(acceptedNote, _o.Notices(OfficeScene.Sari)[^1].Text);
        Assert.Single(_o.Notices(coordinator));
    }

    [Fact]
    public async Task The_coordinator_refuses_a_proposed_date_and_the_request_goes_back_to_the_supervisors()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.ProposeAsync(code, OfficeScene.Dewi, "22/1", "0900", _o.BudiId);
        var rows = _o.LastOutboxId();

        var refused = await _o.PressAsync($"v1:ses:no:{code}", OfficeScene.Coordinator);

        Assert.Equal([Texts.Format(Id, "Session.Coordinator.Refused", code)], refused.Said());
        var session = await _o.SessionAsync(code);
        Assert.Equal(SessionStatus.Requested, session.Status);
        Assert.Null(session.Date);
        Assert.Null(session.Starts);
        Assert.Empty(await _o.OfficersOfAsync(session.Id));
        foreach (var supervisor in new[] { OfficeScene.Dewi, OfficeScene.Sari })
        {
            var told = _o.Since(rows, supervisor);
            Assert.Equal(2, told.Count);
            Assert.StartsWith(
                Texts.Format(Id, "Session.Staff.Refused", code, OfficeScene.Organisation, "Kamis, 22 Januari 2026") + "\n\n" + Texts.Format(Id, "Session.Card.Heading", code),
                told[0].Text,
                StringComparison.Ordinal);
            Assert.Equal([$"v1:ses:app:{code}", $"v1:ses:alt:{code}", $"v1:ses:dec:{code}"], told[0].Payloads());
            Assert.Equal(OfficeScene.Venue, told[1].Location);
        }

        Assert.Empty(_o.Since(rows, OfficeScene.Budi));

        var again = await _o.PressAsync($"v1:ses:no:{code}", OfficeScene.Coordinator);
        Assert.Equal([Texts.Format(Id, "Session.Proposal.Closed", code, "menunggu keputusan")], again.Said());

        await _o.ApproveAsync(code, OfficeScene.Sari, "20260120M", "0800", _o.RudiId);
        Assert.Equal(SessionStatus.Approved, (await _o.SessionAsync(code)).Status);
    }

    [Theory]
    [InlineData("16/1", "Session.Day.Holiday", "Jumat, 16 Januari 2026")]
    [InlineData("kemarin", "Session.Day.Past", "Minggu, 4 Januari 2026")]
    [InlineData("5/1/2026", "Session.Day.Past", "Senin, 5 Januari 2026")]
    [InlineData("17/1", "Session.Day.NotWorking", "Sabtu, 17 Januari 2026")]
    [InlineData("15/4", "Session.Day.TooFar", "Rabu, 15 April 2026")]
    [InlineData("kapan saja", "Session.Day.NotUnderstood", "")]
    public async Task Refuses_a_proposed_date_that_cannot_be_used_and_says_why(string typed, string problem, string day)
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.PressAsync($"v1:ses:alt:{code}");
        var before = _o.Snapshot(OfficeScene.Dewi);

        var replies = await _o.SendAsync(typed);

        var expected = problem switch
        {
            "Session.Day.Holiday" => Texts.Format(Id, problem, day, "Isra Mikraj Nabi Muhammad SAW"),
            "Session.Day.TooFar" => Texts.Format(Id, problem, day, "Minggu, 5 April 2026"),
            "Session.Day.NotUnderstood" => Texts.Get(Id, problem),
            _ => Texts.Format(Id, problem, day),
        };
        Assert.Equal(expected, replies[0].Text);
        Assert.Equal(Texts.Format(Id, "Session.Ask.Day", code, OfficeScene.Organisation, "Minggu, 5 April 2026"), replies[1].Text);
        Assert.Equal("day", StepOf(OfficeScene.Dewi));
        Assert.Equal(before, _o.Snapshot(OfficeScene.Dewi));
    }

    [Theory]
    [InlineData(Language.Indonesian)]
    [InlineData(Language.English)]
    public async Task Does_not_fix_a_proposed_date_accepted_after_it_passed_and_gives_the_request_back_to_the_office(Language coordinatorLanguage)
    {
        await _o.StaffAsync();
        var coordinator = coordinatorLanguage == Id ? OfficeScene.Coordinator : OfficeScene.EnglishCoordinator;
        var code = await _o.RequestAsync(coordinator, coordinatorLanguage);
        await _o.ProposeAsync(code, OfficeScene.Dewi, "22/1", "0900", _o.BudiId);
        _o.At(new DateOnly(2026, 1, 22), 7, 0);
        var rows = _o.LastOutboxId();

        var accepted = await _o.PressAsync($"v1:ses:yes:{code}", coordinator, coordinatorLanguage);

        var day = WindowText.Day(new DateOnly(2026, 1, 22), coordinatorLanguage);
        Assert.Equal([Texts.Format(coordinatorLanguage, "Session.Proposal.Lapsed", code, day)], accepted.Said());
        var session = await _o.SessionAsync(code);
        Assert.Equal(SessionStatus.Requested, session.Status);
        Assert.Null(session.Date);
        Assert.Empty(await _o.OfficersOfAsync(session.Id));
        Assert.Empty(_o.Since(rows, OfficeScene.Budi));
        foreach (var supervisor in new[] { OfficeScene.Dewi, OfficeScene.Sari })
        {
            var told = _o.Since(rows, supervisor);
            Assert.Equal(2, told.Count);
            Assert.StartsWith(
                Texts.Format(Id, "Session.Staff.Lapsed", code, OfficeScene.Organisation, "Kamis, 22 Januari 2026") + "\n\n" + Texts.Format(Id, "Session.Card.Heading", code),
                told[0].Text,
                StringComparison.Ordinal);
            Assert.Equal([$"v1:ses:app:{code}", $"v1:ses:alt:{code}", $"v1:ses:dec:{code}"], told[0].Payloads());
        }

        await _o.ProposeAsync(code, OfficeScene.Sari, "29/1", "0900", _o.BudiId);
    }

    [Fact]
    public async Task Does_not_fix_a_proposed_date_the_office_closed_since()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.ProposeAsync(code, OfficeScene.Dewi, "22/1", "0900", _o.BudiId);
        await _o.CloseDayAsync(new DateOnly(2026, 1, 22));

        var accepted = await _o.PressAsync($"v1:ses:yes:{code}", OfficeScene.Coordinator);

        Assert.Equal([Texts.Format(Id, "Session.Proposal.Lapsed", code, "Kamis, 22 Januari 2026")], accepted.Said());
        Assert.Equal(SessionStatus.Requested, (await _o.SessionAsync(code)).Status);
    }

    [Fact]
    public async Task Only_the_sessions_own_coordinator_can_answer_a_proposal()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.ProposeAsync(code, OfficeScene.Dewi, "22/1", "0900", _o.BudiId);
        var before = _o.Snapshot(OfficeScene.Stranger, OfficeScene.Sari, OfficeScene.Coordinator);

        var byStranger = await _o.PressAsync($"v1:ses:yes:{code}", OfficeScene.Stranger);
        var bySupervisor = await _o.PressAsync($"v1:ses:no:{code}", OfficeScene.Sari);
        var forged = await _o.PressAsync("v1:ses:yes:RB-ZZZZZZ", OfficeScene.Coordinator);

        Assert.Equal(Texts.Get(Id, "Input.StaleButton"), byStranger[0].Text);
        Assert.Equal(Texts.Get(Id, "Input.StaleButton"), bySupervisor[0].Text);
        Assert.Equal(Texts.Get(Id, "Input.StaleButton"), forged[0].Text);
        Assert.Equal(before, _o.Snapshot(OfficeScene.Stranger, OfficeScene.Sari, OfficeScene.Coordinator));
        Assert.Equal(SessionStatus.Proposed, (await _o.SessionAsync(code)).Status);

        await _o.PressAsync($"v1:ses:yes:{code}", OfficeScene.Coordinator);
        var twice = await _o.PressAsync($"v1:ses:no:{code}", OfficeScene.Coordinator);
        Assert.Equal([Texts.Format(Id, "Session.Proposal.Closed", code, "disetujui")], twice.Said());
        Assert.Equal(SessionStatus.Approved, (await _o.SessionAsync(code)).Status);
    }

    // Decline

    [Fact]
    public async Task Withdraws_a_proposal_nobody_answered_so_its_officers_are_free_and_its_accept_button_changes_nothing()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.ProposeAsync(code, OfficeScene.Dewi, "20/1", "0900", _o.BudiId);
        var proposal = _o.Notices(OfficeScene.Coordinator)[^1];
        var approveAgain = await _o.PressAsync($"v1:ses:app:{code}");

        await _o.PressAsync($"v1:ses:dec:{code}");
        await _o.SendAsync("Koordinator tidak menjawab usulan tanggal");
        await _o.PressAsync("v1:ses:ok");
        var accept = await _o.PressAsync($"v1:ses:yes:{code}", OfficeScene.Coordinator);

        Assert.Contains($"v1:ses:yes:{code}", proposal.Payloads());
        Assert.Equal(SessionStatus.Declined, (await _o.SessionAsync(code)).Status);
        Assert.Equal(Texts.Format(Id, "Session.Proposal.Closed", code, SessionOfficeCard.Status(SessionStatus.Declined, Id)), Assert.Single(accept).Text);
        Assert.Equal(Texts.Format(Id, "Session.AlreadyDecided", code, SessionOfficeCard.Status(SessionStatus.Proposed, Id)), Assert.Single(approveAgain).Text);
        Assert.Empty(await _o.Bot.InScopeAsync(s => s.GetRequiredService<Sessions>().OfficersPromisedAsync(OfficeScene.Tuesday, CancellationToken.None)));
    }

    [Theory]
    [InlineData(Language.Indonesian)]
    [InlineData(Language.English)]
    public async Task Declines_with_a_reason_the_coordinator_and_applicants_are_told(Language coordinatorLanguage)
    {
        await _o.StaffAsync();
        var coordinator = coordinatorLanguage == Id ? OfficeScene.Coordinator : OfficeScene.EnglishCoordinator;
        var code = await _o.RequestAsync(coordinator, coordinatorLanguage);
        await _o.JoinAsync(code, OfficeScene.JohnNik, PassportKind.New, OfficeScene.John, En);
        const string Reason = "Tim keliling penuh <bulan ini>";

        var ask = await _o.PressAsync($"v1:ses:dec:{code}");
        var tooShort = await _o.SendAsync("no");
        var summary = await _o.SendAsync(Reason);
        var done = await _o.PressAsync("v1:ses:ok");

        Assert.Equal(Texts.Format(Id, "Session.Ask.Reason", code, OfficeScene.Organisation, 5, 500), Assert.Single(ask).Text);
        Assert.Equal(Texts.Format(Id, "Form.TextTooShort", 5), tooShort[0].Text);
        Assert.Equal(Texts.Format(Id, "Session.Summary.Decline", code, OfficeScene.Organisation, "Tim keliling penuh &lt;bulan ini&gt;"), Assert.Single(summary).Text);
        Assert.Equal([Texts.Format(Id, "Session.Declined.Done", code)], done.Said());

        var session = await _o.SessionAsync(code);
        Assert.Equal(SessionStatus.Declined, session.Status);
        Assert.Equal(Reason, session.DeclineReason);
        var toCoordinator = Assert.Single(_o.Notices(coordinator));
        Assert.Equal(
            Texts.Format(coordinatorLanguage, "Session.Coordinator.Declined", code, "Tim keliling penuh &lt;bulan ini&gt;", Some.OfficeAddress, Some.OfficePhone),
            toCoordinator.Text);
        Assert.Contains(coordinatorLanguage == Id ? "/jemputbola" : "/visit", toCoordinator.Text, StringComparison.Ordinal);
        Assert.Equal(
            Texts.Format(En, "Session.Applicant.Declined", code, OfficeScene.Organisation, Some.OfficeAddress, Some.OfficePhone),
            Assert.Single(_o.Notices(OfficeScene.John)).Text);
        Assert.Equal(
            Texts.Format(Id, "Session.Staff.Declined", "Dewi", code, OfficeScene.Organisation, "Tim keliling penuh &lt;bulan ini&gt;"),
            Assert.Single(_o.Notices(OfficeScene.Sari)).Text);
        Assert.Empty(_o.Notices(OfficeScene.Dewi));
        Assert.Empty(_o.Notices(OfficeScene.Budi));
    }

    // Held

    [Fact]
    public async Task Records_a_held_session_on_its_day_and_thanks_the_coordinator()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.ApproveAsync(code, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId);
        _o.At(OfficeScene.Tuesday, 15, 0);
        var rows = _o.LastOutboxId();

        var ask = await _o.PressAsync($"v1:ses:held:{code}", OfficeScene.Budi);
        var tooMany = await _o.SendAsync("301", OfficeScene.Budi);
        var summary = await _o.SendAsync("37", OfficeScene.Budi);
        var done = await _o.PressAsync("v1:ses:ok", OfficeScene.Budi);

        Assert.Equal(Texts.Format(Id, "Session.Ask.Taken", code, OfficeScene.Organisation, 300), Assert.Single(ask).Text);
        Assert.Equal(["◀ Kembali", "✖ Batal"], ask[0].Labels());
        Assert.Equal(Texts.Format(Id, "Form.CountRange", 0, 300), tooMany[0].Text);
        Assert.Equal(Texts.Format(Id, "Session.Summary.Held", code, OfficeScene.Organisation, 37), Assert.Single(summary).Text);
        Assert.Equal([Texts.Format(Id, "Session.Held.Done", code, 37)], done.Said());

        var session = await _o.SessionAsync(code);
        Assert.Equal(SessionStatus.Held, session.Status);
        Assert.Equal(37, session.ApplicationsTaken);
        Assert.Equal(
            [Texts.Format(Id, "Session.Coordinator.Thanks", code, OfficeScene.Organisation, 37, Some.OfficePhone)],
            _o.Since(rows, OfficeScene.Coordinator).Said());
        var note = Texts.Format(Id, "Session.Staff.Held", "Budi", code, OfficeScene.Organisation, 37);
        Assert.Equal([note], _o.Since(rows, OfficeScene.Dewi).Said());
        Assert.Equal([note], _o.Since(rows, OfficeScene.Sari).Said());
    }

    [Fact]
    public async Task Lets_a_supervisor_record_a_held_session_and_the_English_coordinator_is_thanked_in_English()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync(OfficeScene.EnglishCoordinator, En);
        await _o.ApproveAsync(code, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId);
        _o.At(OfficeScene.Wednesday, 8, 0);
        var rows = _o.LastOutboxId();

        await _o.PressAsync($"v1:ses:held:{code}", OfficeScene.Sari);
        await _o.SendAsync("0", OfficeScene.Sari);
        await _o.PressAsync("v1:ses:ok", OfficeScene.Sari);

        Assert.Equal(0, (await _o.SessionAsync(code)).ApplicationsTaken);
        Assert.Equal(
            [Texts.Format(En, "Session.Coordinator.Thanks", code, OfficeScene.Organisation, 0, Some.OfficePhone)],
            _o.Since(rows, OfficeScene.EnglishCoordinator).Said());
        Assert.Empty(_o.Since(rows, OfficeScene.Sari).Skip(3));
        Assert.Equal(
            [Texts.Format(Id, "Session.Staff.Held", "Sari", code, OfficeScene.Organisation, 0)],
            _o.Since(rows, OfficeScene.Dewi).Said());
    }

    [Fact]
    public async Task Refuses_to_record_a_session_before_its_day_by_an_officer_not_on_it_or_one_not_approved()
    {
        await _o.StaffAsync();
        var approved = await _o.RequestAsync();
        await _o.ApproveAsync(approved, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId);
        var requested = await _o.RequestAsync(OfficeScene.EnglishCoordinator, En);
        _o.At(new DateOnly(2026, 1, 19), 16, 0);
        var before = _o.Snapshot(OfficeScene.Budi, OfficeScene.Rudi, OfficeScene.Dewi, OfficeScene.Coordinator);

        var early = await _o.PressAsync($"v1:ses:held:{approved}", OfficeScene.Budi);
        _o.At(OfficeScene.Tuesday, 15, 0);
        var notHis = await _o.PressAsync($"v1:ses:held:{approved}", OfficeScene.Rudi);
        var notApproved = await _o.PressAsync($"v1:ses:held:{requested}", OfficeScene.Dewi);
        var citizen = await _o.PressAsync($"v1:ses:held:{approved}", OfficeScene.Coordinator);

        Assert.Equal([Texts.Format(Id, "Session.Held.TooEarly", approved, "Selasa, 20 Januari 2026")], early.Said());
        Assert.Equal([Texts.Format(Id, "Session.Held.NotYours", approved)], notHis.Said());
        Assert.Equal([Texts.Format(Id, "Session.Held.NotApproved", requested, "menunggu keputusan")], notApproved.Said());
        Assert.Equal([Texts.Get(Id, "Duty.StaffOnly")], citizen.Said());
        Assert.Equal(before, _o.Snapshot(OfficeScene.Budi, OfficeScene.Rudi, OfficeScene.Dewi, OfficeScene.Coordinator));
        Assert.Null(_o.Bot.ConversationOf(OfficeScene.Budi)?.Flow);
    }

    [Fact]
    public async Task Refuses_to_record_a_session_twice()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.ApproveAsync(code, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId);
        _o.At(OfficeScene.Tuesday, 15, 0);
        await _o.PressAsync($"v1:ses:held:{code}", OfficeScene.Budi);
        await _o.SendAsync("37", OfficeScene.Budi);

        // A supervisor records it while Budi still looks at his summary: Budi's confirmation changes nothing.
        await _o.PressAsync($"v1:ses:held:{code}", OfficeScene.Dewi);
        await _o.SendAsync("40", OfficeScene.Dewi);
        await _o.PressAsync("v1:ses:ok", OfficeScene.Dewi);
        var late = await _o.PressAsync("v1:ses:ok", OfficeScene.Budi);

        Assert.Equal([Texts.Format(Id, "Session.Held.NotApproved", code, "sudah dilaksanakan")], late.Said());
        Assert.Equal(40, (await _o.SessionAsync(code)).ApplicationsTaken);
    }

    // Stop: a supervisor calls off an approved session

    [Theory]
    [InlineData(Language.Indonesian)]
    [InlineData(Language.English)]
    public async Task A_supervisor_calls_off_an_approved_session_with_a_reason_and_everyone_is_told(Language coordinatorLanguage)
    {
        await _o.StaffAsync();
        var coordinator = coordinatorLanguage == Id ? OfficeScene.Coordinator : OfficeScene.EnglishCoordinator;
        var code = await _o.RequestAsync(coordinator, coordinatorLanguage);
        await _o.JoinAsync(code, OfficeScene.SitiNik, PassportKind.New, OfficeScene.Siti, Id);
        await _o.JoinAsync(code, OfficeScene.JohnNik, PassportKind.Replacement, OfficeScene.John, En);
        await _o.JoinAsync(code, OfficeScene.CsvNik, PassportKind.New, chat: null, Id);
        await _o.ApproveAsync(code, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId, _o.RudiId);
        var session = await _o.SessionAsync(code);
        var waiting = await _o.QueueAsync(OfficeScene.Coordinator, Sessions.KeyPrefix(session.Id) + "remind:d7:c");
        var elsewhere = await _o.QueueAsync(OfficeScene.Stranger, "visit:1:reminder");
        var rows = _o.LastOutboxId();
        const string Reason = "Unit keliling rusak <mesin>";

        var ask = await _o.PressAsync($"v1:ses:stop:{code}", OfficeScene.Sari);
        var tooShort = await _o.SendAsync("aus", OfficeScene.Sari);
        var summary = await _o.SendAsync(Reason, OfficeScene.Sari);
        var done = await _o.PressAsync("v1:ses:ok", OfficeScene.Sari);

        const string Day = "Selasa, 20 Januari 2026";
        const string Escaped = "Unit keliling rusak &lt;mesin&gt;";
        Assert.Equal(Texts.Format(Id, "Session.Ask.StopReason", code, OfficeScene.Organisation, Day, 5, 500), Assert.Single(ask).Text);
        Assert.Equal(Texts.Format(Id, "Form.TextTooShort", 5), tooShort[0].Text);
        Assert.Equal(Texts.Format(Id, "Session.Summary.Stop", code, OfficeScene.Organisation, Day, Escaped), Assert.Single(summary).Text);
        Assert.Equal([Texts.Format(Id, "Session.Stopped.Done", code, Day)], done.Said());
        Assert.Equal(SessionStatus.Cancelled, (await _o.SessionAsync(code)).Status);

        var toCoordinator = Assert.Single(_o.Since(rows, coordinator));
        Assert.Equal(
            Texts.Format(coordinatorLanguage, "Session.Coordinator.Stopped", code, WindowText.Day(OfficeScene.Tuesday, coordinatorLanguage), Escaped, Some.OfficePhone),
            toCoordinator.Text);
        Assert.Contains(coordinatorLanguage == Id ? "/kolektif" : "/collective", toCoordinator.Text, StringComparison.Ordinal);
        Assert.Equal(
            [Texts.Format(Id, "Session.Applicant.Stopped", code, OfficeScene.Organisation, Day, Some.OfficeAddress, Some.OfficePhone)],
            _o.Since(rows, OfficeScene.Siti).Said());
        Assert.Equal(
            [Texts.Format(En, "Session.Applicant.Stopped", code, OfficeScene.Organisation, "Tuesday, 20 January 2026", Some.OfficeAddress, Some.OfficePhone)],
            _o.Since(rows, OfficeScene.John).Said());
        var sent = Texts.Format(Id, "Session.Staff.Stopped", "Sari", code, OfficeScene.Organisation, Day, Escaped);
        Assert.Equal([sent], _o.Since(rows, OfficeScene.Budi).Said());
        Assert.Equal([sent], _o.Since(rows, OfficeScene.Rudi).Said());
        Assert.Equal(
            [Texts.Format(Id, "Session.Staff.StoppedBy", "Sari", code, OfficeScene.Organisation, Day, Escaped)],
            _o.Since(rows, OfficeScene.Dewi).Said());
        Assert.DoesNotContain(_o.KeyedRows(), r => r.Id > rows && r.ChatKey == OfficeScene.Sari);

        // What still waited about the session (the approval notices, a reminder) is withdrawn; other messages stay.
        var left = _o.Bot.OutboxRows();
        Assert.DoesNotContain(left, r => r.Id == waiting);
        Assert.DoesNotContain(left, r => r.Id <= rows && r.IdempotencyKey?.StartsWith(Sessions.KeyPrefix(session.Id), StringComparison.Ordinal) == true);
        Assert.Contains(left, r => r.Id == elsewhere);
        Assert.Null(_o.Bot.Conversation(OfficeScene.Sari).Flow);
    }

    [Fact]
    public async Task A_supervisor_who_was_to_go_hears_a_call_off_once_as_one_of_the_team()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.ApproveAsync(code, OfficeScene.Sari, "20260120M", "0900", _o.DewiId, _o.BudiId);
        var rows = _o.LastOutboxId();

        await _o.PressAsync($"v1:ses:stop:{code}", OfficeScene.Sari);
        await _o.SendAsync("Unit keliling rusak", OfficeScene.Sari);
        await _o.PressAsync("v1:ses:ok", OfficeScene.Sari);

        const string Day = "Selasa, 20 Januari 2026";
        Assert.Equal(
            [Texts.Format(Id, "Session.Staff.Stopped", "Sari", code, OfficeScene.Organisation, Day, "Unit keliling rusak")],
            _o.Since(rows, OfficeScene.Dewi).Said());
    }

    [Fact]
    public async Task Refuses_a_plain_officer_and_a_stranger_pressing_stop_and_changes_nothing()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.ApproveAsync(code, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId);
        var before = _o.Snapshot(OfficeScene.Budi, OfficeScene.Stranger, OfficeScene.Coordinator);

        var byOfficer = await _o.PressAsync($"v1:ses:stop:{code}", OfficeScene.Budi);
        var byStranger = await _o.PressAsync($"v1:ses:stop:{code}", OfficeScene.Stranger);
        var byCoordinator = await _o.PressAsync($"v1:ses:stop:{code}", OfficeScene.Coordinator);

        Assert.Equal([Texts.Get(Id, "Duty.SupervisorOnly")], byOfficer.Said());
        Assert.Equal([Texts.Get(Id, "Duty.StaffOnly")], byStranger.Said());
        Assert.Equal([Texts.Get(Id, "Duty.StaffOnly")], byCoordinator.Said());
        Assert.Equal(before, _o.Snapshot(OfficeScene.Budi, OfficeScene.Stranger, OfficeScene.Coordinator));
        Assert.Equal(SessionStatus.Approved, (await _o.SessionAsync(code)).Status);
        Assert.Null(_o.Bot.ConversationOf(OfficeScene.Budi)?.Flow);
    }

    [Fact]
    public async Task Refuses_politely_to_call_off_a_session_that_is_not_approved_and_changes_nothing()
    {
        await _o.StaffAsync();
        var requested = await _o.RequestAsync();
        var proposed = await _o.RequestAsync(OfficeScene.EnglishCoordinator, En);
        await _o.ProposeAsync(proposed, OfficeScene.Dewi, "22/1", "0900", _o.BudiId);
        var declined = await _o.RequestAsync();
        await _o.PressAsync($"v1:ses:dec:{declined}");
        await _o.SendAsync("Tim keliling penuh");
        await _o.PressAsync("v1:ses:ok");
        var cancelled = await _o.RequestAsync(OfficeScene.EnglishCoordinator, En);
        await _o.CancelAsync(cancelled);
        var before = _o.Snapshot(OfficeScene.Sari);

        var onRequested = await _o.PressAsync($"v1:ses:stop:{requested}", OfficeScene.Sari);
        var onProposed = await _o.PressAsync($"v1:ses:stop:{proposed}", OfficeScene.Sari);
        var onDeclined = await _o.PressAsync($"v1:ses:stop:{declined}", OfficeScene.Sari);
        var onCancelled = await _o.PressAsync($"v1:ses:stop:{cancelled}", OfficeScene.Sari);
        var forged = await _o.PressAsync("v1:ses:stop:RB-ZZZZZZ", OfficeScene.Sari);

        Assert.Equal([Texts.Format(Id, "Session.Stop.NotApproved", requested, "menunggu keputusan")], onRequested.Said());
        Assert.Equal([Texts.Format(Id, "Session.Stop.NotApproved", proposed, SessionOfficeCard.Status(SessionStatus.Proposed, Id))], onProposed.Said());
        Assert.Equal([Texts.Format(Id, "Session.Stop.NotApproved", declined, SessionOfficeCard.Status(SessionStatus.Declined, Id))], onDeclined.Said());
        Assert.Equal([Texts.Format(Id, "Session.Stop.Already", cancelled)], onCancelled.Said());
        Assert.Equal([Texts.Get(Id, "Session.NotFound")], forged.Said());
        Assert.Equal(before, _o.Snapshot(OfficeScene.Sari));
        Assert.Null(_o.Bot.ConversationOf(OfficeScene.Sari)?.Flow);
    }

    [Fact]
    public async Task Lets_a_session_be_called_off_on_its_day_but_not_once_the_day_is_past()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.ApproveAsync(code, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId);

        _o.At(OfficeScene.Tuesday, 7, 0);
        var onTheDay = await _o.PressAsync($"v1:ses:stop:{code}");
        await _o.PressAsync("v1:ses:x");
        _o.At(OfficeScene.Wednesday, 8, 0);
        var before = _o.Snapshot(OfficeScene.Dewi);
        var past = await _o.PressAsync($"v1:ses:stop:{code}");

        Assert.Equal(Texts.Format(Id, "Session.Ask.StopReason", code, OfficeScene.Organisation, "Selasa, 20 Januari 2026", 5, 500), Assert.Single(onTheDay).Text);
        Assert.Equal([Texts.Format(Id, "Session.Stop.Past", code, "Selasa, 20 Januari 2026")], past.Said());
        Assert.Equal(before, _o.Snapshot(OfficeScene.Dewi));
        Assert.Equal(SessionStatus.Approved, (await _o.SessionAsync(code)).Status);
    }

    [Fact]
    public async Task A_second_supervisor_confirming_a_stop_after_the_first_hears_it_is_already_cancelled()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.ApproveAsync(code, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId);
        await _o.PressAsync($"v1:ses:stop:{code}", OfficeScene.Sari);
        await _o.SendAsync("Petugas sakit semua", OfficeScene.Sari);
        await _o.PressAsync($"v1:ses:stop:{code}", OfficeScene.Dewi);
        await _o.SendAsync("Unit keliling rusak", OfficeScene.Dewi);
        await _o.PressAsync("v1:ses:ok", OfficeScene.Dewi);
        var before = _o.Snapshot(OfficeScene.Sari);

        var late = await _o.PressAsync("v1:ses:ok", OfficeScene.Sari);

        Assert.Equal([Texts.Format(Id, "Session.Stop.Already", code)], late.Said());
        Assert.Equal(before, _o.Snapshot(OfficeScene.Sari));
        Assert.Single(_o.Notices(OfficeScene.Coordinator));
        Assert.DoesNotContain("Petugas sakit", _o.Notices(OfficeScene.Coordinator)[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stop_racing_another_is_run_again_and_then_sees_the_session_cancelled()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.ApproveAsync(code, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId);
        await _o.PressAsync($"v1:ses:stop:{code}", OfficeScene.Sari);
        await _o.SendAsync("Unit keliling rusak", OfficeScene.Sari);
        var rows = _o.LastOutboxId();

        // Another supervisor's stop lands between this turn's read of the session and its write.
        _o.Bot.Database.Saves.BeforeNextTurnSave = () => _o.Bot.Database.Execute(FormattableString.Invariant(
            $"UPDATE sessions SET Status = {(int)SessionStatus.Cancelled}, Version = Version + 1 WHERE Code = '{code}'"));
        var late = await _o.PressAsync("v1:ses:ok", OfficeScene.Sari);

        Assert.Equal([Texts.Format(Id, "Session.Stop.Already", code)], late.Said());
        Assert.Empty(_o.Since(rows, OfficeScene.Coordinator));
        Assert.Empty(_o.Since(rows, OfficeScene.Budi));
        Assert.Empty(_o.Since(rows, OfficeScene.Dewi));
    }

    // Who may press

    public static TheoryData<string> SupervisorButtons => new() { "app", "alt", "dec" };

    [Theory]
    [MemberData(nameof(SupervisorButtons))]
    public async Task Refuses_citizens_and_plain_officers_on_the_supervisors_buttons_and_changes_nothing(string action)
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        var before = _o.Snapshot(OfficeScene.Coordinator, OfficeScene.Stranger, OfficeScene.Budi);

        var byCoordinator = await _o.PressAsync($"v1:ses:{action}:{code}", OfficeScene.Coordinator);
        var byStranger = await _o.PressAsync($"v1:ses:{action}:{code}", OfficeScene.Stranger);
        var byOfficer = await _o.PressAsync($"v1:ses:{action}:{code}", OfficeScene.Budi);

        Assert.Equal([Texts.Get(Id, "Duty.StaffOnly")], byCoordinator.Said());
        Assert.Equal([Texts.Get(Id, "Duty.StaffOnly")], byStranger.Said());
        Assert.Equal([Texts.Get(Id, "Duty.SupervisorOnly")], byOfficer.Said());
        Assert.Empty(byCoordinator.Concat(byStranger).Concat(byOfficer).SelectMany(r => r.Buttons));
        Assert.Equal(before, _o.Snapshot(OfficeScene.Coordinator, OfficeScene.Stranger, OfficeScene.Budi));
        Assert.Null(_o.Bot.ConversationOf(OfficeScene.Budi)?.Flow);
    }

    [Fact]
    public async Task Refuses_form_buttons_from_someone_not_on_staff_and_from_an_officer_at_a_supervisors_step()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.PressAsync($"v1:ses:dec:{code}");
        await _o.SendAsync("Tim keliling penuh");
        var before = _o.Snapshot(OfficeScene.Stranger, OfficeScene.Budi);

        var byStranger = await _o.PressAsync("v1:ses:ok", OfficeScene.Stranger);
        var byOfficer = await _o.PressAsync("v1:ses:ok", OfficeScene.Budi);

        Assert.Equal([Texts.Get(Id, "Duty.StaffOnly")], byStranger.Said());
        Assert.Equal(Texts.Get(Id, "Input.StaleButton"), byOfficer[0].Text);
        Assert.Equal(before, _o.Snapshot(OfficeScene.Stranger, OfficeScene.Budi));
        Assert.Equal(SessionStatus.Requested, (await _o.SessionAsync(code)).Status);
    }

    [Fact]
    public async Task A_supervisor_removed_halfway_cannot_confirm()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.PressAsync($"v1:ses:dec:{code}");
        await _o.SendAsync("Tim keliling penuh");
        await _o.Bot.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Core.Officers.Officers>().RemoveAsync(_o.DewiId, CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });

        var confirmed = await _o.PressAsync("v1:ses:ok");

        Assert.Equal([Texts.Get(Id, "Duty.StaffOnly")], confirmed.Said());
        Assert.Equal(SessionStatus.Requested, (await _o.SessionAsync(code)).Status);
        Assert.Null(_o.Bot.Conversation(OfficeScene.Dewi).Flow);
    }

    [Theory]
    [InlineData("app:RB-ZZZZZZ")]
    [InlineData("alt:RB-2345")]
    [InlineData("dec:nothing")]
    [InlineData("held:RB-ZZZZZZ")]
    [InlineData("stop:RB-ZZZZZZ")]
    public async Task Says_a_forged_or_unknown_code_is_not_found(string payload)
    {
        await _o.StaffAsync();
        await _o.RequestAsync();
        var before = _o.Snapshot(OfficeScene.Dewi);

        var replies = await _o.PressAsync($"v1:ses:{payload}");

        Assert.Equal([Texts.Get(Id, "Session.NotFound")], replies.Said());
        Assert.Equal(before, _o.Snapshot(OfficeScene.Dewi));
    }

    [Fact]
    public async Task Says_an_unknown_session_action_is_stale()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();

        var replies = await _o.PressAsync($"v1:ses:approve:{code}");

        Assert.Equal(Texts.Get(Id, "Input.StaleButton"), replies[0].Text);
        Assert.Equal(SessionStatus.Requested, (await _o.SessionAsync(code)).Status);
    }

    // Decided already

    [Theory]
    [MemberData(nameof(SupervisorButtons))]
    public async Task Tells_a_supervisor_a_request_was_already_decided_or_cancelled_and_changes_nothing(string action)
    {
        await _o.StaffAsync();
        var approved = await _o.RequestAsync();
        await _o.ApproveAsync(approved, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId);
        var cancelled = await _o.RequestAsync(OfficeScene.EnglishCoordinator, En);
        await _o.CancelAsync(cancelled);
        var before = _o.Snapshot(OfficeScene.Sari);

        var onApproved = await _o.PressAsync($"v1:ses:{action}:{approved}", OfficeScene.Sari);
        var onCancelled = await _o.PressAsync($"v1:ses:{action}:{cancelled}", OfficeScene.Sari);

        Assert.Equal([Texts.Format(Id, "Session.AlreadyDecided", approved, "disetujui")], onApproved.Said());
        Assert.Equal([Texts.Format(Id, "Session.AlreadyDecided", cancelled, "dibatalkan")], onCancelled.Said());
        Assert.Equal(before, _o.Snapshot(OfficeScene.Sari));
    }

    [Fact]
    public async Task A_second_supervisor_confirming_after_the_first_changes_nothing()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.PressAsync($"v1:ses:app:{code}", OfficeScene.Sari);
        await _o.PressAsync("v1:ses:a:date:20260121A", OfficeScene.Sari);
        await _o.PressAsync("v1:ses:a:time:1400", OfficeScene.Sari);
        await _o.PressAsync($"v1:ses:a:team:t{_o.RudiId}", OfficeScene.Sari);
        await _o.PressAsync("v1:ses:a:team:done", OfficeScene.Sari);
        await _o.ApproveAsync(code, OfficeScene.Dewi, "20260120M", "0900", _o.BudiId);
        var before = _o.Snapshot(OfficeScene.Sari);

        var late = await _o.PressAsync("v1:ses:ok", OfficeScene.Sari);

        Assert.Equal([Texts.Format(Id, "Session.AlreadyDecided", code, "disetujui")], late.Said());
        Assert.Equal(before, _o.Snapshot(OfficeScene.Sari));
        var session = await _o.SessionAsync(code);
        Assert.Equal((OfficeScene.Tuesday, new TimeOnly(9, 0)), (session.Date!.Value, session.Starts!.Value));
        Assert.Equal([_o.BudiId], await _o.OfficersOfAsync(session.Id));
        Assert.Empty(_o.Notices(OfficeScene.Rudi));
    }

    [Fact]
    public async Task A_decline_racing_an_approval_is_run_again_and_then_sees_the_approval()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.PressAsync($"v1:ses:dec:{code}", OfficeScene.Sari);
        await _o.SendAsync("Tim keliling penuh", OfficeScene.Sari);

        // Another supervisor's approval lands between this turn's read of the session and its write.
        _o.Bot.Database.Saves.BeforeNextTurnSave = () => _o.Bot.Database.Execute(FormattableString.Invariant(
            $"UPDATE sessions SET Status = {(int)SessionStatus.Approved}, Date = '2026-01-20', Starts = '09:00:00', Version = Version + 1 WHERE Code = '{code}'"));
        var late = await _o.PressAsync("v1:ses:ok", OfficeScene.Sari);

        Assert.Equal([Texts.Format(Id, "Session.AlreadyDecided", code, "disetujui")], late.Said());
        var session = await _o.SessionAsync(code);
        Assert.Equal(SessionStatus.Approved, session.Status);
        Assert.Null(session.DeclineReason);
        Assert.Empty(_o.Notices(OfficeScene.Coordinator));
        Assert.Empty(_o.Notices(OfficeScene.Dewi));
    }

    [Fact]
    public async Task Logs_officer_and_session_ids_but_no_names_phones_or_chats()
    {
        await _o.StaffAsync();
        var code = await _o.RequestAsync();
        await _o.ProposeAsync(code, OfficeScene.Dewi, "22/1", "0900", _o.BudiId);
        await _o.PressAsync($"v1:ses:yes:{code}", OfficeScene.Coordinator);
        await _o.PressAsync($"v1:ses:app:{code}", OfficeScene.Stranger);
        await _o.PressAsync($"v1:ses:stop:{code}", OfficeScene.Sari);
        await _o.SendAsync("Unit keliling rusak", OfficeScene.Sari);
        await _o.PressAsync("v1:ses:ok", OfficeScene.Sari);
        Assert.Equal(SessionStatus.Cancelled, (await _o.SessionAsync(code)).Status);

        var log = string.Join('\n', _o.Logs.Lines);
        Assert.Contains("session", log, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in new[] { "Dewi", "Budi", "Haji Ahmad", "Amanah", "811111", OfficeScene.Coordinator, OfficeScene.Stranger, OfficeScene.Dewi, code })
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }
    }

    private string? StepOf(string chat)
    {
        var conversation = _o.Bot.Conversation(chat);
        Assert.Equal(SessionFlow.FlowName, conversation.Flow);
        return MessageJson.Read<StoredForm>(conversation.FlowState!).S.Step;
    }

    private sealed record StoredForm(int V, StoredStep S);

    private sealed record StoredStep(string Step);
}

/// <summary>
/// An office with two supervisors (Dewi, Sari) and two field officers (Budi, Rudi), and session requests made the
/// way the request form makes them: the session and the supervisors' card in one unit of work.
/// </summary>
public sealed class OfficeScene : IDisposable
{
    public const string Dewi = "9001";
    public const string Sari = "9002";
    public const string Budi = "9101";
    public const string Rudi = "9102";
    public const string Coordinator = "5001";
    public const string EnglishCoordinator = "5002";
    public const string Siti = "6001";
    public const string John = "6002";
    public const string Stranger = "7001";
    public const string Organisation = "PT Amanah Wisata";
    public const string SitiNik = "3604014501900003";
    public const string JohnNik = "3604011203850001";
    public const string CsvNik = "3604012007800002";

    /// <summary>The first preferred date (morning) and the second (afternoon).</summary>
    public static readonly DateOnly Tuesday = new(2026, 1, 20);
    public static readonly DateOnly Wednesday = new(2026, 1, 21);
    public static readonly GeoPoint Venue = new(-6.12, 106.15);

    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public OfficeScene(bool supervisors = true)
    {
        Supervisors = supervisors;
        Bot = new EngineHarness(configure: s => s.AddSingleton<ILoggerProvider>(Logs));
    }

    public LogCapture Logs { get; } = new();

    public EngineHarness Bot { get; }

    public bool Supervisors { get; }

    public long DewiId { get; private set; }

    public long SariId { get; private set; }

    public long BudiId { get; private set; }

    public long RudiId { get; private set; }

    public async Task StaffAsync()
    {
        var role = Supervisors ? OfficerRole.Supervisor : OfficerRole.Officer;
        DewiId = await Bot.EnrolOfficerAsync("Dewi", role, Dewi);
        SariId = await Bot.EnrolOfficerAsync("Sari", role, Sari);
        BudiId = await Bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, Budi);
        RudiId = await Bot.EnrolOfficerAsync("Rudi", OfficerRole.Officer, Rudi);
    }

    /// <summary>A request for 20 January (morning) or 21 January (afternoon), with the card to the office, as the request form does it.</summary>
    public Task<string> RequestAsync(string coordinator = Coordinator, Language language = Language.Indonesian, GeoPoint? point = null, string? address = "Kota Serang", bool pinned = true) =>
        Bot.InScopeAsync(async s =>
        {
            var facts = new SessionFacts(
                OrganisationKind.TravelAgent,
                Organisation,
                "Haji Ahmad",
                "+6281111111111",
                SessionPurpose.Umrah,
                40,
                pinned ? point ?? Venue : null,
                address,
                "Aula Masjid Agung",
                [new PreferredDate(Tuesday, DayPart.Morning), new PreferredDate(Wednesday, DayPart.Afternoon)]);
            var session = await s.GetRequiredService<Sessions>().RequestAsync(EngineHarness.Address(coordinator), language, facts, Bot.Clock.GetUtcNow(), CancellationToken.None);
            await s.GetRequiredService<SessionDesk>().RequestedAsync(session, CancellationToken.None);
            await s.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return session.Code;
        });

    public Task JoinAsync(string code, string nik, PassportKind passport, string? chat, Language language) =>
        Bot.InScopeAsync(async s =>
        {
            var sessions = s.GetRequiredService<Sessions>();
            var session = (await sessions.ByCodeAsync(code, CancellationToken.None))!;
            var facts = new ApplicantFacts("Siti Aminah", nik, new DateOnly(1990, 1, 5), passport, "+6281234567890");
            var joined = await sessions.AddAsync(
                session, facts, chat is null ? ApplicantSource.Csv : ApplicantSource.Link, chat is null ? null : EngineHarness.Address(chat), language, Bot.Clock.GetUtcNow(), CancellationToken.None);
            Assert.Equal(JoinOutcome.Added, joined.Outcome);
            await s.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });

    /// <summary>The coordinator withdraws, as the roster flow does it.</summary>
    public Task CancelAsync(string code) =>
        Bot.InScopeAsync(async s =>
        {
            var sessions = s.GetRequiredService<Sessions>();
            var session = (await sessions.ByCodeAsync(code, CancellationToken.None))!;
            var before = session.Status;
            await sessions.CancelAsync(session, Bot.Clock.GetUtcNow(), CancellationToken.None);
            await s.GetRequiredService<SessionDesk>().CancelledAsync(session, before, CancellationToken.None);
            await s.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });

    public Task CloseDayAsync(DateOnly date) =>
        Bot.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TimporaDb>();
            db.ClosedDays.Add(new ClosedDay(date, DewiId, Bot.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });

    public Task BookVisitAsync(Slot slot) =>
        Bot.InScopeAsync(async s =>
        {
            var facts = new VisitFacts(
                VisitReason.InHospital, null, VisitService.NewPassport, 1, new GeoPoint(-6.11, 106.18), "Kota Serang",
                "RSUD Serang, Ruang Melati 3", "Siti Aminah", SitiNik, "+6281234567890", null);
            var booked = await s.GetRequiredService<Bookings>().BookAsync(EngineHarness.Address("2001"), Language.Indonesian, facts, slot, Bot.Clock.GetUtcNow(), CancellationToken.None);
            Assert.NotNull(booked.Visit);
            await s.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });

    public void At(DateOnly date, int hour, int minute) =>
        Bot.Clock.Set(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), Wib));

    public Task<IReadOnlyList<OutgoingMessage>> PressAsync(string payload, string chat = Dewi, Language language = Language.Indonesian) =>
        Bot.PressAsync(payload, chat, language == Language.English ? "en" : "id");

    public Task<IReadOnlyList<OutgoingMessage>> SendAsync(string text, string chat = Dewi) => Bot.SendAsync(text, chat);

    public async Task ApproveAsync(string code, string by, string dateKey, string time, params long[] officers)
    {
        await PressAsync($"v1:ses:app:{code}", by);
        await PressAsync($"v1:ses:a:date:{dateKey}", by);
        await ChooseAsync(by, time, officers);
        Assert.Equal(SessionStatus.Approved, (await SessionAsync(code)).Status);
    }

    public async Task ProposeAsync(string code, string by, string typedDate, string time, params long[] officers)
    {
        await PressAsync($"v1:ses:alt:{code}", by);
        await SendAsync(typedDate, by);
        await ChooseAsync(by, time, officers);
        Assert.Equal(SessionStatus.Proposed, (await SessionAsync(code)).Status);
    }

    public Task<Session> SessionAsync(string code) =>
        Bot.InScopeAsync(s => s.GetRequiredService<TimporaDb>().Sessions.AsNoTracking().SingleAsync(x => x.Code == code));

    public Task<IReadOnlyList<long>> OfficersOfAsync(long sessionId) =>
        Bot.InScopeAsync(s => s.GetRequiredService<Sessions>().OfficersOfAsync(sessionId, CancellationToken.None));

    /// <summary>The outbox rows with an idempotency key: notices about a session, not replies to whoever pressed.</summary>
    public IReadOnlyList<OutboxMessage> KeyedRows() => [.. Bot.OutboxRows().Where(o => o.IdempotencyKey is not null)];

    public IReadOnlyList<OutgoingMessage> Notices(string chat) =>
        [.. KeyedRows().Where(o => o.ChatKey == chat).Select(o => MessageJson.Read<OutgoingMessage>(o.Message!))];

    /// <summary>A message waiting in the outbox under <paramref name="key"/> (a reminder, a schedule card); its row id.</summary>
    public Task<long> QueueAsync(string chat, string key) =>
        Bot.InScopeAsync(async s =>
        {
            s.GetRequiredService<Outbox>().Enqueue(EngineHarness.Address(chat), OutgoingMessage.Say("waiting"), key);
            await s.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return Bot.OutboxRows().Single(o => o.IdempotencyKey == key).Id;
        });

    public long LastOutboxId() => Bot.OutboxRows().Select(o => o.Id).DefaultIfEmpty().Max();

    /// <summary>What was queued to a chat after the row <paramref name="lastId"/> (a decision may withdraw earlier rows, so not by count).</summary>
    public IReadOnlyList<OutgoingMessage> Since(long lastId, string chat) =>
        [.. Bot.OutboxRows().Where(o => o.Id > lastId && o.ChatKey == chat).Select(o => MessageJson.Read<OutgoingMessage>(o.Message!))];

    /// <summary>Everything an office button could change: sessions, who goes, the roster, and every message but the replies to the pressers.</summary>
    public string Snapshot(params string[] pressers)
    {
        using var db = Bot.Database.NewDb();
        var sessions = db.Sessions.AsNoTracking().OrderBy(s => s.Id).ToList()
            .Select(s => Invariant($"{s.Id}:{s.Status}:{s.Date}:{s.Starts}:{s.Version}:{s.DeclineReason}:{s.ApplicationsTaken}"));
        var going = db.SessionOfficers.AsNoTracking().ToList().OrderBy(o => o.SessionId).ThenBy(o => o.OfficerId).Select(o => Invariant($"{o.SessionId}:{o.OfficerId}"));
        var applicants = db.Applicants.AsNoTracking().OrderBy(a => a.Id).ToList().Select(a => Invariant($"{a.Id}:{a.SessionId}"));
        var messages = Bot.OutboxRows().Where(o => o.IdempotencyKey is not null || !pressers.Contains(o.ChatKey)).Select(o => Invariant($"{o.Id}:{o.ChatKey}:{o.IdempotencyKey}"));
        return string.Join('|', [.. sessions, "going", .. going, "roster", .. applicants, "outbox", .. messages]);
    }

    public void Dispose() => Bot.Dispose();

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private async Task ChooseAsync(string by, string time, long[] officers)
    {
        await PressAsync($"v1:ses:a:time:{time}", by);
        foreach (var id in officers)
        {
            await PressAsync(string.Create(CultureInfo.InvariantCulture, $"v1:ses:a:team:t{id}"), by);
        }

        await PressAsync("v1:ses:a:team:done", by);
        await PressAsync("v1:ses:ok", by);
    }
}
