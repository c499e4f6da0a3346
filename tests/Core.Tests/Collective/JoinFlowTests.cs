using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Collective;

/// <summary>
/// Applicants registering through a session's join link (<c>/start RB-…</c>), through the engine. The clock stands at
/// Monday 5 January 2026, 09:00 WIB.
/// </summary>
public sealed class JoinFlowTests : IDisposable
{
    private const string Applicant = "5001";
    private const string Nik = "3604011708750001";
    private static readonly DateOnly Born = new(1975, 8, 17);

    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("id", "Paspor baru", "Ahmad Fauzi")]
    [InlineData("en", "New passport", "Ahmad Fauzi")]
    public async Task Registers_an_applicant_who_opens_the_link_and_gives_the_checklist(string hint, string passportLabel, string name)
    {
        var language = Texts.FromHint(hint);
        var session = await RosterSetup.RequestAsync(_bot);

        var opened = await Send($"/start {session.Code}", hint);
        await Send(name, hint);
        await Send("3604 0117 0875 0001", hint);
        var passport = await Send("17/08/1975", hint);
        await Press("v1:join:a:pass:New", hint);
        var summary = await Send("0812-3456-7890", hint);
        var done = await Press("v1:join:ok", hint);

        Assert.Equal(Texts.Format(language, "Join.Intro", "PT Amanah Wisata", session.Code, Texts.Get(language, "Join.When.Pending")), opened[0].Text);
        Assert.Equal(Texts.Get(language, "Join.Ask.NamePilgrim"), opened[1].Text);
        Assert.Contains(passportLabel, passport[0].Labels());
        Assert.Contains(summary, r => r.Text == Texts.Format(language, "Join.Summary", session.Code, name, Nik, hint == "en" ? "Sunday, 17 August 1975" : "Minggu, 17 Agustus 1975", passportLabel, "+62 812-3456-7890"));
        Assert.Equal(
            Texts.Format(language, "Join.Added", name, "PT Amanah Wisata", session.Code, Texts.Get(language, "Join.When.Pending"), "Aula Masjid Al-Ikhlas, Desa Cikande, Kabupaten Serang"),
            done[0].Text);
        Assert.Equal(SessionChecklist.For(PassportKind.New, SessionPurpose.Umrah, language), done[1].Text);
        var applicant = Assert.Single(RosterSetup.Roster(_bot, session));
        Assert.Equal((name, Nik, Born, PassportKind.New, "+6281234567890"), (applicant.FullName, applicant.Nik, applicant.BirthDate, applicant.Passport, applicant.Phone));
        Assert.Equal((ApplicantSource.Link, EngineHarness.Address(Applicant), language), (applicant.Source, applicant.Chat, applicant.Language));
    }

    [Fact]
    public async Task Welcomes_with_the_date_and_time_of_an_approved_session()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await RosterSetup.ApproveAsync(_bot, session, new DateOnly(2026, 1, 20), new TimeOnly(8, 0));

        var done = await JoinAsync(session);

        var when = Texts.Format(Language.Indonesian, "Join.When.Fixed", "Selasa, 20 Januari 2026", "08.00");
        Assert.Contains(when, done[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_one_word_name_for_Umrah_and_explains_bin_or_binti()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await Send($"/start {session.Code}");

        var replies = await Send("Sumarni");

        Assert.Equal(Texts.Format(Language.Indonesian, "Join.Name.OneWord", ApplicantName.Longest), replies[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Join.Ask.NamePilgrim"), replies[1].Text);
        var next = await Send("Sumarni binti Rahmat");
        Assert.Equal(Texts.Get(Language.Indonesian, "Join.Ask.Nik"), next[0].Text);
    }

    [Fact]
    public async Task Takes_a_one_word_name_for_a_session_that_is_not_a_pilgrimage()
    {
        var session = await RosterSetup.RequestAsync(_bot, SessionPurpose.Other);
        var opened = await Send($"/start {session.Code}");

        var replies = await Send("Sumarni");

        Assert.Equal(Texts.Get(Language.Indonesian, "Join.Ask.Name"), opened[1].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Join.Ask.Nik"), replies[0].Text);
    }

    [Theory]
    [InlineData("Ahmad 99", "Join.Name.NotLetters")]
    [InlineData("   ", "Join.Name.Empty")]
    public async Task Refuses_a_name_that_is_not_a_name(string typed, string problem)
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await Send($"/start {session.Code}");

        var replies = await Send(typed);

        Assert.Equal(Texts.Format(Language.Indonesian, problem, ApplicantName.Longest), replies[0].Text);
    }

    [Fact]
    public async Task Refuses_a_NIK_with_fifteen_digits()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await Send($"/start {session.Code}");
        await Send("Ahmad Fauzi");

        var replies = await Send("360401170875000");

        Assert.Equal(Texts.Format(Language.Indonesian, "Form.Nik.TooShort", 15), replies[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Join.Ask.Nik"), replies[1].Text);
    }

    [Theory]
    [InlineData("17/08/2026", "Join.BirthDate.Future")]
    [InlineData("17/08/1899", "Join.BirthDate.TooOld")]
    [InlineData("17/08/75", "Join.BirthDate.ShortYear")]
    [InlineData("08/17/1975", "Join.BirthDate.NotUnderstood")]
    [InlineData("kemarin", "Join.BirthDate.NotUnderstood")]
    public async Task Refuses_a_birth_date_that_cannot_be_one(string typed, string problem)
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await Send($"/start {session.Code}");
        await Send("Ahmad Fauzi");
        await Send(Nik);

        var replies = await Send(typed);

        Assert.Equal(Texts.Format(Language.Indonesian, problem, BirthDates.OldestYears), replies[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Join.Ask.BirthDate"), replies[1].Text);
    }

    [Theory]
    [InlineData("17 Agustus 1975")]
    [InlineData("17-8-1975")]
    [InlineData("1975-08-17")]
    public async Task Reads_a_birth_date_in_words_or_numbers(string typed)
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await Send($"/start {session.Code}");
        await Send("Ahmad Fauzi");
        await Send(Nik);

        var replies = await Send(typed);

        Assert.StartsWith(Texts.Get(Language.Indonesian, "Join.Ask.Passport"), replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warns_gently_when_the_birth_date_differs_from_the_NIK_but_still_registers()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await Send($"/start {session.Code}");
        await Send("Ahmad Fauzi");
        await Send(Nik);

        var warned = await Send("18/08/1975");
        await Press("v1:join:a:pass:Replacement");
        var summary = await Send("081234567890");
        await Press("v1:join:ok");

        Assert.Equal(Texts.Format(Language.Indonesian, "Join.BirthDateDiffers", "Senin, 18 Agustus 1975"), warned[0].Text);
        Assert.StartsWith(Texts.Get(Language.Indonesian, "Join.Ask.Passport"), warned[1].Text, StringComparison.Ordinal);
        Assert.Contains(summary, r => r.Text?.EndsWith(Texts.Get(Language.Indonesian, "Join.SummaryDiffers"), StringComparison.Ordinal) == true);
        Assert.Equal(new DateOnly(1975, 8, 18), Assert.Single(RosterSetup.Roster(_bot, session)).BirthDate);
    }

    [Fact]
    public async Task Does_not_warn_when_a_woman_s_NIK_carries_her_day_plus_forty()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await Send($"/start {session.Code}");
        await Send("Siti Aminah");
        await Send("3604014302800002");

        var replies = await Send("03/02/1980");

        Assert.StartsWith(Texts.Get(Language.Indonesian, "Join.Ask.Passport"), replies[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1:join:a:pass:Lost")]
    [InlineData("v1:join:a:pass:7")]
    public async Task Refuses_a_forged_passport_choice(string payload)
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await Send($"/start {session.Code}");
        await Send("Ahmad Fauzi");
        await Send(Nik);
        await Send("17/08/1975");

        var replies = await Press(payload);

        Assert.Equal(Texts.Get(Language.Indonesian, "Form.PickOne"), replies[0].Text);
        Assert.Empty(RosterSetup.Roster(_bot, session));
    }

    [Fact]
    public async Task Treats_a_confirmation_pressed_before_the_summary_as_stale()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await Send($"/start {session.Code}");

        var replies = await Press("v1:join:ok");

        Assert.Equal(Texts.Get(Language.Indonesian, "Input.StaleButton"), replies[0].Text);
        Assert.Empty(RosterSetup.Roster(_bot, session));
    }

    [Theory]
    [InlineData("/start RB-ZZZZZZ")]
    [InlineData("/start RB-0")]
    public async Task Explains_kindly_that_a_link_leads_nowhere(string command)
    {
        var replies = await Send(command);

        Assert.Equal(Texts.Get(Language.Indonesian, "Join.Unknown"), replies[0].Text);
        Assert.NotEqual(JoinFlow.FlowName, _bot.Conversation(Applicant).Flow);
    }

    [Theory]
    [InlineData(SessionStatus.Cancelled, "Join.Closed.Ended")]
    [InlineData(SessionStatus.Declined, "Join.Closed.Ended")]
    [InlineData(SessionStatus.Held, "Join.Closed.Held")]
    public async Task Explains_that_a_session_no_longer_open_takes_no_one(SessionStatus status, string text)
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await RosterSetup.ChangeAsync(_bot, session, s =>
        {
            switch (status)
            {
                case SessionStatus.Cancelled:
                    s.Cancel(Some.Now.UtcDateTime);
                    break;
                case SessionStatus.Declined:
                    s.Decline("Tanggal penuh", Some.Now.UtcDateTime);
                    break;
                default:
                    s.RecordHeld(40, Some.Now.UtcDateTime);
                    break;
            }
        });

        var replies = await Send($"/start {session.Code}");

        Assert.Equal(Texts.Get(Language.Indonesian, text), replies[0].Text);
    }

    [Fact]
    public async Task Takes_no_one_into_an_approved_session_whose_day_is_past_even_if_nobody_recorded_it()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await RosterSetup.ChangeAsync(_bot, session, s => s.Schedule(SessionStatus.Approved, new DateOnly(2026, 1, 2), new TimeOnly(8, 0), Some.Now.AddDays(-3), Some.Now.UtcDateTime));

        var replies = await Send($"/start {session.Code}");

        Assert.Equal(Texts.Get(Language.Indonesian, "Join.Closed.Held"), replies[0].Text);
        Assert.NotEqual(JoinFlow.FlowName, _bot.Conversation(Applicant).Flow);
    }

    [Fact]
    public async Task Adds_no_one_when_the_session_was_cancelled_before_the_confirmation()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await JoinUntilConfirmAsync(session);
        await RosterSetup.CancelAsync(_bot, session);

        var replies = await Press("v1:join:ok");

        Assert.Equal(Texts.Get(Language.Indonesian, "Join.Closed.Ended"), replies[0].Text);
        Assert.Empty(RosterSetup.Roster(_bot, session));
    }

    [Fact]
    public async Task Refuses_politely_someone_already_on_another_open_session()
    {
        var other = await RosterSetup.RequestAsync(_bot, coordinator: "3999");
        await RosterSetup.AddAsync(_bot, other, new ApplicantFacts("Ahmad Fauzi", Nik, Born, PassportKind.New, "+6281234567890"), chat: "5999");
        var session = await RosterSetup.RequestAsync(_bot);

        var replies = await JoinAsync(session);

        Assert.Equal(Texts.Get(Language.Indonesian, "Join.InAnotherSession"), replies[0].Text);
        Assert.Empty(RosterSetup.Roster(_bot, session));
    }

    [Fact]
    public async Task Links_a_person_the_coordinator_s_file_added_so_reminders_reach_them()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await RosterSetup.AddAsync(_bot, session, new ApplicantFacts("Ahmad Fauzi", Nik, Born, PassportKind.Replacement, "+6281234567890"), ApplicantSource.Csv);

        var replies = await JoinAsync(session, language: "en");

        Assert.Equal(
            Texts.Format(Language.English, "Join.Linked", "Ahmad Fauzi", "PT Amanah Wisata", session.Code, Texts.Get(Language.English, "Join.When.Pending")),
            replies[0].Text);
        Assert.Equal(SessionChecklist.For(PassportKind.Replacement, SessionPurpose.Umrah, Language.English), replies[1].Text);
        var linked = Assert.Single(RosterSetup.Roster(_bot, session));
        Assert.Equal((ApplicantSource.Csv, EngineHarness.Address(Applicant), Language.English), (linked.Source, linked.Chat, linked.Language));
    }

    [Fact]
    public async Task Changes_nothing_for_someone_who_registers_twice()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await JoinAsync(session);

        var replies = await JoinAsync(session);

        Assert.Equal(Texts.Format(Language.Indonesian, "Join.AlreadyHere", "PT Amanah Wisata", session.Code), replies[0].Text);
        Assert.Single(RosterSetup.Roster(_bot, session));
    }

    [Fact]
    public async Task Refuses_a_newcomer_when_the_roster_is_full_but_still_links_someone_already_on_it()
    {
        using var bot = new EngineHarness(collective: new CollectiveOptions { MinimumApplicants = 1, MaximumApplicants = 2 });
        var session = await RosterSetup.RequestAsync(bot);
        await RosterSetup.AddAsync(bot, session, RosterSetup.Person("Siti Aminah", new DateOnly(1980, 2, 3), 2), chat: "5002");
        await RosterSetup.AddAsync(bot, session, new ApplicantFacts("Ahmad Fauzi", Nik, Born, PassportKind.New, "+6281234567890"), ApplicantSource.Csv);

        var opened = await bot.SendAsync($"/start {session.Code}", "5003");
        var newcomer = await JoinAsync(session, bot: bot, chat: "5003", nik: "3604010101900003", born: "01/01/1990", skipStart: true);
        var linked = await JoinAsync(session, bot: bot);

        Assert.EndsWith(Texts.Format(Language.Indonesian, "Join.FullNotice", 2), opened[0].Text, StringComparison.Ordinal);
        Assert.Equal(Texts.Format(Language.Indonesian, "Join.Full", "PT Amanah Wisata", 2), newcomer[0].Text);
        Assert.StartsWith(Texts.Format(Language.Indonesian, "Join.Linked", "Ahmad Fauzi", "PT Amanah Wisata", session.Code, Texts.Get(Language.Indonesian, "Join.When.Pending")), linked[0].Text, StringComparison.Ordinal);
        Assert.Equal(2, RosterSetup.Roster(bot, session).Count);
    }

    [Fact]
    public async Task Points_to_the_link_when_the_form_is_reached_without_one()
    {
        var replies = await _bot.PressAsync("v1:join:x", Applicant);

        Assert.DoesNotContain(replies, r => r.Text == Texts.Get(Language.Indonesian, "Join.Ask.Name"));
        Assert.NotEqual(JoinFlow.FlowName, _bot.Conversation(Applicant).Flow);
    }

    private Task<IReadOnlyList<OutgoingMessage>> Send(string text, string hint = "id") => _bot.SendAsync(text, Applicant, hint);

    private Task<IReadOnlyList<OutgoingMessage>> Press(string payload, string hint = "id") => _bot.PressAsync(payload, Applicant, hint);

    private async Task JoinUntilConfirmAsync(Session session)
    {
        await Send($"/start {session.Code}");
        await Send("Ahmad Fauzi");
        await Send(Nik);
        await Send("17/08/1975");
        await Press("v1:join:a:pass:New");
        await Send("081234567890");
    }

    private async Task<IReadOnlyList<OutgoingMessage>> JoinAsync(
        Session session, string language = "id", EngineHarness? bot = null, string chat = Applicant, string nik = Nik, string born = "17/08/1975", bool skipStart = false)
    {
        bot ??= _bot;
        if (!skipStart)
        {
            await bot.SendAsync($"/start {session.Code}", chat, language);
        }

        await bot.SendAsync("Ahmad Fauzi", chat, language);
        await bot.SendAsync(nik, chat, language);
        await bot.SendAsync(born, chat, language);
        await bot.PressAsync("v1:join:a:pass:" + (nik == Nik ? "Replacement" : "New"), chat, language);
        await bot.SendAsync("081234567890", chat, language);
        return await bot.PressAsync("v1:join:ok", chat, language);
    }
}
