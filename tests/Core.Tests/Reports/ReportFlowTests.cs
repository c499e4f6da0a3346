using System.Text;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Reports;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;
using Timpora.Testing;

namespace Timpora.Core.Tests.Reports;

/// <summary>Reporting anonymously through the engine. The clock stands at Monday 5 January 2026, 09:00 WIB.</summary>
public sealed class ReportFlowTests : IDisposable
{
    private readonly EngineHarness _bot = new();
    private readonly Reporter _reporter;

    public ReportFlowTests() => _reporter = new Reporter(_bot);

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Files_a_report_by_buttons_a_shared_location_and_a_photo_and_gives_a_receipt_code(string language)
    {
        var reporter = new Reporter(_bot, language: language);

        var replies = await reporter.Report();

        var report = Assert.Single(Reports());
        Assert.Equal(ReportCategory.IllegalWork, report.Category);
        Assert.Equal(Reporter.WhatWasSeen, report.Text);
        Assert.Equal(-6.1206, report.Latitude);
        Assert.Equal(106.1502, report.Longitude);
        Assert.False(report.OutsideArea);
        Assert.Equal(SeenPeriod.Yesterday, report.Seen);
        Assert.Equal(new DateOnly(2026, 1, 4), report.SeenOn);
        Assert.Equal(3, report.People);
        Assert.Equal("Tiongkok", report.Nationality);
        Assert.Equal(ReportStatus.New, report.Status);
        Assert.Null(report.ClaimedBy);
        Assert.Matches("^LP-[0-9A-Z]{4}$", report.Number);

        var sent = replies[0];
        Assert.StartsWith(Texts.Get(Texts.FromHint(language), "Report.Sent")[..20], sent.Text, StringComparison.Ordinal);
        var code = Reporter.ReceiptIn(replies);
        Assert.Equal(ReplyKeyboard.Removed, sent.Keyboard);
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);

        // The code is shown, never stored: the row holds its keyed hash only.
        Assert.True(Receipt.TryNormalize(code, out var normalized));
        Assert.Equal(Receipt.Hash(normalized, _bot.Pseudonyms), report.ReceiptHash);
        Assert.DoesNotContain(normalized, report.ReceiptHash, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task States_what_is_and_is_not_kept_before_asking_anything()
    {
        var replies = await _bot.SendAsync("/lapor");

        Assert.Equal(Texts.Get(Language.Indonesian, "Report.Intro"), replies[0].Text);
        Assert.Equal(Texts.Get(Language.Indonesian, "Report.Ask.Category"), replies[1].Text);
        Assert.Contains("v1:report:a:cat:Overstay", replies[1].Payloads());
        Assert.Contains("v1:report:a:cat:Drugs", replies[1].Payloads());
        Assert.Contains("v1:report:x", replies[1].Payloads());
    }

    [Fact]
    public async Task The_submission_time_is_kept_to_the_hour_only()
    {
        _bot.Clock.Advance(TimeSpan.FromMinutes(37) + TimeSpan.FromSeconds(12));

        await _reporter.Report();

        Assert.Equal(new DateTime(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc), Assert.Single(Reports()).SubmittedAt);
    }

    [Fact]
    public async Task The_duty_group_gets_the_card_with_the_officers_buttons_then_the_pin_then_the_cleaned_photo()
    {
        await _reporter.Report();

        var report = Assert.Single(Reports());
        var queued = _bot.Queued(Some.DutyGroup);
        Assert.Equal(3, queued.Count);
        Assert.Contains(Reporter.WhatWasSeen, queued[0].Text, StringComparison.Ordinal);
        Assert.Contains(report.Number, queued[0].Text, StringComparison.Ordinal);
        Assert.Contains($"v1:triage:claim:{report.Number}", queued[0].Payloads());
        Assert.Contains($"v1:triage:ask:{report.Number}", queued[0].Payloads());
        Assert.Equal(new GeoPoint(-6.1206, 106.1502), queued[1].Location);

        var photo = queued[2].PhotoBytes!;
        Assert.Contains(report.Number, queued[2].Caption, StringComparison.Ordinal);
        Assert.Equal(StoredPhotos().Single().Bytes, photo);
        var latin1 = Encoding.Latin1.GetString(photo);
        Assert.All(TestImages.PlantedStrings, planted => Assert.DoesNotContain(planted, latin1, StringComparison.Ordinal));
        Assert.Empty(_bot.Queued(Some.Reports().Partners[0].Chat));
    }

    [Fact]
    public async Task Without_a_duty_group_every_enrolled_officer_gets_the_report()
    {
        using var bot = new EngineHarness(reports: Some.Reports().WithoutDutyGroup());
        await bot.EnrolOfficerAsync("Rudi", OfficerRole.Officer, "2001");
        await bot.EnrolOfficerAsync("Sari", OfficerRole.Supervisor, "2002");

        await new Reporter(bot).Report();

        Assert.Equal(3, bot.Queued("2001").Count);
        Assert.Equal(3, bot.Queued("2002").Count);
    }

    [Fact]
    public async Task The_draft_is_erased_when_the_report_is_sent()
    {
        await _reporter.ReportUntil("confirm");
        Assert.Contains(Reporter.WhatWasSeen, _bot.Conversation().FlowState, StringComparison.Ordinal);

        await _reporter.Press("v1:report:ok");

        var conversation = _bot.Conversation();
        Assert.NotEqual("report", conversation.Flow);
        Assert.DoesNotContain(Reporter.WhatWasSeen, conversation.FlowState ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(Reporter.PhotoId, conversation.FlowState ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("where")]
    [InlineData("photos")]
    [InlineData("confirm")]
    public async Task Cancelling_at_any_step_erases_the_draft_and_files_nothing(string step)
    {
        await _reporter.ReportUntil(step);

        await _reporter.Send("/batal");

        var conversation = _bot.Conversation();
        Assert.Equal(ConversationEngine.MenuFlow, conversation.Flow);
        Assert.DoesNotContain(Reporter.WhatWasSeen, conversation.FlowState ?? "", StringComparison.Ordinal);
        Assert.Empty(Reports());
        Assert.Empty(_bot.Queued(Some.DutyGroup));
    }

    [Fact]
    public async Task The_cancel_button_erases_the_draft_too()
    {
        await _reporter.ReportUntil("where");

        await _reporter.Press("v1:report:x");

        Assert.DoesNotContain(Reporter.WhatWasSeen, _bot.Conversation().FlowState ?? "", StringComparison.Ordinal);
        Assert.Empty(Reports());
    }

    [Theory]
    [InlineData("id", "terlalu", "Form.TextTooShort")]
    [InlineData("id", "", "Form.TextTooLong")]
    [InlineData("en", "too short", "Form.TextTooShort")]
    [InlineData("en", "", "Form.TextTooLong")]
    public async Task Refuses_a_text_too_short_or_too_long_in_the_reporters_language_and_keeps_asking(string language, string typed, string problem)
    {
        var reporter = new Reporter(_bot, language: language);
        await reporter.ReportUntil("text");
        var text = typed.Length > 0 ? typed : new string('x', ReportFlow.LongestText + 1);

        var replies = await reporter.Send(text);

        var expected = typed.Length > 0
            ? Texts.Format(Texts.FromHint(language), problem, ReportFlow.ShortestText)
            : Texts.Format(Texts.FromHint(language), problem, ReportFlow.LongestText, ReportFlow.LongestText + 1);
        Assert.Equal(expected, replies[0].Text);
        Assert.Equal("text", FormStep());
        Assert.Empty(Reports());
    }

    [Fact]
    public async Task A_typed_rough_place_is_accepted()
    {
        await _reporter.ReportUntil("where");

        await _reporter.Send("belakang Pasar Rau, Kota Serang");

        Assert.Equal("when", FormStep());
        await FinishFrom("when");
        var report = Assert.Single(Reports());
        Assert.Equal("belakang Pasar Rau, Kota Serang", report.PlaceText);
        Assert.Null(report.Latitude);
        Assert.False(report.OutsideArea);
    }

    [Fact]
    public async Task A_place_outside_the_working_area_is_accepted_and_marked()
    {
        await _reporter.ReportUntil("where");

        // Monas, Jakarta.
        await _reporter.ShareLocation(-6.1754, 106.8272);
        var summary = await FinishUntilConfirm("when");

        Assert.Contains(Texts.Get(Language.Indonesian, "Report.Summary.Outside"), summary[^1].Text, StringComparison.Ordinal);
        await _reporter.Press("v1:report:ok");
        Assert.True(Assert.Single(Reports()).OutsideArea);
        Assert.Contains(Texts.Get(Language.Indonesian, "Triage.Card.Outside"), _bot.Queued(Some.DutyGroup)[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_place_naming_another_region_is_marked_outside()
    {
        await _reporter.ReportUntil("where");

        await _reporter.Send("apartemen di Kota Tangerang dekat stasiun");
        await FinishFrom("when");

        Assert.True(Assert.Single(Reports()).OutsideArea);
    }

    [Theory]
    [InlineData("id", "abc")]
    [InlineData("id", "")]
    [InlineData("en", "abc")]
    [InlineData("en", "")]
    public async Task Refuses_a_place_too_short_or_too_long_in_the_reporters_language(string language, string typed)
    {
        var reporter = new Reporter(_bot, language: language);
        await reporter.ReportUntil("where");

        var replies = await reporter.Send(typed.Length > 0 ? typed : new string('x', RoughPlaceAnswer.Longest + 1));

        Assert.Equal(Texts.Format(Texts.FromHint(language), "Report.Place.Expected", RoughPlaceAnswer.Shortest, RoughPlaceAnswer.Longest), replies[0].Text);
        Assert.Equal("where", FormStep());
    }

    [Fact]
    public async Task A_sticker_where_the_place_belongs_is_refused_and_changes_nothing()
    {
        await _reporter.ReportUntil("where");

        var replies = await _bot.SendUnsupportedAsync("sticker");

        Assert.Equal(Texts.Format(Language.Indonesian, "Input.Unsupported", Texts.Get(Language.Indonesian, "Input.Kind.sticker")), replies[0].Text);
        Assert.Equal("where", FormStep());
    }

    [Theory]
    [InlineData("Sabtu", 2026, 1, 3)]
    [InlineData("2 hari lalu", 2026, 1, 3)]
    [InlineData("30/12", 2025, 12, 30)]
    [InlineData("1 Januari 2026", 2026, 1, 1)]
    public async Task A_typed_past_day_is_kept_as_that_day(string typed, int year, int month, int day)
    {
        await _reporter.ReportUntil("when");

        await _reporter.Send(typed);
        await FinishFrom("people");

        var report = Assert.Single(Reports());
        Assert.Equal(SeenPeriod.OnDate, report.Seen);
        Assert.Equal(new DateOnly(year, month, day), report.SeenOn);
    }

    [Theory]
    [InlineData("id", "besok")]
    [InlineData("en", "tomorrow")]
    public async Task A_day_in_the_future_is_refused_in_the_reporters_language(string language, string typed)
    {
        var reporter = new Reporter(_bot, language: language);
        await reporter.ReportUntil("when");

        var replies = await reporter.Send(typed);

        var day = WindowText.Day(new DateOnly(2026, 1, 6), Texts.FromHint(language));
        Assert.Equal(Texts.Format(Texts.FromHint(language), "Report.Seen.Future", day), replies[0].Text);
        Assert.Equal("when", FormStep());
    }

    [Fact]
    public async Task A_day_that_is_not_understood_is_explained()
    {
        await _reporter.ReportUntil("when");

        var replies = await _reporter.Send("waktu itu pokoknya");

        Assert.Equal(Texts.Get(Language.Indonesian, "Report.Seen.Expected"), replies[0].Text);
    }

    [Fact]
    public async Task A_forged_period_changes_nothing()
    {
        await _reporter.ReportUntil("when");

        await _reporter.Press("v1:report:a:when:OnDate");
        await _reporter.Press("v1:report:a:when:99");

        Assert.Equal("when", FormStep());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("banyak")]
    public async Task Refuses_a_count_of_people_out_of_range(string typed)
    {
        await _reporter.ReportUntil("people");

        var replies = await _reporter.Send(typed);

        Assert.Equal(Texts.Format(Language.Indonesian, "Form.CountRange", 1, ReportFlow.MostPeople), replies[0].Text);
        Assert.Equal("people", FormStep());
    }

    [Fact]
    public async Task The_optional_steps_can_be_skipped()
    {
        await _reporter.ReportUntil("people");

        await _reporter.Press("v1:report:skip:people");
        await _reporter.Press("v1:report:skip:nat");
        await _reporter.Press("v1:report:skip:photos");
        await _reporter.Press("v1:report:ok");

        var report = Assert.Single(Reports());
        Assert.Null(report.People);
        Assert.Null(report.Nationality);
        Assert.Empty(StoredPhotos());
        Assert.Equal(2, _bot.Queued(Some.DutyGroup).Count);
    }

    [Fact]
    public async Task Takes_up_to_five_photos_and_then_moves_on()
    {
        await _reporter.ReportUntil("photos");

        for (var i = 1; i <= 4; i++)
        {
            var replies = await _reporter.SendPhoto($"p{i}");
            Assert.Equal(Texts.Format(Language.Indonesian, "Report.Photos.Received", i, 5), replies[0].Text);
            Assert.Contains("v1:report:a:photos:done", replies[0].Payloads());
        }

        var fifth = await _reporter.SendPhoto("p5");
        Assert.Equal("confirm", FormStep());
        Assert.Contains("Foto: 5", fifth[^1].Text, StringComparison.Ordinal);

        await _reporter.Press("v1:report:ok");
        Assert.Equal(5, StoredPhotos().Count);
        Assert.Equal(7, _bot.Queued(Some.DutyGroup).Count);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Refuses_a_photo_larger_than_the_limit_before_fetching_it(string language)
    {
        var reporter = new Reporter(_bot, language: language);
        await reporter.ReportUntil("photos");

        var replies = await reporter.SendPhoto(size: 10 * 1024 * 1024 + 1);

        Assert.Equal(Texts.Format(Texts.FromHint(language), "Report.Photos.TooBig", 10), replies[0].Text);
        Assert.Equal(0, _bot.Files.Fetches);
        Assert.Equal("photos", FormStep());
    }

    [Theory]
    [InlineData("image/heic", false)]
    [InlineData("application/pdf", false)]
    public async Task Refuses_a_file_that_is_not_a_jpeg_or_png(string mime, bool isPhoto)
    {
        await _reporter.ReportUntil("photos");

        var replies = await _reporter.SendPhoto(mime: mime, isPhoto: isPhoto);

        Assert.Equal(Texts.Get(Language.Indonesian, "Report.Photos.WrongKind"), replies[0].Text);
    }

    [Fact]
    public async Task Done_without_a_photo_asks_for_one()
    {
        await _reporter.ReportUntil("photos");

        var replies = await _reporter.Press("v1:report:a:photos:done");

        Assert.Equal(Texts.Get(Language.Indonesian, "Report.Photos.NoneYet"), replies[0].Text);
        Assert.Equal("photos", FormStep());
    }

    [Fact]
    public async Task A_photo_Telegram_cannot_hand_over_keeps_everything_and_sending_again_works()
    {
        await _reporter.ReportUntil("confirm");
        _bot.Files.Unavailable = true;

        var replies = await _reporter.Press("v1:report:ok");

        Assert.Equal(Texts.Format(Language.Indonesian, "Report.Photos.Unavailable", 1), replies[0].Text);
        Assert.Contains("v1:report:ok", replies[^1].Payloads());
        Assert.Empty(Reports());
        Assert.Empty(_bot.Queued(Some.DutyGroup));

        _bot.Files.Unavailable = false;
        var again = await _reporter.Press("v1:report:ok");

        Assert.Single(Reports());
        Assert.Single(StoredPhotos());
        Assert.NotNull(Reporter.ReceiptIn(again));
    }

    [Fact]
    public async Task A_photo_that_is_not_really_an_image_is_dropped_and_the_reporter_is_asked_again()
    {
        await _reporter.ReportUntil("photos");
        await _reporter.SendPhoto(bytes: Encoding.ASCII.GetBytes("not a jpeg at all, just text"));
        await _reporter.Press("v1:report:a:photos:done");

        var replies = await _reporter.Press("v1:report:ok");

        Assert.StartsWith(Texts.Format(Language.Indonesian, "Report.Photos.Dropped", 1, "")[..10], replies[0].Text, StringComparison.Ordinal);
        Assert.Equal("photos", FormStep());
        Assert.DoesNotContain(Reporter.PhotoId, _bot.Conversation().FlowState, StringComparison.Ordinal);
        Assert.Empty(Reports());
    }

    [Fact]
    public async Task Suspected_drugs_point_to_the_police_and_BNN()
    {
        await _bot.SendAsync("/lapor");

        var replies = await _bot.PressAsync("v1:report:a:cat:Drugs");

        Assert.Equal(Texts.Get(Language.Indonesian, "Report.Emergency"), replies[0].Text);
        Assert.Contains("184", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_from_the_summary_changes_one_answer_and_keeps_the_others()
    {
        await _reporter.ReportUntil("confirm");

        await _reporter.Press("v1:report:back:confirm");
        await _reporter.Press("v1:report:back:photos");
        await _reporter.Send("Pakistan");
        await _reporter.Press("v1:report:a:photos:done");
        await _reporter.Press("v1:report:ok");

        var report = Assert.Single(Reports());
        Assert.Equal("Pakistan", report.Nationality);
        Assert.Equal(3, report.People);
        Assert.Single(StoredPhotos());
    }

    [Fact]
    public async Task The_sixth_report_in_a_day_is_refused_politely_and_another_person_may_still_report()
    {
        for (var i = 0; i < 5; i++)
        {
            await _reporter.Report();
        }

        var replies = await _bot.SendAsync("/lapor");

        Assert.Equal(Texts.Format(Language.Indonesian, "Report.Quota", 5, Html.Escape(Some.OfficePhone)), replies[0].Text);
        Assert.NotEqual("report", _bot.Conversation().Flow);
        Assert.Equal(5, Reports().Count);

        await new Reporter(_bot, chat: "1002").Report();
        Assert.Equal(6, Reports().Count);

        _bot.Clock.Advance(TimeSpan.FromHours(24));
        await _reporter.Report();
        Assert.Equal(7, Reports().Count);
    }

    [Fact]
    public async Task A_report_whose_turn_ran_again_after_a_conflict_is_filed_and_counted_once()
    {
        var limitOfTwo = Some.Reports();
        limitOfTwo.DailyLimit = 2;
        using var bot = new EngineHarness(reports: limitOfTwo);
        var reporter = new Reporter(bot);
        await reporter.ReportUntil("confirm");
        var conversation = bot.Conversation().Id;
        bot.Database.Saves.BeforeNextTurnSave = () =>
            bot.Database.Execute($"UPDATE conversations SET Version = Version + 1 WHERE Id = {conversation}");

        var sent = await reporter.Press("v1:report:ok");

        Assert.NotNull(Reporter.ReceiptIn(sent));
        using (var db = bot.Database.NewDb())
        {
            Assert.Equal(1, db.Reports.Count());
        }

        // Counted once, so the second of the two allowed reports may still be written.
        var again = await bot.SendAsync("/lapor");
        Assert.Equal(Texts.Get(Language.Indonesian, "Report.Intro"), again[0].Text);
    }

    [Fact]
    public async Task Two_reports_get_different_receipt_codes_and_numbers()
    {
        var first = Reporter.ReceiptIn(await _reporter.Report());
        var second = Reporter.ReceiptIn(await _reporter.Report());

        Assert.NotEqual(first, second);
        var reports = Reports();
        Assert.NotEqual(reports[0].Number, reports[1].Number);
        Assert.NotEqual(reports[0].ReceiptHash, reports[1].ReceiptHash);
    }

    private async Task FinishFrom(string step)
    {
        await FinishUntilConfirm(step);
        await _reporter.Press("v1:report:ok");
    }

    private async Task<IReadOnlyList<OutgoingMessage>> FinishUntilConfirm(string step)
    {
        var steps = new (string Step, Func<Task<IReadOnlyList<OutgoingMessage>>> Answer)[]
        {
            ("when", () => _reporter.Press("v1:report:a:when:Today")),
            ("people", () => _reporter.Press("v1:report:skip:people")),
            ("nat", () => _reporter.Press("v1:report:skip:nat")),
            ("photos", () => _reporter.Press("v1:report:skip:photos")),
        };
        IReadOnlyList<OutgoingMessage> last = [];
        foreach (var (_, answer) in steps.SkipWhile(s => s.Step != step))
        {
            last = await answer();
        }

        return last;
    }

    private string? FormStep()
    {
        var state = _bot.Conversation().FlowState;
        return state is null ? null : System.Text.Json.JsonDocument.Parse(state).RootElement.GetProperty("s").GetProperty("step").GetString();
    }

    private List<Report> Reports()
    {
        using var db = _bot.Database.NewDb();
        return db.Reports.AsNoTracking().OrderBy(r => r.Id).ToList();
    }

    private List<ReportPhoto> StoredPhotos()
    {
        using var db = _bot.Database.NewDb();
        return db.ReportPhotos.AsNoTracking().OrderBy(p => p.Id).ToList();
    }
}
