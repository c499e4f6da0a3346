using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Reports;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;
using Timpora.Testing;

namespace Timpora.Core.Tests.Reports;

/// <summary>
/// The reporter coming back with the receipt code, through the engine. Reports are filed on Monday 5 January 2026 at
/// 09:00 WIB (02:00 UTC), so the card says "between 09.00 and 10.00".
/// </summary>
public sealed class StatusFlowTests : IDisposable
{
    private const string Other = "1002";
    private const string OfficerName = "Rudi Hartono";
    private const string OfficerChat = "2001";
    private const string Question = "Di pabrik mana mereka bekerja dan jam berapa masuknya?";
    private const string Note = "Pemilik kontrakan kerabat kepala desa, hati-hati";
    private const string Event = "Laporan diklaim dan diteruskan ke Polres";
    private const string Answer = "Pabrik sepatu di Jalan Raya Cikande, masuk jam tujuh pagi.";
    private const string Ans = "v1:status:ans";
    private const string AddPhoto = "v1:status:photo";
    private const string Close = "v1:status:close";

    // Far from any number the state could hold by chance (a version, a count), so finding it there means a leak.
    private const long FirstReportId = 48_213;

    private static readonly Language Id = Language.Indonesian;

    private readonly EngineHarness _bot = new();

    public StatusFlowTests() => _bot.Database.Execute($"INSERT INTO sqlite_sequence (name, seq) VALUES ('reports', {FirstReportId - 1})");

    public void Dispose() => _bot.Dispose();

    // Opening a report

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Status_with_the_code_shows_category_status_its_meaning_the_hour_received_the_photos_and_three_buttons(string hint)
    {
        var language = Texts.FromHint(hint);
        var (_, code) = await ReportedAsync(language: hint);

        var replies = await _bot.SendAsync("/status " + code, languageHint: hint);

        var card = Assert.Single(replies);
        Assert.Equal(Card(language), card.Text);
        Assert.Contains(hint == "en" ? "Monday, 5 January 2026" : "Senin, 5 Januari 2026", card.Text, StringComparison.Ordinal);
        Assert.Contains("09.00", card.Text, StringComparison.Ordinal);
        Assert.Equal([Ans, AddPhoto, Close], card.Payloads());
        Assert.Equal(
            [Texts.Get(language, "Status.Button.Answer"), Texts.Get(language, "Status.Button.Photo"), Texts.Get(language, "Status.Button.Close")],
            card.Labels());
        Assert.Null(TelegramHtmlCheck.Problem(card.Text!));
        Assert.Equal(StatusFlow.FlowName, _bot.Conversation().Flow);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Status_then_typing_the_code_opens_the_report(string hint)
    {
        var language = Texts.FromHint(hint);
        var (_, code) = await ReportedAsync(language: hint);

        var asked = await _bot.SendAsync("/status", languageHint: hint);
        var replies = await _bot.SendAsync(code, languageHint: hint);

        Assert.Equal([Texts.Get(language, "Status.AskCode")], asked.Said());
        Assert.Equal([Card(language)], replies.Said());
    }

    [Fact]
    public async Task The_code_typed_in_lower_case_without_dashes_opens_the_report()
    {
        var (_, code) = await ReportedAsync();
        var sloppy = code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

        await _bot.SendAsync("/status");
        var typed = await _bot.SendAsync(sloppy);
        var inCommand = await _bot.SendAsync("/status " + sloppy, chat: Other);

        Assert.Equal([Card(Id)], typed.Said());
        Assert.Equal([Card(Id)], inCommand.Said());
    }

    [Fact]
    public async Task The_menu_leads_to_the_status_which_asks_for_the_code()
    {
        var (_, code) = await ReportedAsync();

        var choose = await _bot.PressAsync("v1:menu:rep");
        var asked = await _bot.PressAsync("v1:menu:repst");
        var replies = await _bot.SendAsync(code);

        Assert.Contains("v1:menu:repst", choose[^1].Payloads());
        Assert.Equal([Texts.Get(Id, "Status.AskCode")], asked.Said());
        Assert.Equal([Card(Id)], replies.Said());
    }

    [Fact]
    public async Task Status_again_within_half_an_hour_shows_the_report_without_the_code()
    {
        var (_, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + code);
        _bot.Clock.Advance(TimeSpan.FromMinutes(29));

        var replies = await _bot.SendAsync("/status");

        Assert.Equal([Card(Id)], replies.Said());
    }

    [Theory]
    [InlineData(ReportStatus.Verified)]
    [InlineData(ReportStatus.Unfounded)]
    public async Task Shows_the_status_an_officer_set_with_what_it_means(ReportStatus status)
    {
        var (report, code) = await ReportedAsync();
        await _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            Assert.True((await db.Reports.SingleAsync(r => r.Id == report.Id)).MoveTo(status));
            await db.SaveChangesAsync();
        });

        var replies = await _bot.SendAsync("/status " + code);

        Assert.Equal([Card(Id, status: status)], replies.Said());
    }

    // What the reporter sees of the thread

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Shows_an_officers_question_but_never_a_note_an_event_or_an_officers_name(string hint)
    {
        var language = Texts.FromHint(hint);
        var (report, code) = await ReportedAsync(language: hint);
        var officer = await _bot.EnrolOfficerAsync(OfficerName, OfficerRole.Officer, OfficerChat);
        await AddEntryAsync(report.Id, ReportEntryKind.Event, Event, officer);
        await AddEntryAsync(report.Id, ReportEntryKind.Note, Note, officer);
        await AddEntryAsync(report.Id, ReportEntryKind.Question, Question, officer);

        var card = Assert.Single(await _bot.SendAsync("/status " + code, languageHint: hint)).Text!;

        Assert.StartsWith(Card(language) + "\n\n" + Texts.Get(language, "Status.Card.Thread"), card, StringComparison.Ordinal);
        Assert.Contains(Question, card, StringComparison.Ordinal);
        Assert.DoesNotContain(Note, card, StringComparison.Ordinal);
        Assert.DoesNotContain(Event, card, StringComparison.Ordinal);
        Assert.DoesNotContain("Rudi", card, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hartono", card, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Texts.Format(language, "Triage.Thread.Note", "", "")[..8], card, StringComparison.Ordinal);
    }

    // Answering and adding information

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Answering_a_waiting_question_stores_an_answer_at_the_hour_without_an_officer_and_tells_the_duty_group(string hint)
    {
        var language = Texts.FromHint(hint);
        var (report, code) = await ReportedAsync(language: hint);
        var officer = await _bot.EnrolOfficerAsync(OfficerName, OfficerRole.Officer, OfficerChat);
        await AddEntryAsync(report.Id, ReportEntryKind.Question, Question, officer);
        _bot.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(41) + TimeSpan.FromSeconds(17));
        await _bot.SendAsync("/status " + code, languageHint: hint);
        var rows = _bot.OutboxRows().Count;

        var asked = await _bot.PressAsync(Ans, languageHint: hint);
        var replies = await _bot.SendAsync(Answer, languageHint: hint);

        Assert.Equal([Texts.Format(language, "Status.AskAnswer", StatusFlow.ShortestAnswer, StatusFlow.LongestAnswer)], asked.Said());
        Assert.Equal(Texts.Get(language, "Status.Answered"), replies[0].Text);
        Assert.Contains(Answer, replies[1].Text, StringComparison.Ordinal);
        Assert.Equal([Ans, AddPhoto, Close], replies[1].Payloads());

        var answer = Filed.Entries(_bot, report.Id)[^1];
        Assert.Equal(ReportEntryKind.Answer, answer.Kind);
        Assert.Equal(Answer, answer.Text);
        Assert.Null(answer.OfficerId);
        Assert.Equal(new DateTime(2026, 1, 5, 4, 0, 0, DateTimeKind.Utc), answer.At);

        var told = Assert.Single(Filed.Since(_bot, rows, Some.DutyGroup));
        Assert.Equal(Texts.Format(Id, "Triage.Told.Answer", report.Number, Answer), told.Text);
    }

    [Fact]
    public async Task Information_added_without_a_question_is_stored_as_an_addition_and_told_to_the_duty_group()
    {
        var (report, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + code);
        var rows = _bot.OutboxRows().Count;

        await _bot.PressAsync(Ans);
        var replies = await _bot.SendAsync(Answer);

        Assert.Equal(Texts.Get(Id, "Status.Added"), replies[0].Text);
        var entry = Assert.Single(Filed.Entries(_bot, report.Id));
        Assert.Equal(ReportEntryKind.Addition, entry.Kind);
        Assert.Null(entry.OfficerId);
        Assert.Equal(new DateTime(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc), entry.At);
        var told = Assert.Single(Filed.Since(_bot, rows, Some.DutyGroup));
        Assert.Equal(Texts.Format(Id, "Triage.Told.Addition", report.Number, Answer), told.Text);
    }

    [Fact]
    public async Task Once_the_question_is_answered_more_words_are_an_addition()
    {
        var (report, code) = await ReportedAsync();
        await AddEntryAsync(report.Id, ReportEntryKind.Question, Question, await _bot.EnrolOfficerAsync(OfficerName, OfficerRole.Officer, OfficerChat));
        await _bot.SendAsync("/status " + code);
        await _bot.PressAsync(Ans);
        await _bot.SendAsync(Answer);

        await _bot.PressAsync(Ans);
        var replies = await _bot.SendAsync("Satu orang lagi datang kemarin sore.");

        Assert.Equal(Texts.Get(Id, "Status.Added"), replies[0].Text);
        Assert.Equal(
            [ReportEntryKind.Question, ReportEntryKind.Answer, ReportEntryKind.Addition],
            Filed.Entries(_bot, report.Id).Select(e => e.Kind));
    }

    [Fact]
    public async Task Markup_in_an_answer_is_kept_as_typed_and_shown_as_text()
    {
        const string typed = "Jam 7 < jam 8 & papan nama <b>PT Maju</b>";
        var (report, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + code);
        var rows = _bot.OutboxRows().Count;

        await _bot.PressAsync(Ans);
        var replies = await _bot.SendAsync(typed);

        Assert.Equal(typed, Assert.Single(Filed.Entries(_bot, report.Id)).Text);
        Assert.Contains(Html.Escape(typed), replies[1].Text, StringComparison.Ordinal);
        Assert.Null(TelegramHtmlCheck.Problem(replies[1].Text!));
        var told = Assert.Single(Filed.Since(_bot, rows, Some.DutyGroup)).Text!;
        Assert.Contains(Html.Escape(typed), told, StringComparison.Ordinal);
        Assert.Null(TelegramHtmlCheck.Problem(told));
    }

    [Theory]
    [InlineData("a", "Status.AskAnswer")]
    [InlineData("   ", "Status.AskAnswer")]
    [InlineData("2001", "Status.AskAnswer")]
    [InlineData("5000", "Input.TooLong")]
    public async Task Refuses_an_answer_too_short_or_too_long_politely_and_stores_nothing(string typed, string reply)
    {
        var (report, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + code);
        await _bot.PressAsync(Ans);
        var rows = _bot.OutboxRows().Count;
        var text = int.TryParse(typed, CultureInfo.InvariantCulture, out var length) ? new string('x', length) : typed;

        var replies = await _bot.SendAsync(text);

        var expected = reply == "Input.TooLong"
            ? Texts.Format(Id, reply, ConversationEngine.MaxIncomingText)
            : Texts.Format(Id, reply, StatusFlow.ShortestAnswer, StatusFlow.LongestAnswer);
        Assert.Equal([expected], replies.Said());
        Assert.Empty(Filed.Entries(_bot, report.Id));
        Assert.Empty(Filed.Since(_bot, rows, Some.DutyGroup));

        // Still waiting for the answer: a fitting one goes through.
        await _bot.SendAsync(Answer);
        Assert.Equal(Answer, Assert.Single(Filed.Entries(_bot, report.Id)).Text);
    }

    [Fact]
    public async Task Text_typed_under_the_card_asks_to_choose_a_button_and_stores_nothing()
    {
        var (report, code) = await ReportedAsync();
        var card = Assert.Single(await _bot.SendAsync("/status " + code));

        var replies = await _bot.SendAsync("Mereka sudah pindah kemarin");

        Assert.Equal(Texts.Get(Id, "Input.ChooseButton"), replies[0].Text);
        Assert.Equal(card.Payloads(), replies[0].Payloads());
        Assert.Equal("show", Step());
        Assert.Empty(Filed.Entries(_bot, report.Id));
    }

    [Fact]
    public async Task Another_code_typed_under_the_card_opens_that_report()
    {
        var (_, first) = await ReportedAsync();
        var (second, code) = await FiledWithPhotosAsync(0);
        await _bot.SendAsync("/status " + first);

        var replies = await _bot.SendAsync(code.ToLowerInvariant());
        await _bot.PressAsync(Ans);
        await _bot.SendAsync(Answer);

        Assert.Equal([Card(Id, photos: 0)], replies.Said());
        Assert.Equal(Answer, Assert.Single(Filed.Entries(_bot, second.Id)).Text);
    }

    [Fact]
    public async Task A_wrong_code_typed_under_the_card_counts_as_a_miss()
    {
        var (report, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + code);

        var replies = await _bot.SendAsync(Receipt.New());

        Assert.Equal([Texts.Get(Id, "Status.NotFound")], replies.Said());
        await _bot.SendAsync(Receipt.New());
        await _bot.SendAsync(Receipt.New());
        Assert.Equal([Texts.Format(Id, "Status.Wait", "1")], (await _bot.SendAsync(code)).Said());
        Assert.Empty(Filed.Entries(_bot, report.Id));
    }

    // Adding a photo

    [Fact]
    public async Task A_photo_sent_under_the_card_is_added_without_pressing_the_button()
    {
        var (report, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + code);

        var replies = await new Reporter(_bot).SendPhoto("straight-under-the-card");

        Assert.Equal([Texts.Get(Id, "Status.PhotoAdded"), Card(Id, photos: 2)], replies.Said());
        Assert.Equal(2, Photos(report.Id).Count);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public async Task Adding_a_photo_stores_it_cleaned_and_sends_it_to_the_duty_group(string hint)
    {
        var language = Texts.FromHint(hint);
        var (report, code) = await ReportedAsync(language: hint);
        var reporter = new Reporter(_bot, language: hint);
        await _bot.SendAsync("/status " + code, languageHint: hint);
        var rows = _bot.OutboxRows().Count;

        var asked = await reporter.Press(AddPhoto);
        var replies = await reporter.SendPhoto("later-photo");

        Assert.Equal([Texts.Format(language, "Status.AskPhoto", 10)], asked.Said());
        Assert.Equal([Texts.Get(language, "Status.PhotoAdded"), Card(language, photos: 2)], replies.Said());
        var photos = Photos(report.Id);
        Assert.Equal(2, photos.Count);
        var added = photos[^1];
        Assert.Equal("image/jpeg", added.MimeType);
        Assert.Equal(new DateTime(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc), added.AddedAt);
        var latin1 = Encoding.Latin1.GetString(added.Bytes);
        Assert.All(TestImages.PlantedStrings, planted => Assert.DoesNotContain(planted, latin1, StringComparison.Ordinal));

        var sent = Assert.Single(Filed.Since(_bot, rows, Some.DutyGroup));
        Assert.Equal(added.Bytes, sent.PhotoBytes);
        Assert.Equal(Texts.Format(Id, "Triage.Told.Photo", report.Number), sent.Caption);
    }

    [Theory]
    [InlineData("application/pdf", false, false)]
    [InlineData("image/heic", false, false)]
    [InlineData("image/jpeg", true, true)]
    public async Task Refuses_a_file_that_is_not_a_usable_image_and_stores_nothing(string mime, bool isPhoto, bool textPosingAsJpeg)
    {
        var (report, code) = await ReportedAsync();
        await OpenForPhotoAsync(code);
        var rows = _bot.OutboxRows().Count;

        var replies = await new Reporter(_bot).SendPhoto(
            "not-an-image", mime: mime, isPhoto: isPhoto, bytes: textPosingAsJpeg ? Encoding.ASCII.GetBytes("just some text, not a JPEG") : null);

        Assert.Equal([Texts.Get(Id, "Report.Photos.WrongKind"), Texts.Format(Id, "Status.AskPhoto", 10)], replies.Said());
        Assert.Single(Photos(report.Id));
        Assert.Empty(Filed.Since(_bot, rows, Some.DutyGroup));
        Assert.Equal("photo", Step());
    }

    [Fact]
    public async Task Refuses_a_photo_larger_than_the_limit_before_fetching_it_and_stores_nothing()
    {
        var (report, code) = await ReportedAsync();
        await OpenForPhotoAsync(code);
        var fetches = _bot.Files.Fetches;

        var replies = await new Reporter(_bot).SendPhoto("huge", size: (10 * 1024 * 1024) + 1);

        Assert.Equal([Texts.Format(Id, "Report.Photos.TooBig", 10), Texts.Format(Id, "Status.AskPhoto", 10)], replies.Said());
        Assert.Equal(fetches, _bot.Files.Fetches);
        Assert.Single(Photos(report.Id));
    }

    [Fact]
    public async Task Refuses_a_photo_that_turns_out_larger_than_the_limit_when_fetched()
    {
        using var bot = new EngineHarness(reports: new ReportsOptions { DutyChat = Some.DutyGroup, MaxPhotoBytes = 1024 * 1024 });
        var code = Reporter.ReceiptIn(await new Reporter(bot).Report());
        await bot.SendAsync("/status " + code);
        await bot.PressAsync(AddPhoto);

        var replies = await new Reporter(bot).SendPhoto("lied-about-size", size: 1000, bytes: new byte[(1024 * 1024) + 1]);

        Assert.Equal([Texts.Format(Id, "Report.Photos.TooBig", 1), Texts.Format(Id, "Status.AskPhoto", 1)], replies.Said());
        using var db = bot.Database.NewDb();
        Assert.Equal(1, db.ReportPhotos.Count());
    }

    [Fact]
    public async Task When_the_photo_cannot_be_fetched_stores_nothing_says_so_and_takes_it_again()
    {
        var (report, code) = await ReportedAsync();
        await OpenForPhotoAsync(code);
        var rows = _bot.OutboxRows().Count;
        _bot.Files.Unavailable = true;

        var replies = await new Reporter(_bot).SendPhoto("flaky");

        Assert.Equal([Texts.Get(Id, "Status.PhotoUnavailable"), Texts.Format(Id, "Status.AskPhoto", 10)], replies.Said());
        Assert.Single(Photos(report.Id));
        Assert.Empty(Filed.Since(_bot, rows, Some.DutyGroup));
        Assert.Equal("photo", Step());

        _bot.Files.Unavailable = false;
        var again = await new Reporter(_bot).SendPhoto("flaky");

        Assert.Equal(Texts.Get(Id, "Status.PhotoAdded"), again[0].Text);
        Assert.Equal(2, Photos(report.Id).Count);
    }

    [Fact]
    public async Task Takes_five_more_photos_than_the_report_was_sent_with_and_then_says_the_limit()
    {
        var (report, code) = await FiledWithPhotosAsync(5);
        await _bot.SendAsync("/start");
        await _bot.SendAsync("/status " + code);
        for (var i = 1; i <= Core.Reports.Reports.ExtraPhotosLater; i++)
        {
            await _bot.PressAsync(AddPhoto);
            var added = await new Reporter(_bot).SendPhoto($"extra-{i}");
            Assert.Equal(Texts.Get(Id, "Status.PhotoAdded"), added[0].Text);
        }

        var fetches = _bot.Files.Fetches;
        await _bot.PressAsync(AddPhoto);
        var replies = await new Reporter(_bot).SendPhoto("one-too-many");

        Assert.Equal([Texts.Format(Id, "Status.PhotoLimit", 10), Card(Id, photos: 10)], replies.Said());
        Assert.Equal(10, Photos(report.Id).Count);
        Assert.Equal(fetches, _bot.Files.Fetches);
    }

    // Wrong codes

    [Fact]
    public async Task Unknown_malformed_and_other_kinds_of_codes_all_get_exactly_the_same_reply()
    {
        var (report, code) = await ReportedAsync();
        var oneCharOff = code[..^1] + (code[^1] == 'Z' ? 'Y' : 'Z');
        string[] wrong =
        [
            Receipt.New(), oneCharOff, code[..^1], code + "7", "abc", code[..^1] + "U", "😀😀😀", new string('7', 100),
            "<b>hi</b>", report.Number, BookingCode.New(), "LP-" + code[..4],
        ];
        var chat = 3000;
        var answers = new List<string>();
        foreach (var typed in wrong)
        {
            // Each try from a chat of its own that has written before, so no try is slowed down by another.
            var byCommand = (++chat).ToString(CultureInfo.InvariantCulture);
            await _bot.SendAsync("/start", byCommand);
            answers.Add(Json(await _bot.SendAsync("/status " + typed, byCommand)));
            var byTyping = (++chat).ToString(CultureInfo.InvariantCulture);
            await _bot.SendAsync("/status", byTyping);
            answers.Add(Json(await _bot.SendAsync(typed, byTyping)));
            Assert.Equal("code", Step(byTyping));
        }

        Assert.All(answers, answer => Assert.Equal(Json([OutgoingMessage.Say(Texts.Get(Id, "Status.NotFound"))]), answer));
        Assert.Empty(Filed.Entries(_bot, report.Id));
    }

    [Fact]
    public async Task After_three_misses_even_the_right_code_must_wait_and_opens_nothing_until_the_wait_is_over()
    {
        var (report, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + Receipt.New());
        await _bot.SendAsync("/status");
        await _bot.SendAsync("abc");
        await _bot.SendAsync(Receipt.New());

        var blocked = await _bot.SendAsync("/status " + code);
        var typedAgain = await _bot.SendAsync(code);

        Assert.Equal([Texts.Format(Id, "Status.Wait", "1")], blocked.Said());
        Assert.Equal([Texts.Format(Id, "Status.Wait", "1")], typedAgain.Said());
        Assert.Equal([Texts.Get(Id, "Status.Lapsed"), Texts.Get(Id, "Status.AskCode")], (await _bot.PressAsync(Ans)).Said());
        await _bot.SendAsync(Answer);
        Assert.Empty(Filed.Entries(_bot, report.Id));

        _bot.Clock.Advance(TimeSpan.FromMinutes(1));
        var opened = await _bot.SendAsync("/status " + code);

        Assert.Equal([Card(Id)], opened.Said());
    }

    [Fact]
    public async Task A_right_code_clears_the_misses()
    {
        var (_, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + Receipt.New());
        await _bot.SendAsync("/status " + Receipt.New());
        Assert.Equal([Card(Id)], (await _bot.SendAsync("/status " + code)).Said());

        await _bot.SendAsync("/status " + Receipt.New());
        await _bot.SendAsync("/status " + Receipt.New());
        var third = await _bot.SendAsync("/status " + Receipt.New());

        // Counted afresh: this is the third miss, not the fifth, so it is answered and only the next try waits.
        Assert.Equal([Texts.Get(Id, "Status.NotFound")], third.Said());
        Assert.Equal([Texts.Format(Id, "Status.Wait", "1")], (await _bot.SendAsync("/status " + code)).Said());
    }

    [Fact]
    public async Task Misses_in_one_chat_do_not_slow_another()
    {
        var (_, code) = await ReportedAsync();
        for (var i = 0; i < ReceiptAttempts.FreeMisses; i++)
        {
            await _bot.SendAsync("/status " + Receipt.New());
        }

        var other = await _bot.SendAsync("/status " + code, chat: Other);
        var same = await _bot.SendAsync("/status " + code);

        Assert.Equal([Card(Id)], other.Said());
        Assert.Equal([Texts.Format(Id, "Status.Wait", "1")], same.Said());
    }

    // A chat's very first message

    [Fact]
    public async Task A_report_opened_by_a_chats_first_message_is_never_shown_to_another_new_chat()
    {
        var (_, code) = await ReportedAsync();
        Assert.Equal([Card(Id)], (await _bot.SendAsync("/status " + code, chat: "4001")).Said());

        var stranger = await _bot.SendAsync("/status", chat: "4002");
        var pressed = await _bot.PressAsync(Ans, chat: "4003");

        Assert.Equal([Texts.Get(Id, "Status.AskCode")], stranger.Said());
        Assert.Equal([Texts.Get(Id, "Status.Lapsed"), Texts.Get(Id, "Status.AskCode")], pressed.Said());
    }

    [Fact]
    public async Task A_report_opened_by_a_chats_first_message_stays_open_for_the_answer()
    {
        var (report, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + code, chat: "4001");

        var asked = await _bot.PressAsync(Ans, chat: "4001");
        await _bot.SendAsync(Answer, chat: "4001");

        Assert.Equal([Texts.Format(Id, "Status.AskAnswer", StatusFlow.ShortestAnswer, StatusFlow.LongestAnswer)], asked.Said());
        Assert.Equal(Answer, Assert.Single(Filed.Entries(_bot, report.Id)).Text);
    }

    [Fact]
    public async Task Wrong_codes_in_the_first_messages_of_new_chats_do_not_slow_another_new_chat()
    {
        var (_, code) = await ReportedAsync();
        for (var i = 0; i < ReceiptAttempts.FreeMisses; i++)
        {
            await _bot.SendAsync("/status " + Receipt.New(), chat: $"500{i}");
        }

        var replies = await _bot.SendAsync("/status " + code, chat: "5009");

        Assert.Equal([Card(Id)], replies.Said());
    }

    // The session stays in memory

    [Fact]
    public async Task The_conversation_row_never_holds_the_report_its_number_or_its_code()
    {
        var (report, code) = await ReportedAsync();
        Assert.Equal(FirstReportId, report.Id);
        var officer = await _bot.EnrolOfficerAsync(OfficerName, OfficerRole.Officer, OfficerChat);
        await AddEntryAsync(report.Id, ReportEntryKind.Question, Question, officer);

        Func<Task<IReadOnlyList<OutgoingMessage>>>[] steps =
        [
            () => _bot.SendAsync("/status"),
            () => _bot.SendAsync(code.ToLowerInvariant()),
            () => _bot.PressAsync(Ans),
            () => _bot.SendAsync(Answer),
            () => _bot.PressAsync(AddPhoto),
            () => new Reporter(_bot).SendPhoto("later"),
            () => _bot.PressAsync("v1:status:show"),
            () => _bot.SendAsync("/status " + code),
        ];
        foreach (var step in steps)
        {
            await step();

            var conversation = _bot.Conversation();
            Assert.Equal(StatusFlow.FlowName, conversation.Flow);
            AssertHoldsNothingOf(conversation.FlowState, report, code);
            AssertHoldsNothingOf(conversation.Choices, report, code);
            Assert.All(_bot.Database.Cells("conversations"), cell => AssertNoCode(cell, report, code));
        }

        Assert.Equal([ReportEntryKind.Question, ReportEntryKind.Answer], Filed.Entries(_bot, report.Id).Select(e => e.Kind));
        Assert.Equal(2, Photos(report.Id).Count);
    }

    [Fact]
    public async Task After_thirty_quiet_minutes_the_buttons_ask_for_the_code_again()
    {
        var (report, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + code);
        _bot.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal([Texts.Format(Id, "Status.AskAnswer", StatusFlow.ShortestAnswer, StatusFlow.LongestAnswer)], (await _bot.PressAsync(Ans)).Said());

        // Each use renews the half hour: 58 minutes after opening, the answer still goes in.
        _bot.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(Texts.Get(Id, "Status.Added"), (await _bot.SendAsync(Answer))[0].Text);
        Assert.Single(Filed.Entries(_bot, report.Id));

        _bot.Clock.Advance(TimeSpan.FromMinutes(30));
        var replies = await _bot.PressAsync(Ans);

        Assert.Equal([Texts.Get(Id, "Status.Lapsed"), Texts.Get(Id, "Status.AskCode")], replies.Said());
        Assert.Equal("code", Step());
        Assert.StartsWith(Card(Id), Assert.Single(await _bot.SendAsync(code)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_typed_after_thirty_quiet_minutes_is_not_stored_and_the_code_is_asked_again()
    {
        var (report, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + code);
        await _bot.PressAsync(Ans);
        _bot.Clock.Advance(TimeSpan.FromMinutes(30));

        var replies = await _bot.SendAsync(Answer);

        Assert.Equal([Texts.Get(Id, "Status.Lapsed"), Texts.Get(Id, "Status.AskCode")], replies.Said());
        Assert.Empty(Filed.Entries(_bot, report.Id));
        Assert.DoesNotContain(_bot.Queued(Some.DutyGroup), m => m.Text?.Contains(Answer, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Close_forgets_the_report_and_returns_to_the_menu()
    {
        var (report, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + code);

        var closed = await _bot.PressAsync(Close);

        Assert.Equal(Texts.Get(Id, "Status.Closed"), closed[0].Text);
        Assert.Contains("v1:menu:rep", closed[^1].Payloads());
        Assert.NotEqual(StatusFlow.FlowName, _bot.Conversation().Flow);
        Assert.Equal([Texts.Get(Id, "Status.Lapsed"), Texts.Get(Id, "Status.AskCode")], (await _bot.PressAsync(Ans)).Said());
        Assert.Equal([Texts.Get(Id, "Status.AskCode")], (await _bot.SendAsync("/status")).Said());
        Assert.Empty(Filed.Entries(_bot, report.Id));
    }

    [Theory]
    [InlineData("/batal")]
    [InlineData("/cancel")]
    public async Task Cancelling_forgets_the_opened_report_so_the_next_person_at_the_phone_needs_the_code(string command)
    {
        var (_, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + code);

        await _bot.SendAsync(command);

        Assert.Equal([Texts.Get(Id, "Status.AskCode")], (await _bot.SendAsync("/status")).Said());
    }

    [Fact]
    public async Task Cancelling_the_code_prompt_without_an_open_report_says_nothing_was_kept()
    {
        await _bot.SendAsync("/status");

        var replies = await _bot.PressAsync(Close);

        Assert.Equal(Texts.Get(Id, "Form.Cancelled"), replies[0].Text);
    }

    // Forged and stale buttons

    [Theory]
    [InlineData("v1:status:ans")]
    [InlineData("v1:status:photo")]
    [InlineData("v1:status:show")]
    [InlineData("v1:status:zzz")]
    [InlineData("v1:status:ans:48213")]
    [InlineData("v1:status:show:LP-ABCD")]
    public async Task A_status_button_without_an_open_report_changes_nothing_and_asks_for_the_code(string payload)
    {
        var (report, _) = await ReportedAsync();
        var before = Snapshot();

        var replies = await _bot.PressAsync(payload, chat: Other);
        var typed = await _bot.SendAsync(Answer, chat: Other);

        Assert.Equal([Texts.Get(Id, "Status.Lapsed"), Texts.Get(Id, "Status.AskCode")], replies.Said());
        Assert.Equal([Texts.Get(Id, "Status.NotFound")], typed.Said());
        Assert.Equal(before, Snapshot());
        Assert.Empty(Filed.Entries(_bot, report.Id));
    }

    [Fact]
    public async Task An_unknown_status_button_under_an_open_report_is_answered_as_stale_and_changes_nothing()
    {
        var (_, code) = await ReportedAsync();
        await _bot.SendAsync("/status " + code);
        var before = Snapshot();

        var replies = await _bot.PressAsync("v1:status:zzz");

        Assert.Equal([Texts.Get(Id, "Input.StaleButton"), Card(Id)], replies.Said());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_button_naming_another_report_still_reaches_only_the_one_opened_with_its_code()
    {
        var (mine, code) = await ReportedAsync();
        var (theirs, _) = await ReportedAsync(chat: Other);
        await AddEntryAsync(theirs.Id, ReportEntryKind.Question, Question, await _bot.EnrolOfficerAsync(OfficerName, OfficerRole.Officer, OfficerChat));
        await _bot.SendAsync("/status " + code);

        var shown = await _bot.PressAsync($"v1:status:show:{theirs.Id}");
        await _bot.PressAsync($"v1:status:ans:{theirs.Id}:{theirs.Number}");
        await _bot.SendAsync(Answer);

        Assert.Equal([Card(Id)], shown.Said());
        Assert.Equal(ReportEntryKind.Addition, Assert.Single(Filed.Entries(_bot, mine.Id)).Kind);
        Assert.Equal([ReportEntryKind.Question], Filed.Entries(_bot, theirs.Id).Select(e => e.Kind));
    }

    private static string Card(Language language, int photos = 1, ReportStatus status = ReportStatus.New)
    {
        var received = Texts.Format(language, "Triage.Card.Hour", WindowText.Day(new DateOnly(2026, 1, 5), language), "09.00", "10.00");
        return Texts.Format(language, "Status.Card.Title", Texts.Get(language, "Report.Category.IllegalWork"), Texts.Get(language, $"Report.Status.{status}"))
            + "\n" + Texts.Get(language, $"Status.Card.Meaning.{status}")
            + "\n" + Texts.Format(language, "Status.Card.Submitted", received, photos);
    }

    private static string Json(IEnumerable<OutgoingMessage> replies) => MessageJson.Write(replies.ToList());

    /// <summary>Walks a stored JSON value: no number is the report's id (the envelope's version aside), no text names it.</summary>
    private static void AssertHoldsNothingOf(string? json, Report report, string code)
    {
        if (json is null)
        {
            return;
        }

        AssertNoCode(json, report, code);
        Assert.DoesNotContain(report.Id.ToString(CultureInfo.InvariantCulture), json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "");

        void Walk(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Walk(property.Value, path + "/" + property.Name);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, path + "/*");
                    }

                    break;
                case JsonValueKind.Number when path != "/v":
                    Assert.NotEqual(report.Id, element.GetDouble());
                    break;
                case JsonValueKind.String:
                    AssertNoCode(element.GetString()!, report, code);
                    break;
            }
        }
    }

    private static void AssertNoCode(string text, Report report, string code)
    {
        Assert.DoesNotContain(report.Number, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(code, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), text, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(Report Report, string Code)> ReportedAsync(string chat = EngineHarness.Chat, string language = "id")
    {
        var code = Reporter.ReceiptIn(await new Reporter(_bot, chat, language).Report());
        using var db = _bot.Database.NewDb();
        return (db.Reports.AsNoTracking().OrderBy(r => r.Id).Last(), code);
    }

    /// <summary>A report sent with this many photos straight through the service, as the report form would.</summary>
    private Task<(Report Report, string Code)> FiledWithPhotosAsync(int photos)
    {
        var ids = new List<string>();
        for (var i = 0; i < photos; i++)
        {
            ids.Add($"sent-{i}");
            _bot.Files.Register(ids[^1], TestImages.Jpeg(16 + i, 8));
        }

        var draft = new ReportDraft
        {
            Category = ReportCategory.IllegalWork,
            Text = Reporter.WhatWasSeen,
            Seen = SeenPeriod.Today,
            Place = new ReportPlace(null, null, "Jl. Raya Cilegon km 3", "Kota Serang", false),
            Photos = ids,
        };
        return _bot.InScopeAsync(async sp =>
        {
            var submitted = await sp.GetRequiredService<Core.Reports.Reports>().SubmitAsync(draft, Channel.Telegram, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
            return (submitted.Report!, submitted.ReceiptCode!);
        });
    }

    private Task AddEntryAsync(long reportId, ReportEntryKind kind, string text, long officerId) =>
        _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            db.ReportEntries.Add(new ReportEntry(reportId, kind, text, officerId, _bot.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });

    private async Task OpenForPhotoAsync(string code)
    {
        await _bot.SendAsync("/status " + code);
        await _bot.PressAsync(AddPhoto);
    }

    private string? Step(string chat = EngineHarness.Chat)
    {
        var state = _bot.Conversation(chat).FlowState;
        return state is null ? null : JsonDocument.Parse(state).RootElement.GetProperty("s").GetProperty("step").GetString();
    }

    private List<ReportPhoto> Photos(long reportId)
    {
        using var db = _bot.Database.NewDb();
        return db.ReportPhotos.AsNoTracking().Where(p => p.ReportId == reportId).OrderBy(p => p.Id).ToList();
    }

    /// <summary>Everything about reports a button could change, and what went to the duty group.</summary>
    private string Snapshot()
    {
        using var db = _bot.Database.NewDb();
        var reports = db.Reports.AsNoTracking().OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.Status}:{r.Version}:{r.ClaimedBy}").ToList();
        var entries = db.ReportEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => $"{e.Id}:{e.Kind}:{e.Text}").ToList();
        var photos = db.ReportPhotos.AsNoTracking().Count();
        return string.Join('|', [.. reports, .. entries, photos.ToString(CultureInfo.InvariantCulture), _bot.Queued(Some.DutyGroup).Count.ToString(CultureInfo.InvariantCulture)]);
    }
}
