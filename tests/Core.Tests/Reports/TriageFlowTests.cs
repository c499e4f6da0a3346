using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Reports;
using Timpora.Core.Storage;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Reports;

public sealed class TriageFlowTests : IDisposable
{
    private const string BudiChat = "9001";
    private const string SariChat = "9002";
    private const string StrangerChat = "7001";
    private const string Polres = "-1001555000222";
    private const string Disnaker = "-1001555000333";
    private const string NoteText = "Pemilik bengkel kerabat pejabat desa, hati-hati";
    private const string Question = "Bengkelnya buka sampai jam berapa?";
    private static readonly Language Id = Language.Indonesian;

    private readonly LogCapture _logs = new();
    private readonly EngineHarness _bot;

    public TriageFlowTests()
    {
        _bot = new EngineHarness(configure: s => s.AddLogging(b => b.AddProvider(_logs)));
    }

    public static TheoryData<string, bool> EveryAction
    {
        get
        {
            var data = new TheoryData<string, bool>();
            string[] actions =
            [
                "list:all:all:0", "list:New:Drugs:0", "fs:all:all", "fc:all:all", "open:{n}", "claim:{n}", "ask:{n}", "note:{n}",
                "st:{n}", "sto:{n}:Verified", "sto:{n}:Closed", "fwd:{n}", "fto:{n}:0", "fok:{n}:0:{v}", "fok:{n}:9:{v}", "stop",
                "claim:LP-ZZZZ", "open:LP-ZZZZ", "bogus:{n}", "claim",
            ];
            foreach (var action in actions)
            {
                data.Add(action, false);
                data.Add(action, true);
            }

            return data;
        }
    }

    public void Dispose()
    {
        _bot.Dispose();
        _logs.Dispose();
    }

    // Who may act

    [Theory]
    [MemberData(nameof(EveryAction))]
    public async Task Refuses_someone_who_is_not_an_officer_every_action_in_the_same_words_and_changes_nothing(string action, bool inGroup)
    {
        var report = await Filed.ReportAsync(_bot, photos: 1, pin: true);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var before = Snapshot();
        var payload = "v1:triage:" + action.Replace("{n}", report.Number, StringComparison.Ordinal).Replace("{v}", "0", StringComparison.Ordinal);

        var replies = inGroup ? await _bot.PressInGroupAsync(payload, StrangerChat, Some.DutyGroup) : await _bot.PressAsync(payload, StrangerChat);

        Assert.Equal([Texts.Get(Id, "Duty.StaffOnly")], replies.Said());
        Assert.Empty(replies.SelectMany(r => r.Buttons));
        Assert.Equal(before, Snapshot());
        Assert.Equal(Json(replies), Json(_bot.Queued(StrangerChat)));
    }

    [Fact]
    public async Task Refuses_the_list_command_and_typed_text_to_someone_who_is_not_an_officer()
    {
        await Filed.ReportAsync(_bot);
        var before = Snapshot();

        var command = await _bot.SendAsync("/laporan", StrangerChat);
        var english = await _bot.SendAsync("/reports", StrangerChat, languageHint: "en");

        Assert.Equal([Texts.Get(Id, "Duty.StaffOnly")], command.Said());
        Assert.Equal([Texts.Get(Language.English, "Duty.StaffOnly")], english.Said());
        Assert.Equal(before, Snapshot());
        Assert.NotEqual(TriageFlow.FlowName, _bot.Conversation(StrangerChat).Flow);
    }

    [Fact]
    public async Task Refuses_an_officer_removed_while_writing_a_question_and_keeps_nothing_they_type()
    {
        var report = await Filed.ReportAsync(_bot);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.PressAsync(Payload(ReportCard.Ask, report.Number), BudiChat);
        await _bot.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Core.Officers.Officers>().RemoveAsync(budi, CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });
        var before = Snapshot();

        var replies = await _bot.SendAsync(Question, BudiChat);

        Assert.Equal([Texts.Get(Id, "Duty.StaffOnly")], replies.Said());
        Assert.Equal(before, Snapshot());
        Assert.Null(_bot.Conversation(BudiChat).Flow);
    }

    [Fact]
    public async Task Tells_an_officer_politely_that_an_unknown_report_is_not_found_and_changes_nothing()
    {
        await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var before = Snapshot();
        string[] actions = ["open", "claim", "ask", "note", "st", "fwd"];

        foreach (var action in actions)
        {
            var replies = await _bot.PressAsync(Payload(action, "LP-ZZZZ"), BudiChat);
            var inGroup = await _bot.PressInGroupAsync(Payload(action, "LP-<b>"), BudiChat, Some.DutyGroup);

            Assert.Equal([Texts.Get(Id, "Triage.NotFound")], replies.Said());
            Assert.Equal([Texts.Get(Id, "Triage.NotFound")], inGroup.Said());
        }

        Assert.Equal(before, Snapshot());
    }

    // The list

    [Fact]
    public async Task Lists_the_open_reports_newest_first_with_number_category_status_claimer_and_hour()
    {
        var older = await Filed.ReportAsync(_bot, ReportCategory.Overstay);
        _bot.Clock.Advance(TimeSpan.FromHours(2));
        var newer = await Filed.ReportAsync(_bot, ReportCategory.Drugs);
        var closed = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi <Santoso>", OfficerRole.Officer, BudiChat);
        await _bot.PressAsync(Payload(ReportCard.Claim, older.Number), BudiChat);
        await SetStatusAsync(closed.Id, ReportStatus.Closed);

        var replies = await _bot.SendAsync("/laporan", BudiChat);

        var list = Assert.Single(replies);
        var lines = list.Text!.Split('\n');
        Assert.Equal(Texts.Format(Id, "Triage.List.Title", "semua yang terbuka", "semua", 2, 1, 1), string.Join('\n', lines[..3]));
        Assert.Equal($"1. <b>{newer.Number}</b> · Dugaan narkoba · Baru · <b>belum ada yang menangani</b> · masuk Sen 5 Jan 11.00", lines[4]);
        Assert.Equal($"2. <b>{older.Number}</b> · Tinggal melebihi izin (overstay) · Baru · ditangani Budi &lt;Santoso&gt; · masuk Sen 5 Jan 09.00", lines[5]);
        Assert.DoesNotContain(closed.Number, list.Text, StringComparison.Ordinal);
        Assert.Equal(
            [$"v1:triage:open:{newer.Number}", $"v1:triage:open:{older.Number}", "v1:triage:fs:all:all", "v1:triage:fc:all:all"],
            list.Payloads());
        Assert.Null(TelegramHtmlCheck.Problem(list.Text));
        Assert.Equal(TriageFlow.FlowName, _bot.Conversation(BudiChat).Flow);
    }

    [Fact]
    public async Task Lists_in_English_for_an_officer_whose_app_is_in_English()
    {
        var report = await Filed.ReportAsync(_bot, ReportCategory.Overstay);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);

        var replies = await _bot.SendAsync("/reports", BudiChat, languageHint: "en");

        var text = Assert.Single(replies).Text!;
        Assert.StartsWith(Texts.Format(Language.English, "Triage.List.Title", "all open", "all", 1, 1, 1), text, StringComparison.Ordinal);
        Assert.Contains($"1. <b>{report.Number}</b> · Staying beyond their permit (overstay) · New · <b>nobody has claimed it</b> · ", text, StringComparison.Ordinal);
        Assert.Contains("received Mon 5 Jan 09.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_eight_reports_at_a_time_with_next_and_previous()
    {
        var numbers = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            numbers.Add((await Filed.ReportAsync(_bot)).Number);
            _bot.Clock.Advance(TimeSpan.FromHours(1));
        }

        numbers.Reverse();
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);

        var first = Assert.Single(await _bot.SendAsync("/laporan", BudiChat));
        var second = Assert.Single(await _bot.PressAsync("v1:triage:list:all:all:1", BudiChat));
        var beyond = Assert.Single(await _bot.PressAsync("v1:triage:list:all:all:7", BudiChat));

        Assert.Equal([.. numbers[..8].Select(n => $"v1:triage:open:{n}"), "v1:triage:list:all:all:1", "v1:triage:fs:all:all", "v1:triage:fc:all:all"], first.Payloads());
        Assert.Contains(Texts.Format(Id, "Triage.List.Title", "semua yang terbuka", "semua", 10, 1, 2), first.Text, StringComparison.Ordinal);
        Assert.Equal(4, first.Buttons[0].Count);
        Assert.Equal([.. numbers[8..].Select(n => $"v1:triage:open:{n}"), "v1:triage:list:all:all:0", "v1:triage:fs:all:all", "v1:triage:fc:all:all"], second.Payloads());
        Assert.Contains(Texts.Format(Id, "Triage.List.Title", "semua yang terbuka", "semua", 10, 2, 2), second.Text, StringComparison.Ordinal);
        Assert.Contains($"1. <b>{numbers[8]}</b>", second.Text, StringComparison.Ordinal);
        Assert.Equal(second.Payloads(), beyond.Payloads());
    }

    [Fact]
    public async Task Filters_by_status_and_by_category_and_keeps_the_other_filter()
    {
        var drugs = await Filed.ReportAsync(_bot, ReportCategory.Drugs);
        var verifiedDrugs = await Filed.ReportAsync(_bot, ReportCategory.Drugs);
        var verifiedWork = await Filed.ReportAsync(_bot, ReportCategory.IllegalWork);
        var closed = await Filed.ReportAsync(_bot, ReportCategory.Drugs);
        await SetStatusAsync(verifiedDrugs.Id, ReportStatus.Verified);
        await SetStatusAsync(verifiedWork.Id, ReportStatus.Verified);
        await SetStatusAsync(closed.Id, ReportStatus.Closed);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);

        var statusChoice = Assert.Single(await _bot.PressAsync("v1:triage:fs:all:Drugs", BudiChat));
        var categoryChoice = Assert.Single(await _bot.PressAsync("v1:triage:fc:Verified:all", BudiChat));
        var verified = Assert.Single(await _bot.PressAsync("v1:triage:list:Verified:all:0", BudiChat));
        var drugsOnly = Assert.Single(await _bot.PressAsync("v1:triage:list:all:Drugs:0", BudiChat));
        var verifiedDrugsOnly = Assert.Single(await _bot.PressAsync("v1:triage:list:Verified:Drugs:0", BudiChat));
        var closedOnly = Assert.Single(await _bot.PressAsync("v1:triage:list:Closed:all:0", BudiChat));

        Assert.Equal(Texts.Get(Id, "Triage.Filter.Status"), statusChoice.Text);
        Assert.Equal(
            ["v1:triage:list:all:Drugs:0", "v1:triage:list:New:Drugs:0", "v1:triage:list:Verified:Drugs:0", "v1:triage:list:InAction:Drugs:0", "v1:triage:list:Closed:Drugs:0", "v1:triage:list:Unfounded:Drugs:0"],
            statusChoice.Payloads());
        Assert.Equal("✓ semua yang terbuka", statusChoice.Labels()[0]);
        Assert.Equal(Texts.Get(Id, "Triage.Filter.Category"), categoryChoice.Text);
        Assert.Equal(7, categoryChoice.Payloads().Count);
        Assert.Contains("v1:triage:list:Verified:Drugs:0", categoryChoice.Payloads());
        Assert.Equal(Numbers(verified), [verifiedWork.Number, verifiedDrugs.Number]);
        Assert.Equal(Numbers(drugsOnly), [verifiedDrugs.Number, drugs.Number]);
        Assert.Equal(Numbers(verifiedDrugsOnly), [verifiedDrugs.Number]);
        Assert.Equal(Numbers(closedOnly), [closed.Number]);
        Assert.Equal(["🔎 Status: Terverifikasi", "🗂 Kategori: Dugaan narkoba"], verifiedDrugsOnly.Labels().TakeLast(2));
    }

    [Theory]
    [InlineData("v1:triage:list:Open:all:0")]
    [InlineData("v1:triage:list:all:7:0")]
    [InlineData("v1:triage:list:all:all:-1")]
    [InlineData("v1:triage:list:all:all:99999999999")]
    [InlineData("v1:triage:fs:1:all")]
    [InlineData("v1:triage:list:all:all")]
    public async Task Answers_a_forged_list_button_as_stale(string payload)
    {
        await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);

        var replies = await _bot.PressAsync(payload, BudiChat);

        Assert.Equal(Texts.Get(Id, "Input.StaleButton"), replies[0].Text);
    }

    // The card

    [Fact]
    public async Task Opens_a_report_as_its_card_with_the_thread_and_claimer_then_the_pin_then_the_photos()
    {
        var report = await Filed.ReportAsync(_bot, photos: 2, pin: true);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        await _bot.PressAsync(Payload(ReportCard.Claim, report.Number), BudiChat);
        await WriteAsync(ReportCard.Note, report.Number, NoteText, BudiChat);

        var replies = await _bot.PressAsync(Payload(TriageFlow.Open, report.Number), SariChat);

        Assert.Equal(4, replies.Count);
        var card = replies[0].Text!;
        Assert.StartsWith(Texts.Format(Id, "Triage.Card.Title", report.Number, "Bekerja tanpa izin"), card, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(Id, "Triage.Card.ClaimedBy", "Budi"), card, StringComparison.Ordinal);
        Assert.Contains(Filed.Text, card, StringComparison.Ordinal);
        Assert.Contains(NoteText, card, StringComparison.Ordinal);
        Assert.Contains("• Budi: menangani laporan", card, StringComparison.Ordinal);
        Assert.Contains($"v1:triage:ask:{report.Number}", replies[0].Payloads());
        Assert.DoesNotContain($"v1:triage:claim:{report.Number}", replies[0].Payloads());
        Assert.Equal(new GeoPoint(-6.1189, 106.1543), replies[1].Location);
        Assert.Equal(Texts.Format(Id, "Triage.PhotoCaption", report.Number, 1, 2), replies[2].Caption);
        Assert.Equal(Texts.Format(Id, "Triage.PhotoCaption", report.Number, 2, 2), replies[3].Caption);
        Assert.NotEmpty(replies[3].PhotoBytes!);
        Assert.Equal(Json(replies), Json(_bot.Queued(SariChat)));
    }

    [Fact]
    public async Task Opens_the_card_in_English_for_an_English_officer_and_in_their_own_chat_when_pressed_in_the_group()
    {
        var report = await Filed.ReportAsync(_bot, ReportCategory.Overstay);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var rows = _bot.OutboxRows().Count;

        var english = await _bot.PressAsync(Payload(TriageFlow.Open, report.Number), BudiChat, languageHint: "en");
        var fromGroup = await _bot.PressInGroupAsync(Payload(TriageFlow.Open, report.Number), BudiChat, Some.DutyGroup);

        Assert.StartsWith(Texts.Format(Language.English, "Triage.Card.Title", report.Number, "Staying beyond their permit (overstay)"), english[0].Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Get(Language.English, "Triage.Button.Claim"), english[0].Labels());
        Assert.StartsWith(Texts.Format(Id, "Triage.Card.Title", report.Number, "Tinggal melebihi izin (overstay)"), fromGroup[0].Text, StringComparison.Ordinal);
        Assert.Empty(Filed.Since(_bot, rows, Some.DutyGroup));
        Assert.Equal(Json([.. english, .. fromGroup]), Json(Filed.Since(_bot, rows, BudiChat)));
    }

    [Fact]
    public async Task Does_not_claim_when_an_officer_types_a_number_after_opening_a_card()
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.PressAsync(Payload(TriageFlow.Open, report.Number), BudiChat);

        await _bot.SendAsync("1", BudiChat);

        Assert.Null(Filed.Reload(_bot, report.Id).ClaimedBy);
    }

    // Claiming

    [Fact]
    public async Task Claims_a_report_writes_the_event_and_tells_the_duty_group()
    {
        var report = await Filed.ReportAsync(_bot);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var rows = _bot.OutboxRows().Count;

        var replies = await _bot.PressAsync(Payload(ReportCard.Claim, report.Number), BudiChat);

        Assert.Equal([Texts.Format(Id, "Triage.Claimed", report.Number)], replies.Said());
        var saved = Filed.Reload(_bot, report.Id);
        Assert.Equal(budi, saved.ClaimedBy);
        Assert.Equal(ReportStatus.New, saved.Status);
        var entry = Assert.Single(Filed.Entries(_bot, report.Id));
        Assert.Equal((ReportEntryKind.Event, "menangani laporan", (long?)budi), (entry.Kind, entry.Text, entry.OfficerId));
        Assert.Equal([$"🙋 Laporan {report.Number} ditangani Budi."], Filed.Since(_bot, rows, Some.DutyGroup).Said());
        Assert.Contains($"Information: Officer {budi} claimed report {report.Number}", _logs.Lines);
    }

    [Fact]
    public async Task Claims_from_the_group_answering_in_the_officers_own_chat()
    {
        var report = await Filed.ReportAsync(_bot);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var rows = _bot.OutboxRows().Count;

        var replies = await _bot.PressInGroupAsync(Payload(ReportCard.Claim, report.Number), BudiChat, Some.DutyGroup);

        Assert.Equal([Texts.Format(Id, "Triage.Claimed", report.Number)], replies.Said());
        Assert.Equal(Json(replies), Json(Filed.Since(_bot, rows, BudiChat)));
        Assert.Equal([$"🙋 Laporan {report.Number} ditangani Budi."], Filed.Since(_bot, rows, Some.DutyGroup).Said());
        Assert.Equal(budi, Filed.Reload(_bot, report.Id).ClaimedBy);
    }

    [Fact]
    public async Task Says_who_has_a_report_already_claimed_and_changes_nothing()
    {
        var report = await Filed.ReportAsync(_bot);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        await _bot.PressAsync(Payload(ReportCard.Claim, report.Number), BudiChat);
        var before = Snapshot();

        var sari = await _bot.PressInGroupAsync(Payload(ReportCard.Claim, report.Number), SariChat, Some.DutyGroup);
        var again = await _bot.PressAsync(Payload(ReportCard.Claim, report.Number), BudiChat, languageHint: "en");

        Assert.Equal([Texts.Format(Id, "Triage.AlreadyClaimed", report.Number, "Budi")], sari.Said());
        Assert.Equal([Texts.Format(Language.English, "Triage.AlreadyYours", report.Number)], again.Said());
        Assert.Equal(before, Snapshot());
        Assert.Equal(budi, Filed.Reload(_bot, report.Id).ClaimedBy);
    }

    [Fact]
    public async Task Tells_the_second_of_two_officers_claiming_at_once_who_has_it()
    {
        var report = await Filed.ReportAsync(_bot);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var sari = await _bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        var rows = _bot.OutboxRows().Count;

        // Between Sari's read of the report and her write, Budi's claim (another instance) commits.
        _bot.Database.Saves.BeforeNextTurnSave = () =>
            _bot.Database.Execute(FormattableString.Invariant($"UPDATE reports SET ClaimedBy = {budi}, Version = Version + 1 WHERE Id = {report.Id}"));
        var replies = await _bot.PressInGroupAsync(Payload(ReportCard.Claim, report.Number), SariChat, Some.DutyGroup);

        Assert.Equal([Texts.Format(Id, "Triage.AlreadyClaimed", report.Number, "Budi")], replies.Said());
        Assert.Equal(budi, Filed.Reload(_bot, report.Id).ClaimedBy);
        Assert.DoesNotContain(Filed.Entries(_bot, report.Id), e => e.OfficerId == sari);
        Assert.Empty(Filed.Since(_bot, rows, Some.DutyGroup));
    }

    [Fact]
    public async Task Does_not_claim_a_closed_report()
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await SetStatusAsync(report.Id, ReportStatus.Unfounded);
        var before = Snapshot();

        var replies = await _bot.PressAsync(Payload(ReportCard.Claim, report.Number), BudiChat);

        Assert.Equal([Texts.Format(Id, "Triage.NotOpen", report.Number, "Tidak terbukti")], replies.Said());
        Assert.Equal(before, Snapshot());
    }

    // Asking the reporter

    [Fact]
    public async Task Asks_the_reporter_a_question_after_saying_they_are_not_notified()
    {
        var report = await Filed.ReportAsync(_bot);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var rows = _bot.OutboxRows().Count;

        var prompt = await _bot.PressAsync(Payload(ReportCard.Ask, report.Number), BudiChat);
        var waiting = _bot.Conversation(BudiChat);
        var saved = await _bot.SendAsync(Question, BudiChat);

        var ask = Assert.Single(prompt);
        Assert.Equal(Texts.Format(Id, "Triage.Ask.Prompt", report.Number, 5, 1000), ask.Text);
        Assert.Contains("TIDAK diberi tahu", ask.Text, StringComparison.Ordinal);
        Assert.Contains("/status", ask.Text, StringComparison.Ordinal);
        Assert.Equal(["v1:triage:stop"], ask.Payloads());
        Assert.Equal(TriageFlow.FlowName, waiting.Flow);
        Assert.Equal([Texts.Format(Id, "Triage.Ask.Saved", report.Number)], saved.Said());
        var entry = Assert.Single(Filed.Entries(_bot, report.Id));
        Assert.Equal((ReportEntryKind.Question, Question, (long?)budi), (entry.Kind, entry.Text, entry.OfficerId));
        Assert.Equal([$"❓ Budi bertanya kepada pelapor laporan {report.Number}:\n{Question}"], Filed.Since(_bot, rows, Some.DutyGroup).Said());
        Assert.True(Filed.Reload(_bot, report.Id).Version > report.Version);
        Assert.Equal(TriageFlow.FlowName, _bot.Conversation(BudiChat).Flow);
        Assert.Null(_bot.Conversation(BudiChat).FlowState);
    }

    [Fact]
    public async Task Asks_in_English_when_pressed_in_the_group_the_prompt_goes_to_the_officers_own_chat()
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.PressAsync("v1:language:en", BudiChat);
        var rows = _bot.OutboxRows().Count;

        var prompt = await _bot.PressInGroupAsync(Payload(ReportCard.Ask, report.Number), BudiChat, Some.DutyGroup);
        var saved = await _bot.SendAsync(Question, BudiChat);

        Assert.Equal([Texts.Format(Language.English, "Triage.Ask.Prompt", report.Number, 5, 1000)], prompt.Said());
        Assert.Contains("NOT notified", prompt[0].Text, StringComparison.Ordinal);
        Assert.Equal([Texts.Format(Language.English, "Triage.Ask.Saved", report.Number)], saved.Said());
        Assert.Equal(Json([.. prompt, .. saved]), Json(Filed.Since(_bot, rows, BudiChat)));
        Assert.Equal([$"❓ Budi bertanya kepada pelapor laporan {report.Number}:\n{Question}"], Filed.Since(_bot, rows, Some.DutyGroup).Said());
        Assert.Equal(ReportEntryKind.Question, Assert.Single(Filed.Entries(_bot, report.Id)).Kind);
    }

    [Fact]
    public async Task Asks_again_for_a_question_too_short_too_long_or_not_text_and_keeps_nothing_until_it_fits()
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.PressAsync(Payload(ReportCard.Ask, report.Number), BudiChat);

        var tooShort = await _bot.SendAsync("Apa?", BudiChat);
        var tooLong = await _bot.SendAsync(new string('a', 1001), BudiChat);
        var location = await _bot.SendLocationAsync(-6.1, 106.1, BudiChat);
        var number = await _bot.SendAsync("12345", BudiChat);

        var prompt = Texts.Format(Id, "Triage.Ask.Prompt", report.Number, 5, 1000);
        Assert.Equal([Texts.Format(Id, "Form.TextTooShort", 5), prompt], tooShort.Said());
        Assert.Equal([Texts.Format(Id, "Form.TextTooLong", 1000, 1001), prompt], tooLong.Said());
        Assert.Equal([Texts.Get(Id, "Form.ExpectText"), prompt], location.Said());
        Assert.Equal([Texts.Format(Id, "Triage.Ask.Saved", report.Number)], number.Said());
        Assert.Equal("12345", Assert.Single(Filed.Entries(_bot, report.Id)).Text);
    }

    [Fact]
    public async Task Cancels_a_question_with_the_cancel_command_or_button_and_keeps_nothing()
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await _bot.PressAsync(Payload(ReportCard.Ask, report.Number), BudiChat);
        var before = Snapshot();

        var cancelled = await _bot.SendAsync("/batal", BudiChat);
        await _bot.SendAsync(Question, BudiChat);
        await _bot.PressAsync(Payload(ReportCard.Note, report.Number), BudiChat);
        var button = await _bot.PressAsync("v1:triage:stop", BudiChat);
        await _bot.SendAsync(NoteText, BudiChat);

        Assert.Equal(Texts.Get(Id, "Cancel.Done"), cancelled[0].Text);
        Assert.Equal([Texts.Get(Id, "Triage.Cancelled")], button.Said());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Does_not_ask_about_a_closed_report()
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await SetStatusAsync(report.Id, ReportStatus.Closed);

        var replies = await _bot.PressAsync(Payload(ReportCard.Ask, report.Number), BudiChat);

        Assert.Equal([Texts.Format(Id, "Triage.NotOpen", report.Number, "Selesai")], replies.Said());
        Assert.Null(_bot.Conversation(BudiChat).FlowState);
    }

    // Internal notes

    [Fact]
    public async Task Writes_an_internal_note_and_tells_the_team()
    {
        var report = await Filed.ReportAsync(_bot);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var rows = _bot.OutboxRows().Count;

        var prompt = await _bot.PressInGroupAsync(Payload(ReportCard.Note, report.Number), BudiChat, Some.DutyGroup);
        var saved = await _bot.SendAsync(NoteText, BudiChat);

        Assert.Equal([Texts.Format(Id, "Triage.Note.Prompt", report.Number, 5, 1000)], prompt.Said());
        Assert.Equal([Texts.Format(Id, "Triage.Note.Saved", report.Number)], saved.Said());
        var entry = Assert.Single(Filed.Entries(_bot, report.Id));
        Assert.Equal((ReportEntryKind.Note, NoteText, (long?)budi), (entry.Kind, entry.Text, entry.OfficerId));
        Assert.True(entry.IsInternal);
        Assert.Equal([$"📝 Budi menulis catatan internal pada laporan {report.Number}:\n{NoteText}"], Filed.Since(_bot, rows, Some.DutyGroup).Said());
    }

    // Status

    [Fact]
    public async Task Offers_the_next_statuses_and_moves_the_report_writing_the_event_and_telling_the_team()
    {
        var report = await Filed.ReportAsync(_bot);
        var budi = await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var rows = _bot.OutboxRows().Count;

        var offer = Assert.Single(await _bot.PressInGroupAsync(Payload(ReportCard.Status, report.Number), BudiChat, Some.DutyGroup));
        var moved = await _bot.PressAsync($"v1:triage:sto:{report.Number}:Verified", BudiChat, languageHint: "en");

        Assert.Equal(Texts.Format(Id, "Triage.Status.Prompt", report.Number, "Baru"), offer.Text);
        Assert.Equal(["Terverifikasi", "Tidak terbukti"], offer.Labels());
        Assert.Equal([$"v1:triage:sto:{report.Number}:Verified", $"v1:triage:sto:{report.Number}:Unfounded"], offer.Payloads());
        Assert.Equal([Texts.Format(Language.English, "Triage.Status.Done", report.Number, "Verified")], moved.Said());
        Assert.Equal(ReportStatus.Verified, Filed.Reload(_bot, report.Id).Status);
        var entry = Assert.Single(Filed.Entries(_bot, report.Id));
        Assert.Equal((ReportEntryKind.Event, "mengubah status menjadi Terverifikasi", (long?)budi), (entry.Kind, entry.Text, entry.OfficerId));
        Assert.Equal([$"🔄 Status laporan {report.Number} diubah menjadi <b>Terverifikasi</b> oleh Budi."], Filed.Since(_bot, rows, Some.DutyGroup).Said());
    }

    [Theory]
    [InlineData("Closed")]
    [InlineData("New")]
    [InlineData("InAction")]
    [InlineData("Bogus")]
    [InlineData("3")]
    public async Task Refuses_a_forged_or_no_longer_allowed_status_and_changes_nothing(string status)
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var before = Snapshot();

        var replies = await _bot.PressAsync($"v1:triage:sto:{report.Number}:{status}", BudiChat);

        Assert.Equal([Texts.Format(Id, "Triage.Status.NotAllowed", report.Number, "Baru")], replies.Said());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Says_a_closed_report_has_no_next_status()
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await SetStatusAsync(report.Id, ReportStatus.Closed);

        var replies = await _bot.PressAsync(Payload(ReportCard.Status, report.Number), BudiChat);

        Assert.Equal([Texts.Format(Id, "Triage.NotOpen", report.Number, "Selesai")], replies.Said());
        Assert.Empty(replies[0].Buttons);
    }

    // Forwarding

    [Fact]
    public async Task Forwards_to_a_partner_after_confirming_with_the_reporters_words_and_nothing_internal()
    {
        var report = await Filed.ReportAsync(_bot, photos: 1, pin: true);
        var budi = await _bot.EnrolOfficerAsync("Budi Santoso", OfficerRole.Officer, BudiChat);
        await _bot.PressAsync(Payload(ReportCard.Claim, report.Number), BudiChat);
        await WriteAsync(ReportCard.Note, report.Number, NoteText, BudiChat);
        await WriteAsync(ReportCard.Ask, report.Number, Question, BudiChat);
        await AnswerAsync(report.Id, "Sampai jam sepuluh malam");
        var rows = _bot.OutboxRows().Count;

        var partners = Assert.Single(await _bot.PressInGroupAsync(Payload(ReportCard.Forward, report.Number), BudiChat, Some.DutyGroup));
        var confirm = Assert.Single(await _bot.PressAsync($"v1:triage:fto:{report.Number}:0", BudiChat));
        var done = await _bot.PressAsync(confirm.Payloads()[0], BudiChat);

        Assert.Equal(Texts.Format(Id, "Triage.Forward.Prompt", report.Number), partners.Text);
        Assert.Equal(["Polres Serang", "Disnaker Kab. Serang"], partners.Labels());
        Assert.Equal(Texts.Format(Id, "Triage.Forward.Confirm", report.Number, "Polres Serang"), confirm.Text);
        Assert.Contains("internal", confirm.Text, StringComparison.Ordinal);
        Assert.Equal([$"v1:triage:fok:{report.Number}:0:{Filed.Reload(_bot, report.Id).Version - 1}", "v1:triage:stop"], confirm.Payloads());
        Assert.Equal([Texts.Format(Id, "Triage.Forward.Done", report.Number, "Polres Serang")], done.Said());

        var sent = Filed.Since(_bot, rows, Polres);
        Assert.Equal(3, sent.Count);
        var card = sent[0].Text!;
        Assert.Contains(report.Number, card, StringComparison.Ordinal);
        Assert.Contains(Filed.Text, card, StringComparison.Ordinal);
        Assert.Contains(Question, card, StringComparison.Ordinal);
        Assert.Contains("Sampai jam sepuluh malam", card, StringComparison.Ordinal);
        Assert.DoesNotContain(NoteText, card, StringComparison.Ordinal);
        Assert.DoesNotContain("Budi", card, StringComparison.Ordinal);
        Assert.DoesNotContain("menangani", card, StringComparison.Ordinal);
        Assert.Empty(sent[0].Buttons);
        Assert.Equal(new GeoPoint(-6.1189, 106.1543), sent[1].Location);
        Assert.NotNull(sent[2].PhotoBytes);
        Assert.DoesNotContain("Budi", sent[2].Caption, StringComparison.Ordinal);
        Assert.Empty(Filed.Since(_bot, rows, Disnaker));

        var entry = Filed.Entries(_bot, report.Id)[^1];
        Assert.Equal((ReportEntryKind.Event, "meneruskan ke Polres Serang", (long?)budi), (entry.Kind, entry.Text, entry.OfficerId));
        Assert.Equal([$"📤 Laporan {report.Number} diteruskan ke Polres Serang oleh Budi Santoso."], Filed.Since(_bot, rows, Some.DutyGroup).Said());
    }

    [Fact]
    public async Task Sends_nothing_twice_when_the_confirmation_is_pressed_again_or_the_report_changed()
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var confirm = Assert.Single(await _bot.PressAsync($"v1:triage:fto:{report.Number}:1", BudiChat)).Payloads()[0];
        var stale = Assert.Single(await _bot.PressAsync($"v1:triage:fto:{report.Number}:0", BudiChat)).Payloads()[0];
        await _bot.PressAsync(confirm, BudiChat);
        var rows = _bot.OutboxRows().Count;

        var again = await _bot.PressAsync(confirm, BudiChat);
        var changed = await _bot.PressAsync(stale, BudiChat);

        Assert.Single(Filed.Since(_bot, 0, Disnaker));
        Assert.Equal([Texts.Format(Id, "Triage.Forward.Changed", report.Number)], again.Said());
        Assert.Equal([Texts.Format(Id, "Triage.Forward.Changed", report.Number)], changed.Said());
        Assert.Empty(Filed.Since(_bot, rows, Polres));
        Assert.Empty(Filed.Since(_bot, rows, Some.DutyGroup));
    }

    [Theory]
    [InlineData("fto:{n}:2")]
    [InlineData("fto:{n}:-1")]
    [InlineData("fto:{n}:x")]
    [InlineData("fok:{n}:2:{v}")]
    [InlineData("fok:{n}:0:x")]
    public async Task Answers_a_forged_partner_as_stale_and_forwards_nothing(string action)
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        var before = Snapshot();
        var payload = "v1:triage:" + action.Replace("{n}", report.Number, StringComparison.Ordinal).Replace("{v}", "0", StringComparison.Ordinal);

        var replies = await _bot.PressAsync(payload, BudiChat);

        Assert.Equal(Texts.Get(Id, "Input.StaleButton"), replies[0].Text);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Says_so_when_no_partner_is_set_up()
    {
        using var bot = new EngineHarness(reports: new ReportsOptions { DutyChat = Some.DutyGroup });
        var report = await Filed.ReportAsync(bot);
        await bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);

        var replies = await bot.PressAsync(Payload(ReportCard.Forward, report.Number), BudiChat);
        var forged = await bot.PressAsync($"v1:triage:fok:{report.Number}:0:{report.Version}", BudiChat);

        Assert.Equal([Texts.Get(Id, "Triage.Forward.NoPartners")], replies.Said());
        Assert.Equal(Texts.Get(Id, "Input.StaleButton"), forged[0].Text);
        Assert.Empty(Filed.Entries(bot, report.Id));
    }

    // Without a duty group

    [Fact]
    public async Task Tells_every_other_officer_in_their_own_chat_when_there_is_no_duty_group()
    {
        using var bot = new EngineHarness(reports: new ReportsOptions());
        var report = await Filed.ReportAsync(bot);
        await bot.EnrolOfficerAsync("Budi", OfficerRole.Officer, BudiChat);
        await bot.EnrolOfficerAsync("Sari", OfficerRole.Officer, SariChat);
        await bot.EnrolOfficerAsync("Dewi", OfficerRole.Supervisor, "9003");
        var rows = bot.OutboxRows().Count;

        var replies = await bot.PressAsync(Payload(ReportCard.Claim, report.Number), BudiChat);

        var told = $"🙋 Laporan {report.Number} ditangani Budi.";
        Assert.Equal([Texts.Format(Id, "Triage.Claimed", report.Number)], Filed.Since(bot, rows, BudiChat).Said());
        Assert.Equal([told], Filed.Since(bot, rows, SariChat).Said());
        Assert.Equal([told], Filed.Since(bot, rows, "9003").Said());
        Assert.Equal(Json(replies), Json(Filed.Since(bot, rows, BudiChat)));
    }

    // The log

    [Fact]
    public async Task Logs_officer_ids_and_report_numbers_but_no_chat_names_or_texts()
    {
        var report = await Filed.ReportAsync(_bot);
        await _bot.EnrolOfficerAsync("Budi Santoso", OfficerRole.Officer, BudiChat);
        await _bot.SendAsync("/laporan", BudiChat);
        await _bot.PressInGroupAsync(Payload(ReportCard.Claim, report.Number), BudiChat, Some.DutyGroup);
        await WriteAsync(ReportCard.Ask, report.Number, Question, BudiChat);
        await WriteAsync(ReportCard.Note, report.Number, NoteText, BudiChat);
        await _bot.PressAsync($"v1:triage:sto:{report.Number}:Verified", BudiChat);
        var confirm = Assert.Single(await _bot.PressAsync($"v1:triage:fto:{report.Number}:0", BudiChat)).Payloads()[0];
        await _bot.PressAsync(confirm, BudiChat);
        await _bot.PressInGroupAsync(Payload(ReportCard.Claim, report.Number), StrangerChat, Some.DutyGroup);

        var log = string.Join('\n', _logs.Lines);
        Assert.Contains(report.Number, log, StringComparison.Ordinal);
        foreach (var secret in new[] { BudiChat, StrangerChat, Some.DutyGroup, Polres, "Budi", "Santoso", Question, NoteText, Filed.Text, "Polres Serang" })
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }
    }

    private static List<string> Json(IEnumerable<OutgoingMessage> messages) => [.. messages.Select(MessageJson.Write)];

    private static string Payload(string action, string number) => ButtonPress.Payload(TriageFlow.FlowName, action, number);

    private static List<string> Numbers(OutgoingMessage list) =>
        [.. list.Payloads().Where(p => p.StartsWith("v1:triage:open:", StringComparison.Ordinal)).Select(p => p["v1:triage:open:".Length..])];

    /// <summary>A question or note written the way an officer does: the button, then the text.</summary>
    private async Task WriteAsync(string kind, string number, string text, string chat)
    {
        await _bot.PressAsync(Payload(kind, number), chat);
        await _bot.SendAsync(text, chat);
    }

    private Task AnswerAsync(long reportId, string text) =>
        _bot.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<Core.Reports.Reports>();
            var report = await service.ByIdAsync(reportId, CancellationToken.None);
            await service.AddFromReporterAsync(report!, text, _bot.Clock.GetUtcNow(), CancellationToken.None);
            await sp.GetRequiredService<TimporaDb>().SaveChangesAsync();
        });

    /// <summary>Moves a report along its chain to <paramref name="status"/>, as other officers would have.</summary>
    private Task SetStatusAsync(long reportId, ReportStatus status) =>
        _bot.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TimporaDb>();
            var report = await db.Reports.SingleAsync(r => r.Id == reportId);
            ReportStatus[] chain = status == ReportStatus.Unfounded ? [status] : [ReportStatus.Verified, ReportStatus.InAction, ReportStatus.Closed];
            foreach (var step in chain.TakeWhile(s => s <= status || status == ReportStatus.Unfounded))
            {
                Assert.True(report.MoveTo(step));
            }

            await db.SaveChangesAsync();
        });

    /// <summary>Everything an officer's button could change: reports, their threads, and what went to anyone but the presser.</summary>
    private string Snapshot()
    {
        using var db = _bot.Database.NewDb();
        var reports = db.Reports.AsNoTracking().OrderBy(r => r.Id).ToList()
            .Select(r => FormattableString.Invariant($"{r.Number}:{r.Status}:{r.ClaimedBy}:{r.Version}:{r.EscalatedAt}"));
        var entries = db.ReportEntries.AsNoTracking().OrderBy(e => e.Id).ToList()
            .Select(e => FormattableString.Invariant($"{e.ReportId}:{e.Kind}:{e.OfficerId}:{e.Text}"));
        var sent = _bot.OutboxRows()
            .Where(o => o.ChatKey is not (StrangerChat or BudiChat or SariChat))
            .Select(o => $"{o.ChatKey}:{o.Message}");
        return string.Join('|', [.. reports, "entries", .. entries, "sent", .. sent]);
    }
}
