using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;

namespace Timpora.Core.Tests.Visits;

/// <summary>Booking a visit through the engine, as a citizen does. The clock stands at Monday 5 January 2026, 09:00 WIB.</summary>
public sealed class BookingFlowTests : IDisposable
{
    private readonly EngineHarness _bot = new();
    private readonly Citizen _citizen;

    public BookingFlowTests() => _citizen = new Citizen(_bot);

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("id", "Selasa, 6 Januari 2026, 09.00–11.00 WIB")]
    [InlineData("en", "Tuesday, 6 January 2026, 09.00–11.00 WIB")]
    public async Task Books_a_visit_by_buttons_and_a_shared_location(string language, string window)
    {
        var citizen = new Citizen(_bot, language: language);

        var replies = await citizen.Book();

        var visit = Assert.Single(Visits());
        Assert.Equal(VisitStatus.Booked, visit.Status);
        Assert.Equal(VisitReason.InHospital, visit.Reason);
        Assert.Equal(VisitService.NewPassport, visit.Service);
        Assert.Equal(1, visit.Applicants);
        Assert.Equal(-6.1189, visit.Latitude);
        Assert.Null(visit.Address);
        Assert.Equal("RSUD dr. Dradjat Prawiranegara, ruang Melati, kamar 3", visit.PlaceDetails);
        Assert.Equal(new DateOnly(2026, 1, 6), visit.Date);
        Assert.Equal(new TimeOnly(9, 0), visit.Starts);
        Assert.Equal(new DateTime(2026, 1, 6, 2, 0, 0, DateTimeKind.Utc), visit.StartsAt);
        Assert.Equal("Siti Aminah", visit.ApplicantName);
        Assert.Equal(Citizen.Nik, visit.Nik);
        Assert.Equal("+6281234567890", visit.Phone);
        Assert.Equal(Texts.FromHint(language), visit.Language);
        Assert.Matches("^JB-[2-9A-Z]{6}$", visit.Code);

        var booked = replies[0].Text!;
        Assert.Contains(visit.Code, booked, StringComparison.Ordinal);
        Assert.Contains(window, booked, StringComparison.Ordinal);
        Assert.Contains(Checklist.For(VisitService.NewPassport, Texts.FromHint(language)), booked, StringComparison.Ordinal);
        Assert.Equal(ReplyKeyboard.Removed, replies[0].Keyboard);
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);
        Assert.Equal(1, Load(visit.Slot));
    }

    [Fact]
    public async Task Reads_the_full_facts_back_before_anything_is_booked()
    {
        var replies = await _citizen.BookUntil("confirm");

        var summary = Assert.Single(replies);
        Assert.Contains("Selasa, 6 Januari 2026, 09.00–11.00 WIB", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Siti Aminah", summary.Text, StringComparison.Ordinal);
        Assert.Contains(Citizen.Nik, summary.Text, StringComparison.Ordinal);
        Assert.Contains("+62 812", summary.Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Get(Language.Indonesian, "Visit.Service.NewPassport"), summary.Text, StringComparison.Ordinal);
        Assert.Equal(["v1:jb:ok", "v1:jb:back:confirm", "v1:jb:x"], summary.Payloads());
        Assert.Empty(Visits());
    }

    [Fact]
    public async Task Escapes_what_the_citizen_typed_in_the_summary()
    {
        await _citizen.BookUntil("name");
        await _citizen.Send("Siti <b>Aminah</b> & co");
        await _citizen.Send(Citizen.Nik);
        await _citizen.Send("081234567890");

        var summary = Assert.Single(await _citizen.Press("v1:jb:skip:letter"));

        Assert.Contains("Siti &lt;b&gt;Aminah&lt;/b&gt; &amp; co", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_the_checklist_of_the_chosen_service()
    {
        await _citizen.BookUntil("svc");

        var replies = await _citizen.Press("v1:jb:a:svc:StayPermit");

        Assert.Equal(Checklist.For(VisitService.StayPermit, Language.Indonesian), replies[0].Text);
        Assert.Equal(Texts.Format(Language.Indonesian, "Visit.Ask.Applicants", 4), replies[1].Text);
    }

    [Fact]
    public async Task Points_someone_who_can_travel_to_the_priority_counter_and_books_nothing()
    {
        await _citizen.Send("/jemputbola");

        var replies = await _citizen.Press("v1:jb:a:why:CanTravel");

        Assert.Equal(Texts.Format(Language.Indonesian, "Visit.CanTravel", Some.OfficeAddress, Some.OfficePhone), replies[0].Text);
        Assert.Equal(Texts.Format(Language.Indonesian, "Menu.Prompt", Some.OfficeName), replies[1].Text);
        Assert.Null(_bot.Conversation().FlowState);
    }

    [Fact]
    public async Task Asks_about_the_condition_only_when_the_reason_is_another_one()
    {
        await _citizen.Send("/jemputbola");

        var other = await _citizen.Press("v1:jb:a:why:Other");
        var tooShort = await _citizen.Send("sakit");
        var service = await _citizen.Send("Pasca operasi jantung, belum boleh duduk lama");

        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.Ask.ReasonNote"), Assert.Single(other).Text);
        Assert.Equal(Texts.Format(Language.Indonesian, "Form.TextTooShort", 10), tooShort[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.Ask.Service"), Assert.Single(service).Text);
    }

    [Fact]
    public async Task Offers_no_more_applicants_than_a_window_holds()
    {
        var replies = await _citizen.BookUntil("n");

        Assert.Equal(["v1:jb:a:n:1", "v1:jb:a:n:2", "v1:jb:a:n:3", "v1:jb:a:n:4", "v1:jb:back:n", "v1:jb:x"], replies[^1].Payloads());
        var tooMany = await _citizen.Send("5");
        Assert.Equal(Texts.Format(Language.Indonesian, "Form.CountRange", 1, 4), tooMany[0].Text);
    }

    [Fact]
    public async Task Asks_for_the_place_with_a_location_button()
    {
        var replies = await _citizen.BookUntil("where");

        var ask = replies[^2];
        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.Ask.Place"), ask.Text);
        Assert.Equal(KeyRequest.Location, Assert.Single(Assert.Single(ask.Keyboard!.Rows)).Request);
        Assert.Equal(["v1:jb:back:where", "v1:jb:x"], replies[^1].Payloads());
    }

    [Fact]
    public async Task Refuses_a_place_outside_the_working_area_and_names_the_office_that_serves_it()
    {
        await _citizen.BookUntil("where");

        var replies = await _bot.SendLocationAsync(-6.0023, 106.0152);

        Assert.Contains("Cilegon", replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith(Texts.Get(Language.Indonesian, "Visit.Ask.Place"), replies[1].Text, StringComparison.Ordinal);
        Assert.Equal("where", Step());
    }

    [Fact]
    public async Task Accepts_a_typed_address_that_names_its_regency()
    {
        await _citizen.BookUntil("where");

        var replies = await _citizen.Send("Kp. Pasir Gadung RT 02/03, Kec. Cikande, Kab. Serang");

        Assert.Equal(Texts.Get(Language.Indonesian, "Form.Received"), replies[0].Text);
        Assert.Equal(ReplyKeyboard.Removed, replies[0].Keyboard);
        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.Ask.PlaceDetails"), replies[1].Text);
    }

    [Fact]
    public async Task Asks_for_the_regency_when_a_typed_address_has_none()
    {
        await _citizen.BookUntil("where");

        var replies = await _citizen.Send("Jl. Melati No. 5 dekat masjid");

        Assert.Equal(Texts.Get(Language.Indonesian, "Place.Unknown"), replies[0].Text);
        Assert.Equal("where", Step());
    }

    [Fact]
    public async Task Offers_the_open_windows_from_the_day_after_tomorrow_s_lead_time()
    {
        var replies = await _citizen.BookUntil("slot");

        var ask = replies[^1];
        Assert.StartsWith(Texts.Get(Language.Indonesian, "Visit.Ask.Slot"), ask.Text, StringComparison.Ordinal);
        Assert.Equal(
            ["20260106-0900", "20260106-1300", "20260107-0900", "20260107-1300", "20260108-0900", "20260108-1300", "20260109-0900", "20260109-1300"],
            ask.Payloads().Where(p => p.StartsWith("v1:jb:a:slot:", StringComparison.Ordinal)).Select(p => p["v1:jb:a:slot:".Length..]));
        Assert.Equal("Sel 6 Jan · 09.00–11.00", ask.Labels()[0]);
    }

    [Fact]
    public async Task Takes_a_typed_number_for_the_window_button_with_that_number()
    {
        await _citizen.BookUntil("slot");

        var replies = await _citizen.Send("2");

        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.Ask.Name"), replies[0].Text);
        await _citizen.Send("Siti Aminah");
        await _citizen.Send(Citizen.Nik);
        await _citizen.Send("081234567890");
        var summary = await _citizen.Press("v1:jb:skip:letter");
        Assert.Contains("Selasa, 6 Januari 2026, 13.00–15.00 WIB", summary[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Understands_a_typed_day_and_offers_its_windows()
    {
        await _citizen.BookUntil("slot");

        var replies = await _citizen.Send("Rabu");

        var offer = Assert.Single(replies);
        Assert.Equal(Texts.Format(Language.Indonesian, "Slot.OnDay", "Rabu, 7 Januari 2026"), offer.Text);
        Assert.Equal(["v1:jb:a:slot:20260107-0900", "v1:jb:a:slot:20260107-1300", "v1:jb:back:slot", "v1:jb:x"], offer.Payloads());
        Assert.Equal(["09.00–11.00", "13.00–15.00", "◀ Kembali", "✖ Batal"], offer.Labels());
    }

    [Theory]
    [InlineData("16 Januari", "Slot.Problem.Holiday")]
    [InlineData("Sabtu", "Slot.Problem.NotWorkingDay")]
    [InlineData("hari ini", "Slot.Problem.TooSoon")]
    [InlineData("20 Maret 2026", "Slot.Problem.Holiday")]
    [InlineData("1 April 2026", "Slot.Problem.BeyondHorizon")]
    public async Task Explains_why_a_typed_day_cannot_be_booked(string typed, string problem)
    {
        await _citizen.BookUntil("slot");

        var replies = await _citizen.Send(typed);

        Assert.StartsWith(Texts.Get(Language.Indonesian, problem).Split('{')[0], replies[0].Text, StringComparison.Ordinal);
        Assert.StartsWith(Texts.Get(Language.Indonesian, "Visit.Ask.Slot"), replies[1].Text, StringComparison.Ordinal);
        Assert.Equal("slot", Step());
    }

    [Fact]
    public async Task Names_the_holiday_that_closes_a_day()
    {
        await _citizen.BookUntil("slot");

        var replies = await _citizen.Send("16/1");

        Assert.Equal(Texts.Format(Language.Indonesian, "Slot.Problem.Holiday", "Jumat, 16 Januari 2026", "Isra Mikraj Nabi Muhammad SAW"), replies[0].Text);
    }

    [Fact]
    public async Task Does_not_understand_gibberish_as_a_date()
    {
        await _citizen.BookUntil("slot");

        var replies = await _citizen.Send("kapan saja boleh");

        Assert.Equal(Texts.Get(Language.Indonesian, "Slot.NotUnderstood"), replies[0].Text);
    }

    [Theory]
    [InlineData("20260105-1300")]
    [InlineData("20260106-1000")]
    [InlineData("20260110-0900")]
    [InlineData("20261345-0900")]
    [InlineData("yesterday")]
    public async Task Refuses_a_window_it_did_not_offer_even_from_a_forged_button(string key)
    {
        await _citizen.BookUntil("slot");

        var replies = await _citizen.Press($"v1:jb:a:slot:{key}");

        Assert.StartsWith(Texts.Get(Language.Indonesian, "Visit.Ask.Slot"), replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal("slot", Step());
    }

    [Fact]
    public async Task Does_not_offer_a_full_window()
    {
        await BookElsewhereAsync("2001", "20260106-0900", applicants: 4);

        var replies = await _citizen.BookUntil("slot");

        Assert.DoesNotContain("v1:jb:a:slot:20260106-0900", replies[^1].Payloads());
        Assert.Contains("v1:jb:a:slot:20260106-1300", replies[^1].Payloads());
    }

    [Fact]
    public async Task Offers_a_window_with_room_only_to_a_group_that_fits()
    {
        await BookElsewhereAsync("2001", "20260106-0900", applicants: 3);

        var one = await _citizen.BookUntil("slot", applicants: 1);
        var two = await new Citizen(_bot, "3001").BookUntil("slot", applicants: 2);

        Assert.Contains("v1:jb:a:slot:20260106-0900", one[^1].Payloads());
        Assert.DoesNotContain("v1:jb:a:slot:20260106-0900", two[^1].Payloads());
    }

    [Fact]
    public async Task Offers_the_next_windows_when_the_chosen_one_was_taken_before_confirming()
    {
        await _citizen.BookUntil("confirm", applicants: 2);
        await BookElsewhereAsync("2001", "20260106-0900", applicants: 3);

        var replies = await _citizen.Press("v1:jb:ok");

        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.SlotTaken"), replies[0].Text);
        Assert.DoesNotContain("v1:jb:a:slot:20260106-0900", replies[1].Payloads());
        Assert.Contains("v1:jb:a:slot:20260106-1300", replies[1].Payloads());
        Assert.Single(Visits());

        var summary = await _citizen.Press("v1:jb:a:slot:20260106-1300");
        Assert.Contains("Selasa, 6 Januari 2026, 13.00–15.00 WIB", Assert.Single(summary).Text, StringComparison.Ordinal);
        Assert.Contains("Siti Aminah", summary[0].Text, StringComparison.Ordinal);
        await _citizen.Press("v1:jb:ok");
        Assert.Equal(2, Visits().Count);
        Assert.Equal(3, Load(new Slot(new(2026, 1, 6), new(9, 0), new(11, 0))));
        Assert.Equal(2, Load(new Slot(new(2026, 1, 6), new(13, 0), new(15, 0))));
    }

    [Fact]
    public async Task Walks_forward_through_the_steps_again_after_going_back_from_a_window_that_was_taken()
    {
        await _citizen.BookUntil("confirm", applicants: 2);
        await BookElsewhereAsync("2001", "20260106-0900", applicants: 3);
        await _citizen.Press("v1:jb:ok");

        await _citizen.Press("v1:jb:back:slot");
        var next = await _citizen.Send("Rumah duka, Jl. Melati 5");

        Assert.StartsWith(Texts.Get(Language.Indonesian, "Visit.Ask.Slot"), next[^1].Text, StringComparison.Ordinal);
        Assert.Equal("slot", Step());
    }

    [Fact]
    public async Task Gives_the_last_place_of_a_window_to_exactly_one_of_two_bookings_saved_together()
    {
        var slot = new Slot(new(2026, 1, 6), new(9, 0), new(11, 0));
        await BookElsewhereAsync("2001", slot.Key, applicants: 3);

        await using var first = _bot.Database.NewDb();
        await using var second = _bot.Database.NewDb();
        var booked = await BookAsync(first, "3001", slot);
        var alsoBooked = await BookAsync(second, "3002", slot);
        await first.SaveChangesAsync();

        Assert.NotNull(booked.Visit);
        Assert.NotNull(alsoBooked.Visit);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());
        Assert.Equal(2, Visits().Count);
        Assert.Equal(4, Load(slot));
    }

    [Fact]
    public async Task Runs_the_turn_again_and_offers_other_windows_when_another_booking_took_the_last_place_meanwhile()
    {
        await BookElsewhereAsync("2001", "20260106-0900", applicants: 3);
        await _citizen.BookUntil("confirm");

        // Between this turn's read of the window and its write, another instance books the last place.
        _bot.Database.Saves.BeforeNextTurnSave = () =>
            _bot.Database.Execute("UPDATE slot_loads SET Units = 4, Version = Version + 1 WHERE Date = '2026-01-06'");
        var replies = await _citizen.Press("v1:jb:ok");

        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.SlotTaken"), replies[0].Text);
        Assert.DoesNotContain("v1:jb:a:slot:20260106-0900", replies[1].Payloads());
        Assert.Contains("v1:jb:a:slot:20260106-1300", replies[1].Payloads());
        Assert.Single(Visits());
        Assert.Equal(4, Load(new Slot(new(2026, 1, 6), new(9, 0), new(11, 0))));
    }

    [Fact]
    public async Task Runs_the_turn_again_when_another_booking_opened_the_same_empty_window_meanwhile()
    {
        await _citizen.BookUntil("confirm", applicants: 2);
        var starts = _bot.Database.Cells("slot_loads");
        Assert.Empty(starts);

        _bot.Database.Saves.BeforeNextTurnSave = () =>
            _bot.Database.Execute("INSERT INTO slot_loads (Date, Starts, Units, Version) VALUES ('2026-01-06', '09:00:00', 3, 1)");
        var replies = await _citizen.Press("v1:jb:ok");

        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.SlotTaken"), replies[0].Text);
        Assert.Empty(Visits());
        Assert.Equal(3, Load(new Slot(new(2026, 1, 6), new(9, 0), new(11, 0))));
    }

    [Fact]
    public async Task Explains_a_NIK_with_fifteen_digits_and_asks_again()
    {
        await _citizen.BookUntil("nik");

        var replies = await _citizen.Send("360401450190000");

        Assert.Equal(Texts.Format(Language.Indonesian, "Form.Nik.TooShort", 15), replies[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.Ask.Nik"), replies[1].Text);
        Assert.Equal("nik", Step());
    }

    [Fact]
    public async Task Does_not_read_a_typed_digit_at_the_NIK_step_as_a_button()
    {
        await _citizen.BookUntil("nik");

        var replies = await _citizen.Send("1");

        Assert.Equal(Texts.Format(Language.Indonesian, "Form.Nik.TooShort", 1), replies[0].Text);
        Assert.Equal("nik", Step());
    }

    [Fact]
    public async Task Refuses_a_landline_and_takes_a_shared_contact()
    {
        await _citizen.BookUntil("phone");

        var landline = await _citizen.Send("(0254) 209489");
        var contact = await _citizen.ShareContact("6281234567890");

        Assert.Equal(Texts.Get(Language.Indonesian, "Form.Phone.NotMobile"), landline[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Form.Received"), contact[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.Ask.Letter"), contact[1].Text);
    }

    [Fact]
    public async Task Refuses_a_letter_photo_that_is_too_big_and_keeps_one_that_fits()
    {
        await _citizen.BookUntil("letter");

        var tooBig = await _citizen.SendPhoto(25 * 1024 * 1024);
        var fits = await _citizen.SendPhoto(800_000);
        await _citizen.Press("v1:jb:ok");

        Assert.Equal(Texts.Format(Language.Indonesian, "Form.Photo.TooBig", 10), tooBig[0].Text);
        Assert.Contains(Texts.Get(Language.Indonesian, "Visit.Letter.Attached"), fits[0].Text, StringComparison.Ordinal);
        Assert.Equal("photo-file-id", Assert.Single(Visits()).LetterPhotoId);
    }

    [Fact]
    public async Task Goes_back_one_step_and_keeps_the_answers()
    {
        await _citizen.BookUntil("nik");

        var back = await _citizen.Press("v1:jb:back:nik");
        await _citizen.Send("Budi Santoso");
        await _citizen.Send(Citizen.Nik);
        await _citizen.Send("081234567890");
        var summary = await _citizen.Press("v1:jb:skip:letter");

        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.Ask.Name"), Assert.Single(back).Text);
        Assert.Contains("Budi Santoso", summary[0].Text, StringComparison.Ordinal);
        Assert.Contains("Selasa, 6 Januari 2026", summary[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("why")]
    [InlineData("where")]
    [InlineData("slot")]
    [InlineData("confirm")]
    public async Task Cancels_at_any_step_and_keeps_nothing(string step)
    {
        await _citizen.BookUntil(step);

        var replies = await _citizen.Press("v1:jb:x");

        Assert.Equal(Texts.Get(Language.Indonesian, "Form.Cancelled"), replies[0].Text);
        Assert.Null(_bot.Conversation().FlowState);
        Assert.Empty(Visits());
    }

    [Fact]
    public async Task Answers_a_stale_button_from_an_earlier_step_with_the_current_one()
    {
        await _citizen.BookUntil("nik");

        var replies = await _citizen.Press("v1:jb:a:svc:StayPermit");

        Assert.Equal(Texts.Get(Language.Indonesian, "Input.StaleButton"), replies[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Visit.Ask.Nik"), replies[1].Text);
        Assert.Equal("nik", Step());
    }

    [Fact]
    public async Task Explains_a_wrong_NIK_and_a_holiday_in_English()
    {
        var citizen = new Citizen(_bot, language: "en");
        await citizen.BookUntil("slot");

        var holiday = await citizen.Send("16 January");
        await citizen.Press("v1:jb:a:slot:20260106-0900");
        await citizen.Send("Siti Aminah");
        var nik = await citizen.Send("3604 0145 0190 003");

        Assert.Equal(Texts.Format(Language.English, "Slot.Problem.Holiday", "Friday, 16 January 2026", "Isra Mikraj Nabi Muhammad SAW"), holiday[0].Text);
        Assert.Equal("A NIK has 16 digits; you typed 15. Please check it again.", nik[0].Text);
        Assert.Equal(Texts.Get(Language.English, "Visit.Ask.Nik"), nik[1].Text);
    }

    [Fact]
    public async Task Runs_the_whole_booking_in_English()
    {
        var citizen = new Citizen(_bot, language: "en");

        var start = await citizen.Send("/visit");

        Assert.Equal(Texts.Get(Language.English, "Visit.Ask.Reason"), start[0].Text);
        Assert.Equal("🏥 In hospital", start[0].Labels()[0]);
    }

    [Fact]
    public void Has_a_name_for_every_reason_and_service_in_both_languages()
    {
        var keys = Enum.GetNames<VisitReason>().Select(r => $"Visit.Reason.{r}")
            .Concat(Enum.GetNames<VisitService>().Select(s => $"Visit.Service.{s}"))
            .Concat(Enum.GetValues<VisitService>().Select(s => Checklist.For(s, Language.English)));

        foreach (var key in keys.Where(k => k.StartsWith("Visit.", StringComparison.Ordinal)))
        {
            Assert.NotEmpty(Texts.Get(Language.Indonesian, key));
            Assert.NotEmpty(Texts.Get(Language.English, key));
        }
    }

    private string? Step()
    {
        var state = _bot.Conversation().FlowState;
        return state is null ? null : System.Text.Json.JsonDocument.Parse(state).RootElement.GetProperty("s").GetProperty("step").GetString();
    }

    private IReadOnlyList<Visit> Visits()
    {
        using var db = _bot.Database.NewDb();
        return [.. db.Visits.AsNoTracking().OrderBy(v => v.Id)];
    }

    private int Load(Slot slot)
    {
        using var db = _bot.Database.NewDb();
        return db.SlotLoads.AsNoTracking().SingleOrDefault(l => l.Date == slot.Date && l.Starts == slot.Starts)?.Units ?? 0;
    }

    private Task BookElsewhereAsync(string chat, string slotKey, int applicants) =>
        _bot.InScopeAsync(async services =>
        {
            Assert.True(Slot.TryParseKey(slotKey, Some.JemputBola().Windows, out var slot));
            var booked = await services.GetRequiredService<Bookings>().BookAsync(
                EngineHarness.Address(chat), Language.Indonesian, Facts(applicants), slot, _bot.Clock.GetUtcNow(), CancellationToken.None);
            Assert.NotNull(booked.Visit);
            await services.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });

    private async Task<Booked> BookAsync(TimporaDb db, string chat, Slot slot)
    {
        var outbox = new Core.Delivery.Outbox(db, _bot.Clock);
        var availability = new Availability(Microsoft.Extensions.Options.Options.Create(Some.JemputBola()), Calendar());
        var bookings = new Bookings(db, outbox, availability, Calendar(), new Core.Collective.Sessions(db, outbox, Calendar()));
        return await bookings.BookAsync(EngineHarness.Address(chat), Language.Indonesian, Facts(1), slot, _bot.Clock.GetUtcNow(), CancellationToken.None);
    }

    private static WorkingCalendar Calendar() =>
        new(Microsoft.Extensions.Options.Options.Create(Some.Office()), Microsoft.Extensions.Options.Options.Create(Some.Calendar()));

    private static VisitFacts Facts(int applicants) => new(
        VisitReason.Bedridden, null, VisitService.PassportReplacement, applicants, new GeoPoint(-6.12, 106.15), "Kota Serang", "Rumah", "Ahmad", Citizen.Nik, "+6281234567890", null);
}
