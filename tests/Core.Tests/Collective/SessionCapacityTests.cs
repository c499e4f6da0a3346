using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;

namespace Timpora.Core.Tests.Collective;

/// <summary>
/// An approved session takes its officers out of that day's Jemput Bola capacity: four applicants per window, shared
/// by the field officers. The clock stands at Monday 5 January 2026, 09:00 WIB; the session is on Tuesday the 6th.
/// </summary>
public sealed class SessionCapacityTests : IDisposable
{
    private static readonly DateOnly Tuesday = new(2026, 1, 6);
    private static readonly Slot TuesdayMorning = new(Tuesday, new(9, 0), new(11, 0));
    private static readonly Slot TuesdayAfternoon = new(Tuesday, new(13, 0), new(15, 0));
    private static readonly Slot WednesdayMorning = new(Tuesday.AddDays(1), new(9, 0), new(11, 0));

    private readonly EngineHarness _bot = new();
    private readonly Citizen _citizen;

    public SessionCapacityTests() => _citizen = new Citizen(_bot);

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Halves_the_day_when_one_of_two_field_officers_is_at_a_session()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, "9002");
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);

        Assert.Null(await CheckAsync(TuesdayMorning, applicants: 2));
        Assert.Equal(SlotProblem.OfficersAway, await CheckAsync(TuesdayMorning, applicants: 3));
        Assert.Null(await CheckAsync(WednesdayMorning, applicants: 4));
        Assert.DoesNotContain(TuesdayMorning, await OpenAsync(applicants: 3));
        Assert.Contains(TuesdayMorning, await OpenAsync(applicants: 2));

        await BookAsync(TuesdayMorning, applicants: 2);

        Assert.Equal(SlotProblem.Full, await CheckAsync(TuesdayMorning, applicants: 1));
        Assert.DoesNotContain(TuesdayMorning, await OpenAsync(applicants: 1));
        Assert.Contains(TuesdayAfternoon, await OpenAsync(applicants: 1));
    }

    [Theory]
    [InlineData(3, 1, 2)]
    [InlineData(3, 2, 1)]
    [InlineData(4, 1, 3)]
    [InlineData(4, 3, 1)]
    [InlineData(5, 4, 0)]
    public async Task Rounds_the_share_of_the_capacity_down(int officers, int away, int capacity)
    {
        var ids = new List<long>();
        for (var i = 0; i < officers; i++)
        {
            ids.Add(await _bot.EnrolOfficerAsync($"Petugas {i}", OfficerRole.Officer, $"90{i:00}"));
        }

        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), ids.Take(away).ToList());

        Assert.Equal(capacity > 0, (await OpenAsync(applicants: capacity > 0 ? capacity : 1)).Contains(TuesdayMorning));
        if (capacity > 0)
        {
            Assert.Equal(SlotProblem.OfficersAway, await CheckAsync(TuesdayMorning, applicants: capacity + 1));
        }
    }

    [Fact]
    public async Task Takes_no_visits_on_a_day_every_field_officer_is_at_a_session()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, "9002");
        await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, "9003");
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(13, 0), [sari]);

        var open = await OpenAsync(applicants: 1);

        Assert.DoesNotContain(open, s => s.Date == Tuesday);
        Assert.Equal(WednesdayMorning, open[0]);
        Assert.Equal(SlotProblem.OfficersAway, await CheckAsync(TuesdayMorning, applicants: 1));
        Assert.Equal(SlotProblem.OfficersAway, await CheckAsync(TuesdayAfternoon, applicants: 1));
    }

    [Fact]
    public async Task Leaves_the_capacity_alone_while_nobody_is_enrolled()
    {
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [42]);

        Assert.Null(await CheckAsync(TuesdayMorning, applicants: 4));
        Assert.Contains(TuesdayMorning, await OpenAsync(applicants: 4));
    }

    [Fact]
    public async Task Counts_a_supervisor_at_a_session_only_when_supervisors_are_the_ones_who_go_out()
    {
        var dewi = await _bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, "9003");
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [dewi]);
        var onlySupervisors = await CheckAsync(TuesdayMorning, applicants: 1);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");

        var withAnOfficer = await CheckAsync(TuesdayMorning, applicants: 4);

        Assert.Equal(SlotProblem.OfficersAway, onlySupervisors);
        Assert.Null(withAnOfficer);
    }

    [Theory]
    [InlineData(SessionStatus.Proposed)]
    [InlineData(SessionStatus.Declined)]
    [InlineData(SessionStatus.Cancelled)]
    [InlineData(SessionStatus.Requested)]
    public async Task Takes_nothing_for_a_session_that_is_not_approved(SessionStatus status)
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        var session = await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi], status == SessionStatus.Proposed ? SessionStatus.Proposed : SessionStatus.Approved);
        await SessionSeed.ChangeAsync(_bot, session.Id, async (sessions, s, now) =>
        {
            switch (status)
            {
                case SessionStatus.Declined:
                    await sessions.DeclineAsync(s, "Tidak ada petugas", now, CancellationToken.None);
                    break;
                case SessionStatus.Cancelled:
                    await sessions.CancelAsync(s, now, CancellationToken.None);
                    break;
                case SessionStatus.Requested:
                    await sessions.RefuseAsync(s, now, CancellationToken.None);
                    break;
            }
        });

        Assert.Null(await CheckAsync(TuesdayMorning, applicants: 4));
        Assert.Contains(TuesdayMorning, await OpenAsync(applicants: 4));
    }

    [Theory]
    [InlineData("id", "Selasa, 6 Januari 2026", "petugas kami sedang bertugas di layanan paspor kolektif")]
    [InlineData("en", "Tuesday, 6 January 2026", "our officers are out at a collective passport service")]
    public async Task Tells_a_citizen_who_types_the_day_that_the_officers_are_out_on_a_collective_service(string language, string day, string words)
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);
        var citizen = new Citizen(_bot, language: language);
        var offered = await citizen.BookUntil("slot");

        var replies = await citizen.Send(language == "id" ? "besok" : "6/1");

        Assert.DoesNotContain(offered[^1].Payloads(), p => p.StartsWith("v1:jb:a:slot:20260106", StringComparison.Ordinal));
        Assert.Contains("v1:jb:a:slot:20260107-0900", offered[^1].Payloads());
        var lang = language == "id" ? Language.Indonesian : Language.English;
        Assert.Equal(Texts.Format(lang, "SessionNotice.Slot.OfficersAway", day), replies[0].Text);
        Assert.Contains(words, replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith(Texts.Get(lang, "Visit.Ask.Slot"), replies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tells_a_citizen_who_types_a_day_whose_remaining_places_are_taken_that_it_is_full()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, "9002");
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);
        await BookAsync(TuesdayMorning, applicants: 2);
        await BookAsync(TuesdayAfternoon, applicants: 2);
        await _citizen.BookUntil("slot");

        var replies = await _citizen.Send("besok");

        Assert.Equal(Texts.Format(Language.Indonesian, "Slot.Problem.Full", "Selasa, 6 Januari 2026"), replies[0].Text);
    }

    [Fact]
    public async Task Refuses_at_confirm_a_window_a_session_approved_meanwhile_emptied()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        await _citizen.BookUntil("confirm", slot: "20260106-0900", applicants: 1);
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);

        var replies = await _citizen.Press("v1:jb:ok");

        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.SlotTaken"), replies[0].Text);
        Assert.DoesNotContain(replies[1].Payloads(), p => p.StartsWith("v1:jb:a:slot:20260106", StringComparison.Ordinal));
        Assert.Empty(await VisitsAsync());
    }

    [Fact]
    public async Task Books_at_confirm_what_is_left_of_a_day_with_an_officer_away()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, "9002");
        await _citizen.BookUntil("confirm", slot: "20260106-0900", applicants: 2);
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);

        await _citizen.Press("v1:jb:ok");

        Assert.Equal(TuesdayMorning, Assert.Single(await VisitsAsync()).Slot);
    }

    [Fact]
    public async Task Does_not_move_a_visit_onto_a_day_the_officers_are_away_but_moves_it_elsewhere()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        var visit = await BookAsync(WednesdayMorning, applicants: 1);
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);

        var refused = await MoveAsync(visit.Id, TuesdayAfternoon);
        var moved = await MoveAsync(visit.Id, new Slot(Tuesday.AddDays(2), new(9, 0), new(11, 0)));

        Assert.Equal(SlotProblem.OfficersAway, refused);
        Assert.Null(moved);
        Assert.Equal(Tuesday.AddDays(2), Assert.Single(await VisitsAsync()).Date);
    }

    [Fact]
    public async Task Moves_a_visit_into_what_is_left_of_a_day_with_an_officer_away_only_while_it_fits()
    {
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, "9001");
        await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, "9002");
        var two = await BookAsync(WednesdayMorning, applicants: 2);
        var one = await BookAsync(new Slot(Tuesday.AddDays(2), new(9, 0), new(11, 0)), applicants: 1);
        await SessionSeed.ScheduleAsync(_bot, Tuesday, new(8, 0), [budi]);

        var first = await MoveAsync(two.Id, TuesdayMorning);
        var second = await MoveAsync(one.Id, TuesdayMorning);

        Assert.Null(first);
        Assert.Equal(SlotProblem.Full, second);
    }

    private Task<SlotProblem?> CheckAsync(Slot slot, int applicants) =>
        _bot.InScopeAsync(sp => sp.GetRequiredService<Bookings>().CheckAsync(slot, _bot.Clock.GetUtcNow(), applicants, CancellationToken.None));

    private Task<IReadOnlyList<Slot>> OpenAsync(int applicants) =>
        _bot.InScopeAsync(sp => sp.GetRequiredService<Bookings>().OpenSlotsAsync(_bot.Clock.GetUtcNow(), applicants, 100, CancellationToken.None));

    private Task<Visit> BookAsync(Slot slot, int applicants) => SessionSeed.BookVisitAsync(_bot, slot, applicants);

    private Task<SlotProblem?> MoveAsync(long visitId, Slot slot) =>
        _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            var visit = await db.Visits.SingleAsync(v => v.Id == visitId);
            var problem = await sp.GetRequiredService<Bookings>().MoveAsync(visit, slot, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await db.SaveChangesAsync();
            return problem;
        });

    private async Task<IReadOnlyList<Visit>> VisitsAsync()
    {
        await using var db = _bot.Database.NewDb();
        return await db.Visits.AsNoTracking().Where(v => v.Status == VisitStatus.Booked).ToListAsync();
    }
}

/// <summary>Sessions, applicants and visits as the office and the flows leave them, for the collective clock tests.</summary>
internal static class SessionSeed
{
    public const string Coordinator = "7001";

    public static readonly GeoPoint Venue = new(-6.1502, 106.0921);

    public static SessionFacts Facts(GeoPoint? point) => new(
        OrganisationKind.TravelAgent,
        "PT Berkah <Umrah> Banten",
        "Haji Ahmad & Fauzi",
        "+6281298765432",
        SessionPurpose.Umrah,
        45,
        point,
        "Kec. Pabuaran, Kabupaten Serang",
        "Aula Masjid Al-Ikhlas",
        [new PreferredDate(new DateOnly(2026, 1, 14), DayPart.Morning)]);

    /// <summary>A request the office approved (or proposed) on <paramref name="date"/> at <paramref name="starts"/> with these officers.</summary>
    public static Task<Session> ScheduleAsync(
        EngineHarness bot,
        DateOnly date,
        TimeOnly starts,
        IReadOnlyCollection<long> officers,
        SessionStatus status = SessionStatus.Approved,
        Language language = Language.Indonesian,
        bool pinned = true) =>
        bot.InScopeAsync(async sp =>
        {
            var sessions = sp.GetRequiredService<Sessions>();
            var db = sp.GetRequiredService<TimporaDb>();
            var session = await sessions.RequestAsync(EngineHarness.Address(Coordinator), language, Facts(pinned ? Venue : null), bot.Clock.GetUtcNow(), CancellationToken.None);
            await db.SaveChangesAsync();
            await sessions.ScheduleAsync(session, status, date, starts, officers, bot.Clock.GetUtcNow(), CancellationToken.None);
            await db.SaveChangesAsync();
            return session;
        });

    /// <summary>Changes a session through the Sessions service, in its own unit of work.</summary>
    public static Task ChangeAsync(EngineHarness bot, long sessionId, Func<Sessions, Session, DateTimeOffset, Task> change) =>
        bot.InScopeAsync(async sp =>
        {
            var sessions = sp.GetRequiredService<Sessions>();
            var session = await sessions.FindAsync(sessionId, CancellationToken.None) ?? throw new InvalidOperationException("No such session.");
            await change(sessions, session, bot.Clock.GetUtcNow());
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });

    /// <summary>Someone on the roster: joined by the link (with a chat) or added by the coordinator's CSV (without).</summary>
    public static Task<Applicant> JoinAsync(EngineHarness bot, long sessionId, string name, string nik, string? chat, Language language = Language.Indonesian, PassportKind passport = PassportKind.New) =>
        bot.InScopeAsync(async sp =>
        {
            var sessions = sp.GetRequiredService<Sessions>();
            var session = await sessions.FindAsync(sessionId, CancellationToken.None) ?? throw new InvalidOperationException("No such session.");
            var facts = new ApplicantFacts(name, nik, new DateOnly(1990, 1, 1), passport, "+6281234567890");
            var joined = await sessions.AddAsync(
                session,
                facts,
                chat is null ? ApplicantSource.Csv : ApplicantSource.Link,
                chat is null ? null : EngineHarness.Address(chat),
                language,
                bot.Clock.GetUtcNow(),
                CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return joined.Applicant ?? throw new InvalidOperationException($"Could not join: {joined.Outcome}");
        });

    public static Task<Visit> BookVisitAsync(EngineHarness bot, Slot slot, int applicants) =>
        bot.InScopeAsync(async sp =>
        {
            var facts = new VisitFacts(
                VisitReason.InHospital, null, VisitService.NewPassport, applicants, new GeoPoint(-6.11, 106.18), "Kota Serang",
                "RSUD Serang, Ruang Melati 3", "Siti Aminah", "3604014101900003", "+6281234567890", null);
            var booked = await sp.GetRequiredService<Bookings>().BookAsync(EngineHarness.Address("2001"), Language.Indonesian, facts, slot, bot.Clock.GetUtcNow(), CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return booked.Visit ?? throw new InvalidOperationException($"Could not book {slot.Key}: {booked.Problem}");
        });
}
