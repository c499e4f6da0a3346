using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Collective;

/// <summary>
/// The coordinator's roster (<c>/rombongan</c>) through the engine. The clock stands at Monday 5 January 2026, 09:00
/// WIB; sessions are requested in the database as the request form's finisher would leave them.
/// </summary>
public sealed class RosterFlowTests : IDisposable
{
    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("id", "/rombongan")]
    [InlineData("en", "/roster")]
    public async Task Someone_without_a_session_is_told_how_to_request_one(string hint, string command)
    {
        var replies = await _bot.SendAsync(command, RosterSetup.Coordinator, hint);

        Assert.Equal(Texts.Get(Texts.FromHint(hint), "Roster.None"), Assert.Single(replies).Text);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Shows_the_count_against_plan_and_minimum_the_status_and_every_problem(string hint)
    {
        var language = Texts.FromHint(hint);
        var session = await RosterSetup.RequestAsync(_bot, language: language);
        await RosterSetup.AddAsync(_bot, session, RosterSetup.Person("Ahmad Fauzi", new DateOnly(1975, 8, 17), 1), chat: "5001");
        await RosterSetup.AddAsync(_bot, session, RosterSetup.Person("Siti Aminah", new DateOnly(1980, 2, 3), 2) with { BirthDate = new DateOnly(1980, 2, 4) }, chat: "5002");
        await RosterSetup.AddAsync(_bot, session, RosterSetup.Person("Nur Aini", new DateOnly(2015, 6, 1), 3), source: ApplicantSource.Csv);

        var replies = await _bot.SendAsync("/rombongan", RosterSetup.Coordinator, hint);

        var card = Assert.Single(replies);
        Assert.StartsWith(Texts.Format(language, "Roster.Card", session.Code, "PT Amanah Wisata", Texts.Get(language, "Roster.Status.Requested"), 3, 45, 30, 300), card.Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(language, "Roster.Problem.TooFew", 3, 30, 27), card.Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(language, "Roster.Problem.NikDate", 1, "Siti Aminah"), card.Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(language, "Roster.Problem.Children", 1, "Nur Aini", 17), card.Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(language, "Roster.Problem.NotLinked", 1), card.Text, StringComparison.Ordinal);
        Assert.Equal(
            [$"v1:roster:list:{session.Code}:0", $"v1:roster:csv:{session.Code}", $"v1:roster:link:{session.Code}", $"v1:roster:cancel:{session.Code}", "v1:roster:menu"],
            card.Payloads());
    }

    [Fact]
    public async Task Shows_the_fixed_date_and_time_of_an_approved_session()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await RosterSetup.ApproveAsync(_bot, session, new DateOnly(2026, 1, 20), new TimeOnly(8, 0));

        var replies = await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);

        Assert.Contains(Texts.Format(Language.Indonesian, "Roster.Status.Approved", "Selasa, 20 Januari 2026", "08.00"), replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_the_list_is_ready_when_nothing_needs_attention()
    {
        using var bot = new EngineHarness(collective: new CollectiveOptions { MinimumApplicants = 2 });
        var session = await RosterSetup.RequestAsync(bot);
        await RosterSetup.AddAsync(bot, session, RosterSetup.Person("Ahmad Fauzi", new DateOnly(1975, 8, 17), 1), chat: "5001");
        await RosterSetup.AddAsync(bot, session, RosterSetup.Person("Siti Aminah", new DateOnly(1980, 2, 3), 2), chat: "5002");

        var replies = await bot.SendAsync("/rombongan", RosterSetup.Coordinator);

        Assert.EndsWith(Texts.Get(Language.Indonesian, "Roster.Ready"), replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Texts.Get(Language.Indonesian, "Roster.Problems"), replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asks_which_session_when_the_coordinator_has_several_and_does_not_list_closed_ones()
    {
        var first = await RosterSetup.RequestAsync(_bot);
        var second = await RosterSetup.RequestAsync(_bot);
        var closed = await RosterSetup.RequestAsync(_bot);
        await RosterSetup.CancelAsync(_bot, closed);

        var replies = await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);

        var pick = Assert.Single(replies);
        Assert.Equal(Texts.Format(Language.Indonesian, "Roster.Pick", 2), pick.Text);
        Assert.Equal([$"v1:roster:show:{second.Code}", $"v1:roster:show:{first.Code}", "v1:roster:menu"], pick.Payloads());
    }

    [Fact]
    public async Task Lists_people_ten_to_a_page_with_a_remove_button_each()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        for (var i = 1; i <= 12; i++)
        {
            await RosterSetup.AddAsync(_bot, session, RosterSetup.Person($"Jamaah Nomor {Words(i)}", new DateOnly(1970, 1, i), i));
        }

        var first = await _bot.PressAsync($"v1:roster:list:{session.Code}:0", RosterSetup.Coordinator);
        var second = await _bot.PressAsync($"v1:roster:list:{session.Code}:1", RosterSetup.Coordinator);

        var ids = RosterSetup.Roster(_bot, session).Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.StartsWith(Texts.Format(Language.Indonesian, "Roster.ListHeader", session.Code, 12, 1, 2), first[0].Text, StringComparison.Ordinal);
        Assert.Equal(
            [.. ids.Take(10).Select(id => $"v1:roster:rm:{session.Code}:{id}"), $"v1:roster:list:{session.Code}:1", $"v1:roster:show:{session.Code}"],
            first[0].Payloads());
        Assert.Contains("10. Jamaah Nomor Sepuluh", first[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sebelas", first[0].Text, StringComparison.Ordinal);
        Assert.Equal(
            [.. ids.Skip(10).Select(id => $"v1:roster:rm:{session.Code}:{id}"), $"v1:roster:list:{session.Code}:0", $"v1:roster:show:{session.Code}"],
            second[0].Payloads());
        Assert.Contains("12. Jamaah Nomor Duabelas", second[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removes_a_person_only_after_confirming_and_tells_them_when_they_registered_by_link()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await RosterSetup.AddAsync(_bot, session, RosterSetup.Person("Ahmad Fauzi", new DateOnly(1975, 8, 17), 1), chat: "5001");
        var ahmad = Assert.Single(RosterSetup.Roster(_bot, session));

        var ask = await _bot.PressAsync($"v1:roster:rm:{session.Code}:{ahmad.Id}", RosterSetup.Coordinator);
        Assert.Single(RosterSetup.Roster(_bot, session));
        var done = await _bot.PressAsync($"v1:roster:rmok:{session.Code}:{ahmad.Id}", RosterSetup.Coordinator);

        Assert.Equal(Texts.Format(Language.Indonesian, "Roster.Remove.Ask", "Ahmad Fauzi", session.Code), ask[0].Text);
        Assert.Equal([$"v1:roster:rmok:{session.Code}:{ahmad.Id}", $"v1:roster:list:{session.Code}:0"], ask[0].Payloads());
        Assert.Equal(Texts.Format(Language.Indonesian, "Roster.Removed", "Ahmad Fauzi"), done[0].Text);
        Assert.StartsWith(Texts.Format(Language.Indonesian, "Roster.Card", session.Code, "PT Amanah Wisata", Texts.Get(Language.Indonesian, "Roster.Status.Requested"), 0, 45, 30, 300), done[1].Text, StringComparison.Ordinal);
        Assert.Empty(RosterSetup.Roster(_bot, session));
        Assert.Equal(Texts.Format(Language.Indonesian, "Join.Removed", "PT Amanah Wisata", session.Code), Assert.Single(_bot.Queued("5001")).Text);
    }

    [Fact]
    public async Task Withdraws_a_removed_person_s_waiting_reminder()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await RosterSetup.AddAsync(_bot, session, RosterSetup.Person("Ahmad Fauzi", new DateOnly(1975, 8, 17), 1), chat: "5001");
        var ahmad = Assert.Single(RosterSetup.Roster(_bot, session));
        await _bot.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<TimporaDb>();
            services.GetRequiredService<Core.Delivery.Outbox>().Enqueue(EngineHarness.Address("5001"), OutgoingMessage.Say("pengingat"), Sessions.ApplicantKeyPrefix(session.Id, ahmad.Id) + "d3");
            await db.SaveChangesAsync();
        });

        await _bot.PressAsync($"v1:roster:rmok:{session.Code}:{ahmad.Id}", RosterSetup.Coordinator);

        Assert.DoesNotContain(_bot.OutboxRows(), o => o.IdempotencyKey?.StartsWith(Sessions.ApplicantKeyPrefix(session.Id, ahmad.Id), StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Refuses_a_forged_button_for_someone_else_s_session_and_changes_nothing()
    {
        var mine = await RosterSetup.RequestAsync(_bot);
        var theirs = await RosterSetup.RequestAsync(_bot, coordinator: "3999");
        await RosterSetup.AddAsync(_bot, theirs, RosterSetup.Person("Ahmad Fauzi", new DateOnly(1975, 8, 17), 1));
        var stranger = Assert.Single(RosterSetup.Roster(_bot, theirs));

        var remove = await _bot.PressAsync($"v1:roster:rmok:{theirs.Code}:{stranger.Id}", RosterSetup.Coordinator);
        var cancel = await _bot.PressAsync($"v1:roster:cancelok:{theirs.Code}", RosterSetup.Coordinator);
        var list = await _bot.PressAsync($"v1:roster:list:{theirs.Code}:0", RosterSetup.Coordinator);
        var viaMine = await _bot.PressAsync($"v1:roster:rmok:{mine.Code}:{stranger.Id}", RosterSetup.Coordinator);

        foreach (var replies in new[] { remove, cancel, list })
        {
            Assert.Equal(Texts.Get(Language.Indonesian, "Roster.NotFound"), replies[0].Text);
            Assert.DoesNotContain(replies, r => r.Text?.Contains("Ahmad", StringComparison.Ordinal) == true);
        }

        Assert.Equal(Texts.Get(Language.Indonesian, "Roster.PersonGone"), viaMine[0].Text);
        Assert.Single(RosterSetup.Roster(_bot, theirs));
        Assert.Equal(SessionStatus.Requested, RosterSetup.Find(_bot, theirs).Status);
    }

    [Theory]
    [InlineData("v1:roster:rm:RB-7K3Q9X:abc")]
    [InlineData("v1:roster:list:RB-7K3Q9X")]
    [InlineData("v1:roster:explode:RB-7K3Q9X")]
    public async Task Answers_a_malformed_button_on_its_own_session_as_stale_or_not_found(string template)
    {
        var session = await RosterSetup.RequestAsync(_bot);

        var replies = await _bot.PressAsync(template.Replace("RB-7K3Q9X", session.Code, StringComparison.Ordinal), RosterSetup.Coordinator);

        Assert.Equal(Texts.Get(Language.Indonesian, "Input.StaleButton"), replies[0].Text);
    }

    [Fact]
    public async Task Cancels_the_request_after_confirming()
    {
        var session = await RosterSetup.RequestAsync(_bot);

        var ask = await _bot.PressAsync($"v1:roster:cancel:{session.Code}", RosterSetup.Coordinator);
        Assert.Equal(SessionStatus.Requested, RosterSetup.Find(_bot, session).Status);
        var done = await _bot.PressAsync($"v1:roster:cancelok:{session.Code}", RosterSetup.Coordinator);

        Assert.Equal([$"v1:roster:cancelok:{session.Code}", $"v1:roster:show:{session.Code}"], ask[0].Payloads());
        Assert.Equal(Texts.Format(Language.Indonesian, "Roster.Cancelled", session.Code), done[0].Text);
        Assert.Equal(SessionStatus.Cancelled, RosterSetup.Find(_bot, session).Status);
        var again = await _bot.PressAsync($"v1:roster:cancelok:{session.Code}", RosterSetup.Coordinator);
        Assert.Equal(Texts.Get(Language.Indonesian, "Roster.NotFound"), again[0].Text);
    }

    [Fact]
    public async Task Gives_the_join_link_again()
    {
        var session = await RosterSetup.RequestAsync(_bot);

        var replies = await _bot.PressAsync($"v1:roster:link:{session.Code}", RosterSetup.Coordinator);

        Assert.Contains($"https://t.me/{Some.BotUsername}?start={session.Code}", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_no_problem_in_a_ready_roster_and_counts_a_child_s_age_on_the_session_date()
    {
        var session = new Session("RB-7K3Q9X", EngineHarness.Address(RosterSetup.Coordinator), Language.Indonesian, RosterSetup.Facts(), Some.Now.UtcDateTime);
        var chat = EngineHarness.Address("5001");

        // Turns 17 on 10 January 2026: a child today, an adult on a session on the 20th.
        var turning = new Applicant(1, RosterSetup.Person("Rizki Pratama", new DateOnly(2009, 1, 10), 1), ApplicantSource.Link, chat, Language.Indonesian, Some.Now.UtcDateTime);

        Assert.Single(RosterCheck.Problems(session, [turning], 1, new DateOnly(2026, 1, 5), Language.Indonesian));
        session.Schedule(SessionStatus.Approved, new DateOnly(2026, 1, 20), new TimeOnly(8, 0), Some.Now, Some.Now.UtcDateTime);
        Assert.Empty(RosterCheck.Problems(session, [turning], 1, new DateOnly(2026, 1, 5), Language.Indonesian));
    }

    private static string Words(int n) => n switch
    {
        10 => "Sepuluh",
        11 => "Sebelas",
        12 => "Duabelas",
        _ => new[] { "Satu", "Dua", "Tiga", "Empat", "Lima", "Enam", "Tujuh", "Delapan", "Sembilan" }[n - 1],
    };
}

/// <summary>Sessions and people as the request form and the join form would leave them in the database.</summary>
internal static class RosterSetup
{
    public const string Coordinator = "3003";

    public static SessionFacts Facts(SessionPurpose purpose = SessionPurpose.Umrah, int expected = 45) => new(
        OrganisationKind.TravelAgent,
        "PT Amanah Wisata",
        "Haji Mahmud",
        "+6281200001111",
        purpose,
        expected,
        null,
        "Desa Cikande, Kabupaten Serang",
        "Aula Masjid Al-Ikhlas",
        [new PreferredDate(new DateOnly(2026, 1, 20), DayPart.Morning)]);

    /// <summary>A NIK from Kab. Serang whose digits agree with the birth date (women's day + 40).</summary>
    public static string NikFor(DateOnly birth, int serial, bool female = false) => string.Create(
        CultureInfo.InvariantCulture,
        $"360401{birth.Day + (female ? 40 : 0):00}{birth.Month:00}{birth.Year % 100:00}{serial:0000}");

    public static ApplicantFacts Person(string name, DateOnly birth, int serial, PassportKind passport = PassportKind.New) =>
        new(name, NikFor(birth, serial), birth, passport, "+62812345678" + (serial % 100).ToString("00", CultureInfo.InvariantCulture));

    public static Task<Session> RequestAsync(EngineHarness bot, SessionPurpose purpose = SessionPurpose.Umrah, string coordinator = Coordinator, Language language = Language.Indonesian) =>
        bot.InScopeAsync(async services =>
        {
            var session = await services.GetRequiredService<Sessions>().RequestAsync(EngineHarness.Address(coordinator), language, Facts(purpose), bot.Clock.GetUtcNow(), CancellationToken.None);
            await services.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return session;
        });

    public static Task<Joined> AddAsync(EngineHarness bot, Session session, ApplicantFacts facts, ApplicantSource source = ApplicantSource.Link, string? chat = null) =>
        bot.InScopeAsync(async services =>
        {
            var sessions = services.GetRequiredService<Sessions>();
            var joined = await sessions.AddAsync(
                (await sessions.FindAsync(session.Id, CancellationToken.None))!, facts, source, chat is null ? null : EngineHarness.Address(chat), Language.Indonesian, bot.Clock.GetUtcNow(), CancellationToken.None);
            await services.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return joined;
        });

    public static async Task ApproveAsync(EngineHarness bot, Session session, DateOnly date, TimeOnly starts)
    {
        var officer = await bot.EnrolOfficerAsync("Rudi Hartono " + session.Code, OfficerRole.Officer, "2" + session.Id.ToString("000", CultureInfo.InvariantCulture));
        await bot.InScopeAsync(async services =>
        {
            var sessions = services.GetRequiredService<Sessions>();
            await sessions.ScheduleAsync((await sessions.FindAsync(session.Id, CancellationToken.None))!, SessionStatus.Approved, date, starts, [officer], bot.Clock.GetUtcNow(), CancellationToken.None);
            await services.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });
    }

    public static Task CancelAsync(EngineHarness bot, Session session) => ChangeAsync(bot, session, s => s.Cancel(bot.Clock.GetUtcNow().UtcDateTime));

    public static Task ChangeAsync(EngineHarness bot, Session session, Action<Session> change) =>
        bot.InScopeAsync(async services =>
        {
            var found = await services.GetRequiredService<Sessions>().FindAsync(session.Id, CancellationToken.None);
            change(found!);
            await services.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });

    public static Session Find(EngineHarness bot, Session session)
    {
        using var db = bot.Database.NewDb();
        return db.Sessions.AsNoTracking().Single(s => s.Id == session.Id);
    }

    public static IReadOnlyList<Applicant> Roster(EngineHarness bot, Session session)
    {
        using var db = bot.Database.NewDb();
        return [.. db.Applicants.AsNoTracking().Where(a => a.SessionId == session.Id).OrderBy(a => a.Id)];
    }
}
