using Microsoft.EntityFrameworkCore;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Collective;

/// <summary>
/// A coordinator requests a collective session through the engine. The clock stands at Monday 5 January 2026, 09:00
/// WIB: with seven days' lead the first possible date is Monday 12 January; Friday 16 January is Isra Mikraj.
/// </summary>
public sealed class CollectiveFlowTests : IDisposable
{
    private const string Address = "Kp. Pasir Gadung RT 02/03, Kec. Cikande, Kab. Serang";
    private const string Venue = "Aula lantai 2, Kantor PT Amanah Wisata";

    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("id", "/kolektif", "/rombongan")]
    [InlineData("en", "/collective", "/roster")]
    public async Task Requests_a_session_and_gives_the_code_the_join_link_and_the_group_checklist(string hint, string command, string roster)
    {
        var language = Texts.FromHint(hint);

        var replies = await RequestUntil("end", hint, command);

        var session = Assert.Single(Sessions());
        Assert.Matches("^RB-[2-9A-Z]{6}$", session.Code);
        Assert.Equal(SessionStatus.Requested, session.Status);
        Assert.Equal(language, session.Language);
        Assert.Equal(EngineHarness.Chat, session.ChatKey);
        Assert.Equal(OrganisationKind.TravelAgent, session.Organisation);
        Assert.Equal("PT Amanah Wisata Haramain", session.OrganisationName);
        Assert.Equal("Hj. Siti Rahmah", session.CoordinatorName);
        Assert.Equal("+6281234567890", session.CoordinatorPhone);
        Assert.Equal(SessionPurpose.Umrah, session.Purpose);
        Assert.Equal(45, session.ExpectedApplicants);
        Assert.Equal(Address, session.Address);
        Assert.Null(session.Latitude);
        Assert.Equal(Venue, session.VenueDetails);
        Assert.Equal(
            [new PreferredDate(new(2026, 1, 12), DayPart.Morning), new PreferredDate(new(2026, 1, 14), DayPart.Afternoon)],
            session.PreferredDates);
        Assert.Null(session.Date);

        var link = $"https://t.me/{Some.BotUsername}?start={session.Code}";
        Assert.Equal(Texts.Format(language, "Collective.Requested", session.Code, link), replies[0].Text);
        Assert.Contains($"<code>{session.Code}</code>", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(link, replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(roster, replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(ReplyKeyboard.Removed, replies[0].Keyboard);
        Assert.Equal(Texts.Format(language, "Collective.GroupChecklist", SessionChecklist.ForGroup(SessionPurpose.Umrah, language)), replies[1].Text);
        Assert.Equal(Texts.Format(language, "Menu.Prompt", Some.OfficeName), replies[2].Text);
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);
        Assert.Null(_bot.Conversation().FlowState);
    }

    [Fact]
    public async Task Starts_with_what_the_service_is_and_who_asks()
    {
        var replies = await Send("/umrah");

        var ask = Assert.Single(replies);
        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Ask.Organisation", 30), ask.Text);
        Assert.Equal(
            ["v1:col:a:org:TravelAgent", "v1:col:a:org:Kbih", "v1:col:a:org:Pesantren", "v1:col:a:org:Village", "v1:col:a:org:Company", "v1:col:a:org:Other", "v1:col:back:org", "v1:col:x"],
            ask.Payloads());
    }

    [Theory]
    [InlineData("id", "Senin, 12 Januari 2026</b>, pagi (mulai 08.00 WIB)", "Rabu, 14 Januari 2026</b>, siang (mulai 13.00 WIB)")]
    [InlineData("en", "Monday, 12 January 2026</b>, morning (from 08.00 WIB)", "Wednesday, 14 January 2026</b>, afternoon (from 13.00 WIB)")]
    public async Task Reads_every_fact_back_with_the_dates_written_out_before_anything_is_stored(string hint, string first, string second)
    {
        var language = Texts.FromHint(hint);

        var replies = await RequestUntil("confirm", hint);

        var summary = Assert.Single(replies);
        foreach (var fact in new[]
        {
            Texts.Get(language, "Collective.Organisation.TravelAgent"), "PT Amanah Wisata Haramain", "Hj. Siti Rahmah", "+62 812-3456-7890",
            Texts.Get(language, "Collective.Purpose.Umrah"), "45", Address, Venue, "1. <b>" + first, "2. <b>" + second,
        })
        {
            Assert.Contains(fact, summary.Text, StringComparison.Ordinal);
        }

        Assert.Equal(["v1:col:ok", "v1:col:back:confirm", "v1:col:x"], summary.Payloads());
        Assert.Empty(Sessions());
    }

    [Fact]
    public async Task Escapes_what_the_coordinator_typed_in_the_summary()
    {
        await RequestUntil("orgname");
        await Send("Yayasan <b>Amanah</b> & Co");
        await Send("Hj. Siti Rahmah");
        await Send("081234567890");
        await Press("v1:col:a:why:Hajj");
        await Send("45");
        await Send(Address);
        await Send("Aula <i>utama</i>");
        await Press("v1:col:a:power:yes");
        await Press("v1:col:a:d1:20260112M");
        await Press("v1:col:a:d2:20260113M");

        var summary = Assert.Single(await Press("v1:col:skip:d3"));

        Assert.Contains("Yayasan &lt;b&gt;Amanah&lt;/b&gt; &amp; Co", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Aula &lt;i&gt;utama&lt;/i&gt;", summary.Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Get(Language.Indonesian, "Collective.Purpose.Hajj"), summary.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PT")]
    [InlineData("  A  ")]
    public async Task Refuses_an_organisation_name_that_is_too_short(string typed)
    {
        await RequestUntil("orgname");

        var replies = await Send(typed);

        Assert.Equal(Texts.Format(Language.Indonesian, "Form.TextTooShort", 3), replies[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Collective.Ask.OrganisationName"), replies[1].Text);
        Assert.Equal("orgname", Step());
    }

    [Fact]
    public async Task Refuses_an_organisation_name_that_is_too_long()
    {
        await RequestUntil("orgname");

        var replies = await Send(new string('A', 121));

        Assert.Equal(Texts.Format(Language.Indonesian, "Form.TextTooLong", 120, 121), replies[0].Text);
        Assert.Equal("orgname", Step());
        var next = await Send(new string('A', 120));
        Assert.Equal(Texts.Get(Language.Indonesian, "Collective.Ask.CoordinatorName"), next[0].Text);
    }

    [Fact]
    public async Task Refuses_a_landline_and_takes_a_shared_contact_as_the_coordinator_s_phone()
    {
        await RequestUntil("phone");

        var landline = await Send("(0254) 209489");
        var junk = await Send("nomor saya nanti");
        var contact = await _bot.RunAsync(new IncomingMessage(EngineHarness.Address(EngineHarness.Chat), IncomingKind.Contact)
        {
            Contact = new SharedContact("6281298765432", "Siti", IsSender: true),
            LanguageHint = "id",
        });

        Assert.Equal(Texts.Get(Language.Indonesian, "Form.Phone.NotMobile"), landline[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Form.Phone.NotANumber"), junk[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Form.Received"), contact[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Collective.Ask.Purpose"), contact[1].Text);
        Assert.Contains("+62 812-9876-5432", Assert.Single(await FinishFrom("why")).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Tells_a_small_group_the_rule_and_where_else_to_go_and_keeps_the_form(string hint)
    {
        var language = Texts.FromHint(hint);
        await RequestUntil("n", hint);

        var replies = await Send("12", hint);

        Assert.Equal(Texts.Format(language, "Collective.Count.BelowMinimum", 30, 12, Some.OfficeAddress, Some.OfficePhone), replies[0].Text);
        Assert.Contains(hint == "id" ? "/jemputbola" : "/visit", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(Some.OfficeAddress, replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(Some.OfficePhone, replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("<b>30", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(Texts.Format(language, "Collective.Ask.Applicants", 30, 300), replies[1].Text);
        Assert.Equal(["v1:col:back:n", "v1:col:x"], replies[1].Payloads());
        Assert.Equal("n", Step());

        var larger = await Send("30", hint);
        Assert.Equal(Texts.Get(language, "Collective.Ask.Place"), larger[0].Text);
        var summary = await FinishFrom("where", hint);
        Assert.Contains("PT Amanah Wisata Haramain", summary[0].Text, StringComparison.Ordinal);
        Assert.Contains("Hj. Siti Rahmah", summary[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uses_the_configured_minimum()
    {
        using var bot = new EngineHarness(collective: new CollectiveOptions { MinimumApplicants = 50 });
        await RequestUntil("n", bot: bot);

        var replies = await Send("45", bot: bot);

        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Count.BelowMinimum", 50, 45, Some.OfficeAddress, Some.OfficePhone), replies[0].Text);
    }

    [Theory]
    [InlineData("301", "Collective.Count.AboveMaximum")]
    [InlineData("banyak", "Collective.Count.NotANumber")]
    [InlineData("0", "Collective.Count.NotANumber")]
    [InlineData("-40", "Collective.Count.NotANumber")]
    [InlineData("4 5", "Collective.Count.NotANumber")]
    public async Task Refuses_a_count_it_cannot_take(string typed, string problem)
    {
        await RequestUntil("n");

        var replies = await Send(typed);

        Assert.Equal(Texts.Format(Language.Indonesian, problem, 300), replies[0].Text);
        Assert.Equal("n", Step());
    }

    [Theory]
    [InlineData("300", 300)]
    [InlineData("sekitar 50 orang", 50)]
    [InlineData("about 45 people", 45)]
    public async Task Takes_a_count_written_the_way_people_say_it(string typed, int expected)
    {
        await RequestUntil("n");

        var replies = await Send(typed);

        Assert.Equal(Texts.Get(Language.Indonesian, "Collective.Ask.Place"), replies[0].Text);
        Assert.Contains($"{expected} orang", (await FinishFrom("where"))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_not_take_a_forged_button_as_the_count()
    {
        await RequestUntil("n");

        var replies = await Press("v1:col:a:n:45");

        Assert.Equal(Texts.Get(Language.Indonesian, "Collective.Count.NotANumber"), replies[0].Text);
        Assert.Equal("n", Step());
    }

    [Fact]
    public async Task Refuses_a_venue_outside_the_working_area_and_names_the_office_that_serves_it()
    {
        await RequestUntil("where");

        var replies = await _bot.SendLocationAsync(-6.0023, 106.0152);

        Assert.Contains("Cilegon", replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith(Texts.Get(Language.Indonesian, "Collective.Ask.Place"), replies[1].Text, StringComparison.Ordinal);
        Assert.Equal("where", Step());
    }

    [Fact]
    public async Task Keeps_a_shared_location_inside_the_area()
    {
        await RequestUntil("where");

        var replies = await _bot.SendLocationAsync(-6.1189, 106.1543);
        await Send(Venue);
        await Press("v1:col:a:power:yes");
        await Press("v1:col:a:d1:20260112M");
        await Press("v1:col:a:d2:20260114A");
        var summary = await Press("v1:col:skip:d3");
        await Press("v1:col:ok");

        Assert.Equal(Texts.Get(Language.Indonesian, "Form.Received"), replies[0].Text);
        Assert.Equal(ReplyKeyboard.Removed, replies[0].Keyboard);
        Assert.Contains(Texts.Get(Language.Indonesian, "Collective.SharedLocation"), summary[0].Text, StringComparison.Ordinal);
        var session = Assert.Single(Sessions());
        Assert.Equal(-6.1189, session.Latitude);
        Assert.Equal(106.1543, session.Longitude);
    }

    [Fact]
    public async Task Explains_why_power_tables_and_internet_are_needed_and_stays_until_they_are_there()
    {
        var ask = await RequestUntil("power");
        Assert.Equal(Texts.Get(Language.Indonesian, "Collective.Ask.Facilities"), ask[^1].Text);
        Assert.Equal(["v1:col:a:power:yes", "v1:col:a:power:no", "v1:col:back:power", "v1:col:x"], ask[^1].Payloads());

        var notYet = await Press("v1:col:a:power:no");

        Assert.Equal(Texts.Get(Language.Indonesian, "Collective.Facilities.Why"), notYet[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Collective.Ask.Facilities"), notYet[1].Text);
        Assert.Equal("power", Step());

        var typed = await Send("mungkin");
        Assert.Equal(Texts.Get(Language.Indonesian, "Form.PickOne"), typed[0].Text);
        Assert.Equal("power", Step());

        var typedNotYet = await Send("Belum");
        Assert.Equal(Texts.Get(Language.Indonesian, "Collective.Facilities.Why"), typedNotYet[0].Text);
        Assert.Equal("power", Step());

        var forged = await Press("v1:col:a:power:maybe");
        Assert.Equal(Texts.Get(Language.Indonesian, "Form.PickOne"), forged[0].Text);
        Assert.Equal("power", Step());

        var yes = await Press("v1:col:a:power:yes");
        Assert.StartsWith(Texts.Get(Language.Indonesian, "Collective.Ask.FirstDate"), yes[0].Text, StringComparison.Ordinal);
        Assert.Equal("d1", Step());
    }

    [Theory]
    [InlineData("ya")]
    [InlineData("Sudah.")]
    [InlineData("✅ Ya, semuanya tersedia")]
    public async Task Takes_a_typed_yes_for_the_facilities(string typed)
    {
        await RequestUntil("power");

        var replies = await Send(typed);

        Assert.StartsWith(Texts.Get(Language.Indonesian, "Collective.Ask.FirstDate"), replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offers_the_next_suitable_working_days_as_buttons()
    {
        var replies = await RequestUntil("d1");

        var ask = replies[^1];
        Assert.Equal(
            ["v1:col:a:d1:20260112", "v1:col:a:d1:20260113", "v1:col:a:d1:20260114", "v1:col:a:d1:20260115", "v1:col:a:d1:20260119", "v1:col:a:d1:20260120", "v1:col:back:d1", "v1:col:x"],
            ask.Payloads());
        Assert.Equal("Sen 12 Jan", ask.Labels()[0]);
        Assert.EndsWith(
            Texts.Format(Language.Indonesian, "Collective.Date.Hint", "Senin, 12 Januari 2026", "Kamis, 2 April 2026"),
            ask.Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asks_morning_or_afternoon_for_a_chosen_day()
    {
        await RequestUntil("d1");

        var part = Assert.Single(await Press("v1:col:a:d1:20260113"));

        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Date.ChoosePart", "Selasa, 13 Januari 2026"), part.Text);
        Assert.Equal(["v1:col:a:d1:20260113M", "v1:col:a:d1:20260113A", "v1:col:back:d1", "v1:col:x"], part.Payloads());
        Assert.Equal(["🌅 Pagi, mulai 08.00", "🌤 Siang, mulai 13.00", "◀ Kembali", "✖ Batal"], part.Labels());
        Assert.Equal("d1", Step());

        var next = await Press("v1:col:a:d1:20260113A");
        Assert.StartsWith(Texts.Get(Language.Indonesian, "Collective.Ask.SecondDate"), next[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("v1:col:a:d2:20260113", next[0].Payloads());
        Assert.Contains("v1:col:a:d2:20260112", next[0].Payloads());
    }

    [Theory]
    [InlineData("Senin depan", "Senin, 12 Januari 2026")]
    [InlineData("20/1", "Selasa, 20 Januari 2026")]
    [InlineData("21 Januari", "Rabu, 21 Januari 2026")]
    [InlineData("tgl 22", "Kamis, 22 Januari 2026")]
    public async Task Understands_a_typed_day_and_asks_for_the_part_of_it(string typed, string day)
    {
        await RequestUntil("d1");

        var replies = await Send(typed);

        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Date.ChoosePart", day), Assert.Single(replies).Text);
        Assert.Equal("d1", Step());
    }

    [Fact]
    public async Task Takes_a_typed_day_with_its_part_in_one_answer()
    {
        await RequestUntil("d1");

        await Send("20/1 pagi");
        await Send("Rabu 21 Januari, siang");
        var summary = await Press("v1:col:skip:d3");

        Assert.Contains("1. <b>Selasa, 20 Januari 2026</b>, pagi", summary[0].Text, StringComparison.Ordinal);
        Assert.Contains("2. <b>Rabu, 21 Januari 2026</b>, siang", summary[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Understands_English_dates_and_explains_in_English()
    {
        await RequestUntil("d1", "en");

        var holiday = await Send("16 January", "en");
        var part = await Send("next Monday", "en");
        await Press("v1:col:a:d1:20260112M", "en");
        var repeated = await Send("12 January morning", "en");

        Assert.Equal(Texts.Format(Language.English, "Collective.Date.Holiday", "Friday, 16 January 2026", "Isra Mikraj Nabi Muhammad SAW"), holiday[0].Text);
        Assert.Equal(Texts.Format(Language.English, "Collective.Date.ChoosePart", "Monday, 12 January 2026"), part[0].Text);
        Assert.Equal(["🌅 Morning, from 08.00", "🌤 Afternoon, from 13.00", "◀ Back", "✖ Cancel"], part[0].Labels());
        Assert.Equal(Texts.Format(Language.English, "Collective.Date.Repeated", "Monday, 12 January 2026"), repeated[0].Text);
    }

    [Theory]
    [InlineData("2/1/2026", "Collective.Date.Past", "Jumat, 2 Januari 2026", "")]
    [InlineData("kemarin", "Collective.Date.Past", "Minggu, 4 Januari 2026", "")]
    [InlineData("Sabtu", "Collective.Date.NotWorkingDay", "Sabtu, 10 Januari 2026", "")]
    [InlineData("25 Januari", "Collective.Date.NotWorkingDay", "Minggu, 25 Januari 2026", "")]
    [InlineData("16 Januari", "Collective.Date.Holiday", "Jumat, 16 Januari 2026", "Isra Mikraj Nabi Muhammad SAW")]
    [InlineData("17/2", "Collective.Date.Holiday", "Selasa, 17 Februari 2026", "Tahun Baru Imlek 2577 Kongzili")]
    [InlineData("20 Maret 2026", "Collective.Date.CutiBersama", "Jumat, 20 Maret 2026", "Idulfitri")]
    public async Task Explains_a_day_that_is_past_a_weekend_or_a_holiday(string typed, string problem, string day, string holiday)
    {
        await RequestUntil("d1");

        var replies = await Send(typed);

        Assert.Equal(Texts.Format(Language.Indonesian, problem, day, holiday), replies[0].Text);
        Assert.StartsWith(Texts.Get(Language.Indonesian, "Collective.Ask.FirstDate"), replies[1].Text, StringComparison.Ordinal);
        Assert.Equal("d1", Step());
    }

    [Theory]
    [InlineData("hari ini", "Senin, 5 Januari 2026")]
    [InlineData("Jumat", "Jumat, 9 Januari 2026")]
    [InlineData("besok", "Selasa, 6 Januari 2026")]
    public async Task Explains_a_day_that_is_too_soon_with_the_first_possible_one(string typed, string day)
    {
        await RequestUntil("d1");

        var replies = await Send(typed);

        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Date.TooSoon", day, 7, "Senin, 12 Januari 2026"), replies[0].Text);
        Assert.Equal("d1", Step());
    }

    [Fact]
    public async Task Names_the_first_day_still_free_when_the_first_possible_one_is_already_chosen()
    {
        await RequestUntil("d1");
        await Press("v1:col:a:d1:20260112M");

        var replies = await Send("Jumat");

        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Date.TooSoon", "Jumat, 9 Januari 2026", 7, "Selasa, 13 Januari 2026"), replies[0].Text);
    }

    [Theory]
    [InlineData("6 April 2026", "Senin, 6 April 2026")]
    [InlineData("9/6/2026", "Selasa, 9 Juni 2026")]
    public async Task Explains_a_day_beyond_the_horizon_with_the_last_possible_one(string typed, string day)
    {
        await RequestUntil("d1");

        var replies = await Send(typed);

        // 5 April is today + 90 days, a Sunday (Paskah); 3 April is Wafat Yesus Kristus: the last working day is 2 April.
        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Date.BeyondHorizon", day, 90, "Kamis, 2 April 2026"), replies[0].Text);
        Assert.Equal("d1", Step());
    }

    [Fact]
    public async Task Takes_the_first_and_the_last_possible_days()
    {
        await RequestUntil("d1");

        var first = await Send("12/1 pagi");
        var last = await Send("2/4/2026 siang");

        Assert.StartsWith(Texts.Get(Language.Indonesian, "Collective.Ask.SecondDate"), first[0].Text, StringComparison.Ordinal);
        Assert.StartsWith(Texts.Get(Language.Indonesian, "Collective.Ask.ThirdDate"), last[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_not_understand_gibberish_as_a_date()
    {
        await RequestUntil("d1");

        var replies = await Send("kapan saja boleh");

        Assert.Equal(Texts.Get(Language.Indonesian, "Collective.Date.NotUnderstood"), replies[0].Text);
        Assert.Equal("d1", Step());
    }

    [Theory]
    [InlineData("v1:col:a:d2:20260112A")]
    [InlineData("v1:col:a:d2:20260112")]
    public async Task Refuses_the_same_date_twice_even_at_another_part_of_the_day(string payload)
    {
        await RequestUntil("d1");
        await Press("v1:col:a:d1:20260112M");

        var replies = await Press(payload);

        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Date.Repeated", "Senin, 12 Januari 2026"), replies[0].Text);
        Assert.Equal("d2", Step());
    }

    [Fact]
    public async Task Refuses_a_third_date_that_repeats_the_second()
    {
        await RequestUntil("d1");
        await Press("v1:col:a:d1:20260112M");
        await Press("v1:col:a:d2:20260114A");

        var replies = await Send("14/1 pagi");

        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Date.Repeated", "Rabu, 14 Januari 2026"), replies[0].Text);
        Assert.Equal("d3", Step());
    }

    [Fact]
    public async Task Stores_three_dates_when_a_third_is_given()
    {
        await RequestUntil("d2");

        var skipOffered = await Press("v1:col:a:d2:20260114A");
        await Press("v1:col:a:d3:20260120M");
        await Press("v1:col:ok");

        Assert.Contains("v1:col:skip:d3", skipOffered[0].Payloads());
        Assert.Equal(
            [new PreferredDate(new(2026, 1, 12), DayPart.Morning), new PreferredDate(new(2026, 1, 14), DayPart.Afternoon), new PreferredDate(new(2026, 1, 20), DayPart.Morning)],
            Assert.Single(Sessions()).PreferredDates);
    }

    [Fact]
    public async Task Needs_a_second_date_and_cannot_skip_it()
    {
        await RequestUntil("d2");

        var ask = await Press("v1:col:a:d1:20260112M");
        var skip = await Press("v1:col:skip:d2");

        Assert.DoesNotContain("v1:col:skip:d2", ask[0].Payloads());
        Assert.Equal(Texts.Get(Language.Indonesian, "Input.StaleButton"), skip[0].Text);
        Assert.Equal("d2", Step());
    }

    [Theory]
    [InlineData("v1:col:a:d1:20260116M")]
    [InlineData("v1:col:a:d1:20260110A")]
    [InlineData("v1:col:a:d1:20260106M")]
    [InlineData("v1:col:a:d1:20260601M")]
    public async Task Refuses_a_date_it_would_not_offer_even_from_a_forged_button(string payload)
    {
        await RequestUntil("d1");

        var replies = await Press(payload);

        Assert.StartsWith(Texts.Get(Language.Indonesian, "Collective.Ask.FirstDate"), replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal("d1", Step());
        Assert.False(Draft().TryGetProperty("firstDate", out _));
    }

    [Theory]
    [InlineData("v1:col:a:d1:20261345M")]
    [InlineData("v1:col:a:d1:besok")]
    [InlineData("v1:col:a:d1:20260112X")]
    public async Task Answers_a_malformed_date_button_politely(string payload)
    {
        await RequestUntil("d1");

        var replies = await Press(payload);

        Assert.Equal(Texts.Get(Language.Indonesian, "Collective.Date.NoSuchChoice"), replies[0].Text);
        Assert.Equal("d1", Step());
    }

    [Fact]
    public async Task Answers_a_stale_button_from_an_earlier_step_with_the_current_one()
    {
        await RequestUntil("n");

        var replies = await Press("v1:col:a:org:Kbih");

        Assert.Equal(Texts.Get(Language.Indonesian, "Input.StaleButton"), replies[0].Text);
        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Ask.Applicants", 30, 300), replies[1].Text);
        Assert.Equal("n", Step());
        Assert.Equal("TravelAgent", Draft().GetProperty("organisation").GetString());
    }

    [Theory]
    [InlineData("v1:col:a:org:99")]
    [InlineData("v1:col:a:org:Embassy")]
    public async Task Refuses_a_forged_organisation_kind(string payload)
    {
        await Send("/kolektif");

        var replies = await Press(payload);

        Assert.Equal(Texts.Get(Language.Indonesian, "Form.PickOne"), replies[0].Text);
        Assert.Equal("org", Step());
    }

    [Fact]
    public async Task Goes_back_from_the_summary_to_give_a_third_date()
    {
        await RequestUntil("confirm");

        var back = await Press("v1:col:back:confirm");
        var summary = Assert.Single(await Press("v1:col:a:d3:20260120A"));
        await Press("v1:col:ok");

        Assert.StartsWith(Texts.Get(Language.Indonesian, "Collective.Ask.ThirdDate"), back[0].Text, StringComparison.Ordinal);
        Assert.Contains("3. <b>Selasa, 20 Januari 2026</b>, siang", summary.Text, StringComparison.Ordinal);
        Assert.Equal(new PreferredDate(new(2026, 1, 20), DayPart.Afternoon), Assert.Single(Sessions()).PreferredDates[2]);
    }

    [Fact]
    public async Task Goes_back_step_by_step_and_keeps_the_answers()
    {
        await RequestUntil("venue");

        var back = await Press("v1:col:back:venue");
        await Send("Jl. Raya Pontang No. 5, Kec. Pontang, Kab. Serang");
        var summary = await FinishFrom("venue");

        Assert.Equal(Texts.Get(Language.Indonesian, "Collective.Ask.Place"), back[0].Text);
        Assert.Contains("Jl. Raya Pontang No. 5", summary[0].Text, StringComparison.Ordinal);
        Assert.Contains("PT Amanah Wisata Haramain", summary[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("org")]
    [InlineData("n")]
    [InlineData("power")]
    [InlineData("d2")]
    [InlineData("confirm")]
    public async Task Cancels_at_any_step_and_keeps_nothing(string step)
    {
        await RequestUntil(step);

        var replies = await Press("v1:col:x");

        Assert.Equal(Texts.Get(Language.Indonesian, "Form.Cancelled"), replies[0].Text);
        Assert.Equal(Texts.Format(Language.Indonesian, "Menu.Prompt", Some.OfficeName), replies[1].Text);
        Assert.Null(_bot.Conversation().FlowState);
        Assert.Empty(Sessions());
    }

    [Fact]
    public async Task Asks_again_for_each_date_that_became_too_soon_while_the_summary_waited()
    {
        await RequestUntil("confirm");
        _bot.Clock.Advance(TimeSpan.FromDays(3));

        // Thursday 8 January: 12 and 14 January are now less than a week ahead.
        var first = await Press("v1:col:ok");

        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Date.TooSoon", "Senin, 12 Januari 2026", 7, "Kamis, 15 Januari 2026"), first[0].Text);
        Assert.Equal("d1", Step());
        Assert.Empty(Sessions());

        var summary = await Press("v1:col:a:d1:20260115M");
        Assert.Contains("1. <b>Kamis, 15 Januari 2026</b>", Assert.Single(summary).Text, StringComparison.Ordinal);
        var second = await Press("v1:col:ok");

        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Date.TooSoon", "Rabu, 14 Januari 2026", 7, "Senin, 19 Januari 2026"), second[0].Text);
        Assert.Equal("d2", Step());
        Assert.Empty(Sessions());

        await Press("v1:col:a:d2:20260119A");
        await Press("v1:col:ok");
        Assert.Equal(
            [new PreferredDate(new(2026, 1, 15), DayPart.Morning), new PreferredDate(new(2026, 1, 19), DayPart.Afternoon)],
            Assert.Single(Sessions()).PreferredDates);
    }

    [Fact]
    public async Task Gives_each_request_its_own_code()
    {
        await RequestUntil("end");
        var second = await RequestUntil("end");

        var codes = Sessions().Select(s => s.Code).ToList();
        Assert.Equal(2, codes.Distinct().Count());
        Assert.Contains(codes[1], second[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starts_from_the_menu_button()
    {
        await Send("/start");

        var replies = await Press("v1:menu:col");

        Assert.Equal(Texts.Format(Language.Indonesian, "Collective.Ask.Organisation", 30), Assert.Single(replies).Text);
        Assert.Equal(CollectiveFlow.FlowName, _bot.Conversation().Flow);
    }

    [Fact]
    public async Task Points_a_group_chat_to_the_private_chat_and_starts_nothing()
    {
        var replies = await _bot.SendInGroupAsync("/kolektif");

        Assert.Equal(Texts.Format(Language.Indonesian, "Group.PrivateOnly", Some.BotUsername), Assert.Single(replies).Text);
        Assert.Null(_bot.ConversationOf(EngineHarness.GroupChat)?.Flow);
        Assert.Empty(Sessions());
    }

    [Fact]
    public void Has_a_name_for_every_organisation_and_purpose_in_both_languages()
    {
        var keys = Enum.GetNames<OrganisationKind>().Select(o => $"Collective.Organisation.{o}")
            .Concat(Enum.GetNames<SessionPurpose>().Select(p => $"Collective.Purpose.{p}"));

        foreach (var key in keys)
        {
            Assert.NotEmpty(Texts.Get(Language.Indonesian, key));
            Assert.NotEmpty(Texts.Get(Language.English, key));
        }
    }

    private Task<IReadOnlyList<OutgoingMessage>> Send(string text, string hint = "id", EngineHarness? bot = null) =>
        (bot ?? _bot).SendAsync(text, languageHint: hint);

    private Task<IReadOnlyList<OutgoingMessage>> Press(string payload, string hint = "id", EngineHarness? bot = null) =>
        (bot ?? _bot).PressAsync(payload, languageHint: hint);

    /// <summary>Answers every step up to (not including) <paramref name="stopBefore"/> with ordinary answers.</summary>
    private async Task<IReadOnlyList<OutgoingMessage>> RequestUntil(string stopBefore, string hint = "id", string command = "/kolektif", EngineHarness? bot = null)
    {
        IReadOnlyList<OutgoingMessage> last = await Send(command, hint, bot);
        foreach (var (step, answer) in Steps(hint, bot))
        {
            if (step == stopBefore)
            {
                return last;
            }

            last = await answer();
        }

        return last;
    }

    /// <summary>Answers from <paramref name="step"/> on up to the summary, which it returns.</summary>
    private async Task<IReadOnlyList<OutgoingMessage>> FinishFrom(string step, string hint = "id")
    {
        IReadOnlyList<OutgoingMessage> last = [];
        foreach (var (_, answer) in Steps(hint, bot: null).SkipWhile(s => s.Step != step).TakeWhile(s => s.Step != "confirm"))
        {
            last = await answer();
        }

        return last;
    }

    private IEnumerable<(string Step, Func<Task<IReadOnlyList<OutgoingMessage>>> Answer)> Steps(string hint, EngineHarness? bot)
    {
        yield return ("org", () => Press("v1:col:a:org:TravelAgent", hint, bot));
        yield return ("orgname", () => Send("PT Amanah Wisata Haramain", hint, bot));
        yield return ("name", () => Send("Hj. Siti Rahmah", hint, bot));
        yield return ("phone", () => Send("0812-3456-7890", hint, bot));
        yield return ("why", () => Press("v1:col:a:why:Umrah", hint, bot));
        yield return ("n", () => Send("45", hint, bot));
        yield return ("where", () => Send(Address, hint, bot));
        yield return ("venue", () => Send(Venue, hint, bot));
        yield return ("power", () => Press("v1:col:a:power:yes", hint, bot));
        yield return ("d1", () => Press("v1:col:a:d1:20260112M", hint, bot));
        yield return ("d2", () => Press("v1:col:a:d2:20260114A", hint, bot));
        yield return ("d3", () => Press("v1:col:skip:d3", hint, bot));
        yield return ("confirm", () => Press("v1:col:ok", hint, bot));
    }

    private string? Step()
    {
        var state = _bot.Conversation().FlowState;
        return state is null ? null : System.Text.Json.JsonDocument.Parse(state).RootElement.GetProperty("s").GetProperty("step").GetString();
    }

    private System.Text.Json.JsonElement Draft() =>
        System.Text.Json.JsonDocument.Parse(_bot.Conversation().FlowState!).RootElement.GetProperty("s").GetProperty("draft");

    private IReadOnlyList<Session> Sessions()
    {
        using var db = _bot.Database.NewDb();
        return [.. db.Sessions.AsNoTracking().OrderBy(s => s.Id)];
    }
}
