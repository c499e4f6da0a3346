using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Collective;

/// <summary>The rules the Sessions service keeps whatever flow calls it: one open roster per NIK, and what a decision changes.</summary>
public sealed class SessionsTests : IDisposable
{
    private static readonly DateOnly Date = new(2026, 1, 20);
    private static readonly ApplicantFacts Siti = new("Siti Aminah", "3604014501900003", new DateOnly(1990, 1, 5), PassportKind.New, "+6281234567890");
    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_request_is_stored_with_a_code_that_reads_back_from_a_join_link()
    {
        var code = await RequestAsync("5001");

        var found = await _bot.InScopeAsync(s => s.GetRequiredService<Sessions>().ByCodeAsync(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), CancellationToken.None));

        Assert.Matches("^RB-[2-9A-HJKMNP-Z]{6}$", code);
        Assert.NotNull(found);
        Assert.Equal(SessionStatus.Requested, found.Status);
        Assert.Equal([new PreferredDate(Date, DayPart.Morning), new PreferredDate(Date.AddDays(1), DayPart.Afternoon)], found.PreferredDates);
        Assert.Equal("https://t.me/TimporaSerangBot?start=" + code, SessionCode.JoinLink(Some.BotUsername, code));
        Assert.Equal("/start " + code, SessionCode.JoinLink("", code));
    }

    [Fact]
    public async Task The_same_NIK_cannot_join_two_open_rosters_but_may_join_again_once_the_first_is_cancelled()
    {
        var first = await RequestAsync("5001");
        var second = await RequestAsync("5002");
        Assert.Equal(JoinOutcome.Added, await JoinAsync(first, Siti, chat: "6001"));

        var refused = await JoinAsync(second, Siti, chat: "6001");
        await _bot.InScopeAsync(async s =>
        {
            var sessions = s.GetRequiredService<Sessions>();
            await sessions.CancelAsync((await sessions.ByCodeAsync(first, CancellationToken.None))!, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await s.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });
        var afterCancel = await JoinAsync(second, Siti, chat: "6001");

        Assert.Equal(JoinOutcome.InAnotherSession, refused);
        Assert.Equal(JoinOutcome.Added, afterCancel);
    }

    [Fact]
    public async Task An_approved_session_whose_day_went_by_no_longer_holds_its_people_from_the_next_one()
    {
        var rudi = await _bot.EnrolOfficerAsync("Rudi", OfficerRole.Officer, "7001");
        var held = await RequestAsync("5001");
        var next = await RequestAsync("5002");
        Assert.Equal(JoinOutcome.Added, await JoinAsync(held, Siti, chat: "6001"));
        await ScheduleAsync(held, SessionStatus.Approved, [rudi]);
        var beforeTheDay = await JoinAsync(next, Siti, chat: "6001");
        var openBefore = await _bot.InScopeAsync(s => s.GetRequiredService<Sessions>().OpenNiksAsync(_bot.Clock.GetUtcNow(), CancellationToken.None));

        _bot.Clock.Set(new DateTimeOffset(Date.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)));
        var openAfter = await _bot.InScopeAsync(s => s.GetRequiredService<Sessions>().OpenNiksAsync(_bot.Clock.GetUtcNow(), CancellationToken.None));
        var dayAfter = await JoinAsync(next, Siti, chat: "6001");

        Assert.Equal(JoinOutcome.InAnotherSession, beforeTheDay);
        Assert.Contains(Siti.Nik, openBefore.Keys);
        Assert.DoesNotContain(Siti.Nik, openAfter.Keys);
        Assert.Equal(JoinOutcome.Added, dayAfter);
    }

    [Fact]
    public async Task A_person_the_CSV_added_who_opens_the_link_with_the_same_birth_date_is_linked_to_their_chat()
    {
        var code = await RequestAsync("5001");
        Assert.Equal(JoinOutcome.Added, await JoinAsync(code, Siti, chat: null));

        var wrongBirthDate = await JoinAsync(code, Siti with { BirthDate = new DateOnly(1991, 1, 5) }, chat: "6001");
        var linked = await JoinAsync(code, Siti, chat: "6001");
        var again = await JoinAsync(code, Siti, chat: "6002");

        Assert.Equal(JoinOutcome.AlreadyHere, wrongBirthDate);
        Assert.Equal(JoinOutcome.Linked, linked);
        Assert.Equal(JoinOutcome.AlreadyHere, again);
        var applicant = await _bot.InScopeAsync(s => s.GetRequiredService<TimporaDb>().Applicants.SingleAsync());
        Assert.Equal(EngineHarness.Address("6001"), applicant.Chat);
        Assert.Equal(ApplicantSource.Csv, applicant.Source);
    }

    [Fact]
    public async Task Only_an_approved_session_takes_its_officers_away_on_its_date()
    {
        var rudi = await _bot.EnrolOfficerAsync("Rudi", OfficerRole.Officer, "7001");
        var dewi = await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Officer, "7002");
        var approved = await RequestAsync("5001");
        var proposed = await RequestAsync("5002");
        await ScheduleAsync(approved, SessionStatus.Approved, [rudi]);
        await ScheduleAsync(proposed, SessionStatus.Proposed, [dewi]);

        var away = await _bot.InScopeAsync(s => s.GetRequiredService<Sessions>().OfficersAwayAsync(Date.AddDays(-1), Date.AddDays(1), CancellationToken.None));

        Assert.Equal([Date], away.Keys);
        Assert.Equal([rudi], away[Date]);
    }

    [Fact]
    public async Task Refusing_a_proposal_frees_its_officers_and_forgets_its_date()
    {
        var rudi = await _bot.EnrolOfficerAsync("Rudi", OfficerRole.Officer, "7001");
        var code = await RequestAsync("5001");
        await ScheduleAsync(code, SessionStatus.Proposed, [rudi]);

        var session = await _bot.InScopeAsync(async s =>
        {
            var sessions = s.GetRequiredService<Sessions>();
            var found = (await sessions.ByCodeAsync(code, CancellationToken.None))!;
            await sessions.RefuseAsync(found, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await s.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return found;
        });

        Assert.Equal(SessionStatus.Requested, session.Status);
        Assert.Null(session.Date);
        Assert.Equal(0, await _bot.InScopeAsync(s => s.GetRequiredService<TimporaDb>().SessionOfficers.CountAsync()));
    }

    [Fact]
    public async Task Cancelling_withdraws_what_still_waits_about_the_session_and_nothing_else()
    {
        var code = await RequestAsync("5001");
        var id = await _bot.InScopeAsync(async s => (await s.GetRequiredService<Sessions>().ByCodeAsync(code, CancellationToken.None))!.Id);
        await _bot.InScopeAsync(async s =>
        {
            var outbox = s.GetRequiredService<Outbox>();
            outbox.Enqueue(EngineHarness.Address("6001"), OutgoingMessage.Say("a"), Sessions.ApplicantKeyPrefix(id, 1) + "DayBefore:20260120");
            outbox.Enqueue(EngineHarness.Address("5001"), OutgoingMessage.Say("b"), Sessions.KeyPrefix(id) + "coord:DayBefore:20260120");
            outbox.Enqueue(EngineHarness.Address("6002"), OutgoingMessage.Say("c"), Sessions.KeyPrefix(id + 10) + "coord:DayBefore:20260120");
            await s.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });

        await _bot.InScopeAsync(async s =>
        {
            var sessions = s.GetRequiredService<Sessions>();
            await sessions.CancelAsync((await sessions.ByCodeAsync(code, CancellationToken.None))!, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await s.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });

        var left = Assert.Single(_bot.OutboxRows());
        Assert.Equal(Sessions.KeyPrefix(id + 10) + "coord:DayBefore:20260120", left.IdempotencyKey);
    }

    [Fact]
    public async Task Two_decisions_on_one_session_from_the_same_version_conflict()
    {
        var code = await RequestAsync("5001");
        var ex = await Record.ExceptionAsync(() => _bot.InScopeAsync(async first =>
        {
            var mine = (await first.GetRequiredService<Sessions>().ByCodeAsync(code, CancellationToken.None))!;
            await _bot.InScopeAsync(async second =>
            {
                var theirs = (await second.GetRequiredService<Sessions>().ByCodeAsync(code, CancellationToken.None))!;
                await second.GetRequiredService<Sessions>().DeclineAsync(theirs, "Jadwal penuh", _bot.Clock.GetUtcNow(), CancellationToken.None);
                await second.GetRequiredService<TimporaDb>().SaveChangesAsync();
            });
            await first.GetRequiredService<Sessions>().CancelAsync(mine, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await first.GetRequiredService<TimporaDb>().SaveChangesAsync();
        }));

        Assert.IsType<DbUpdateConcurrencyException>(ex);
        var stored = await _bot.InScopeAsync(s => s.GetRequiredService<TimporaDb>().Sessions.SingleAsync());
        Assert.Equal(SessionStatus.Declined, stored.Status);
    }

    private async Task<string> RequestAsync(string coordinatorChat) =>
        await _bot.InScopeAsync(async s =>
        {
            var facts = new SessionFacts(
                OrganisationKind.TravelAgent,
                "PT Amanah Wisata",
                "Haji Ahmad",
                "+6281111111111",
                SessionPurpose.Umrah,
                40,
                new GeoPoint(-6.12, 106.15),
                "Kota Serang",
                "Aula Masjid Agung",
                [new PreferredDate(Date, DayPart.Morning), new PreferredDate(Date.AddDays(1), DayPart.Afternoon)]);
            var session = await s.GetRequiredService<Sessions>().RequestAsync(EngineHarness.Address(coordinatorChat), Language.Indonesian, facts, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await s.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return session.Code;
        });

    private Task<JoinOutcome> JoinAsync(string code, ApplicantFacts facts, string? chat) =>
        _bot.InScopeAsync(async s =>
        {
            var sessions = s.GetRequiredService<Sessions>();
            var session = (await sessions.ByCodeAsync(code, CancellationToken.None))!;
            var joined = await sessions.AddAsync(
                session,
                facts,
                chat is null ? ApplicantSource.Csv : ApplicantSource.Link,
                chat is null ? null : EngineHarness.Address(chat),
                Language.Indonesian,
                _bot.Clock.GetUtcNow(),
                CancellationToken.None);
            await s.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return joined.Outcome;
        });

    private Task ScheduleAsync(string code, SessionStatus status, long[] officers) =>
        _bot.InScopeAsync(async s =>
        {
            var sessions = s.GetRequiredService<Sessions>();
            var session = (await sessions.ByCodeAsync(code, CancellationToken.None))!;
            await sessions.ScheduleAsync(session, status, Date, new TimeOnly(8, 0), officers, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await s.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });
}
