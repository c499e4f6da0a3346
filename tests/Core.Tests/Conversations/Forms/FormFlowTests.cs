using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Conversations;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Messaging;
using Timpora.Core.Tests.Support;
using Timpora.Core.Visits;

namespace Timpora.Core.Tests.Conversations.Forms;

/// <summary>What every form gets from the DSL, seen through the real engine with a form only the tests know.</summary>
public sealed class FormFlowTests : IDisposable
{
    private const string Name = "Siti Aminah";
    private const string TypedPhone = "0812 3456 7890";
    private const string Phone = "+6281234567890";

    private static readonly string[] ServicePayloads =
        ["v1:sample:a:svc:NewPassport", "v1:sample:a:svc:PassportReplacement", "v1:sample:a:svc:StayPermit"];

    private readonly SampleForm _form = new();
    private readonly EngineHarness _bot;

    public FormFlowTests() => _bot = new EngineHarness(extraFlows: [_form]);

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Asks_the_steps_in_order_and_finishes_once_confirmed()
    {
        var asked = new List<string?>();

        var start = await _bot.SendAsync("/sample");
        asked.Add(start[^1].Text);
        asked.Add((await _bot.PressAsync("v1:sample:a:svc:NewPassport"))[^1].Text);
        asked.Add((await _bot.PressAsync("v1:sample:a:n:2"))[^1].Text);
        asked.Add((await _bot.SendAsync(Name))[^1].Text);
        asked.Add((await _bot.PressAsync("v1:sample:skip:letter"))[0].Text);
        asked.Add((await _bot.SendAsync(TypedPhone))[^1].Text);
        var done = await _bot.PressAsync("v1:sample:ok");

        Assert.Equal(
            [
                T("Visit.Ask.Service"),
                T("Visit.Ask.Applicants", SampleForm.MostApplicants),
                T("Visit.Ask.Name"),
                T("Visit.Ask.Letter"),
                T("Visit.Ask.Phone"),
                SampleForm.Summary(Language.Indonesian, Draft(VisitService.NewPassport, 2, null, Name, null, Phone)),
            ],
            asked);
        Assert.Equal([.. ServicePayloads, "v1:sample:back:svc", "v1:sample:x"], start[^1].Payloads());
        Assert.Equal([T("Visit.Booked", SampleForm.Code, Name)], done.Said());
        var finished = Assert.Single(_form.Completed);
        Assert.Equal((VisitService.NewPassport, 2, null, Name, null, Phone), Facts(finished));
        Assert.Null(_bot.Conversation().Flow);
        Assert.Null(_bot.Conversation().FlowState);
    }

    [Fact]
    public async Task Gives_every_step_back_and_cancel_and_an_optional_step_skip()
    {
        var rows = new List<string>();

        rows.Add(LastRow((await _bot.SendAsync("/sample"))[^1]));
        rows.Add(LastRow((await _bot.PressAsync("v1:sample:a:svc:PassportReplacement"))[^1]));
        rows.Add(LastRow((await _bot.PressAsync("v1:sample:a:n:2"))[^1]));
        rows.Add(LastRow((await _bot.SendAsync("Paspor lama sudah penuh"))[^1]));
        rows.Add(LastRow((await _bot.SendAsync(Name))[^1]));
        rows.Add(LastRow((await _bot.PressAsync("v1:sample:skip:letter"))[^1]));

        Assert.Equal(
            [
                "v1:sample:back:svc v1:sample:x",
                "v1:sample:back:n v1:sample:x",
                "v1:sample:back:note v1:sample:x",
                "v1:sample:back:name v1:sample:x",
                "v1:sample:back:letter v1:sample:skip:letter v1:sample:x",
                "v1:sample:back:phone v1:sample:x",
            ],
            rows);
    }

    [Fact]
    public async Task Labels_the_navigation_buttons_in_the_person_s_language()
    {
        var replies = await _bot.SendAsync("/sample", languageHint: "en");
        await _bot.PressAsync("v1:sample:a:svc:NewPassport", languageHint: "en");
        await _bot.PressAsync("v1:sample:a:n:1", languageHint: "en");
        var letter = await _bot.SendAsync(Name, languageHint: "en");

        Assert.Equal(
            [.. Enum.GetValues<VisitService>().Select(s => Texts.Get(Language.English, $"Visit.Service.{s}")), "◀ Back", "✖ Cancel"],
            replies[^1].Labels());
        Assert.Equal(["◀ Back", "Skip ▶", "✖ Cancel"], letter[^1].Labels());
    }

    [Fact]
    public async Task Back_asks_the_previous_step_again_and_keeps_every_answer()
    {
        await ToPhoneAsync();

        var letter = await _bot.PressAsync("v1:sample:back:phone");
        var name = await _bot.PressAsync("v1:sample:back:letter");
        var count = await _bot.PressAsync("v1:sample:back:name");

        Assert.Equal([T("Form.WentBack"), T("Visit.Ask.Letter")], letter.Said());
        Assert.Equal([T("Visit.Ask.Name")], name.Said());
        Assert.Equal([T("Visit.Ask.Applicants", SampleForm.MostApplicants)], count.Said());
        var state = State();
        Assert.Equal("n", state.Step);
        Assert.Equal<string>(["svc"], state.Trail);
        Assert.Equal((VisitService.NewPassport, 2, null, Name, null, null), Facts(state.Draft));
    }

    [Fact]
    public async Task Back_from_the_confirmation_asks_the_last_step_again()
    {
        await ToConfirmAsync();

        var replies = await _bot.PressAsync("v1:sample:back:confirm");

        Assert.Equal([T("Visit.Ask.Phone"), T("Form.OrButtons")], replies.Said());
        Assert.Equal("phone", State().Step);
        Assert.Equal(Phone, State().Draft.Phone);
    }

    [Fact]
    public async Task Back_skips_a_step_that_was_not_asked()
    {
        await ToNameAsync();

        var replies = await _bot.PressAsync("v1:sample:back:name");

        Assert.Equal([T("Visit.Ask.Applicants", SampleForm.MostApplicants)], replies.Said());
    }

    [Fact]
    public async Task Back_from_the_first_step_lands_at_the_menu()
    {
        await _bot.SendAsync("/sample");

        var replies = await _bot.PressAsync("v1:sample:back:svc");

        Assert.Equal([Menu()], replies.Said());
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);
        Assert.Null(_bot.Conversation().FlowState);
    }

    [Theory]
    [InlineData("svc")]
    [InlineData("n")]
    [InlineData("name")]
    [InlineData("letter")]
    [InlineData("phone")]
    [InlineData("confirm")]
    public async Task Cancel_at_any_step_keeps_nothing_and_lands_at_the_menu(string step)
    {
        await WalkToAsync(step);

        var replies = await _bot.PressAsync("v1:sample:x");

        Assert.Equal([T("Form.Cancelled"), Menu()], replies.Said());
        Assert.Equal(ReplyKeyboard.Removed, replies[0].Keyboard);
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);
        Assert.Null(_bot.Conversation().FlowState);
        Assert.Empty(_form.Completed);
    }

    [Fact]
    public async Task Nothing_can_be_confirmed_after_a_cancel()
    {
        await ToConfirmAsync();
        await _bot.PressAsync("v1:sample:x");

        var replies = await _bot.PressAsync("v1:sample:ok");

        Assert.Equal([T("Input.StaleButton"), Menu()], replies.Said());
        Assert.Empty(_form.Completed);
    }

    [Fact]
    public async Task Cancels_with_the_command_in_the_middle_of_the_form()
    {
        await ToNameAsync();

        var replies = await _bot.SendAsync("/batal");

        Assert.Equal([T("Cancel.Done"), Menu()], replies.Said());
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);
        Assert.Null(_bot.Conversation().FlowState);
    }

    [Fact]
    public async Task Explains_a_bad_answer_and_asks_the_same_question_again()
    {
        await ToNameAsync();

        var replies = await _bot.SendAsync("ab");

        Assert.Equal([T("Form.TextTooShort", 3), T("Visit.Ask.Name")], replies.Said());
        Assert.Equal(["v1:sample:back:name", "v1:sample:x"], replies[1].Payloads());
        Assert.Equal("name", State().Step);
        Assert.Null(State().Draft.Name);
    }

    [Fact]
    public async Task Explains_a_count_out_of_range_and_shows_the_count_buttons_again()
    {
        await ToCountAsync();

        var replies = await _bot.SendAsync("9");

        Assert.Equal([T("Form.CountRange", 1, SampleForm.MostApplicants), T("Visit.Ask.Applicants", SampleForm.MostApplicants)], replies.Said());
        Assert.Equal(
            ["v1:sample:a:n:1", "v1:sample:a:n:2", "v1:sample:a:n:3", "v1:sample:a:n:4", "v1:sample:a:n:5", "v1:sample:back:n", "v1:sample:x"],
            replies[1].Payloads());
        Assert.Equal("n", State().Step);
    }

    [Fact]
    public async Task Answers_a_button_of_an_earlier_step_as_stale_and_shows_the_current_step_with_the_answers_kept()
    {
        await ToLetterAsync();
        var before = _bot.Conversation().FlowState;

        var replies = await _bot.PressAsync("v1:sample:a:svc:PassportReplacement");

        Assert.Equal([T("Input.StaleButton"), T("Visit.Ask.Letter")], replies.Said());
        Assert.Equal(["v1:sample:back:letter", "v1:sample:skip:letter", "v1:sample:x"], replies[1].Payloads());
        Assert.Equal(before, _bot.Conversation().FlowState);
        Assert.Equal((VisitService.NewPassport, 2, null, Name, null, null), Facts(State().Draft));
    }

    [Theory]
    [InlineData("v1:sample:a:nosuchstep:x")]
    [InlineData("v1:sample:a:name:Budi")]
    [InlineData("v1:sample:a:confirm:x")]
    [InlineData("v1:sample:ok")]
    [InlineData("v1:sample:back:svc")]
    [InlineData("v1:sample:back")]
    [InlineData("v1:sample:a:letter")]
    [InlineData("v1:sample:skip:phone")]
    [InlineData("v1:sample:nosuchaction:letter")]
    public async Task Changes_nothing_for_a_forged_button(string payload)
    {
        await ToLetterAsync();
        var before = _bot.Conversation().FlowState;

        var replies = await _bot.PressAsync(payload);

        Assert.Equal([T("Input.StaleButton"), T("Visit.Ask.Letter")], replies.Said());
        Assert.Equal(before, _bot.Conversation().FlowState);
        Assert.Empty(_form.Completed);
    }

    [Fact]
    public async Task Skips_a_step_that_is_not_optional_only_as_a_stale_button()
    {
        await ToNameAsync();
        var before = _bot.Conversation().FlowState;

        var replies = await _bot.PressAsync("v1:sample:skip:name");

        Assert.Equal([T("Input.StaleButton"), T("Visit.Ask.Name")], replies.Said());
        Assert.Equal(before, _bot.Conversation().FlowState);
    }

    [Fact]
    public async Task Explains_a_forged_answer_at_the_current_step_and_asks_again()
    {
        await _bot.SendAsync("/sample");

        var replies = await _bot.PressAsync("v1:sample:a:svc:99");

        Assert.Equal([T("Form.PickOne"), T("Visit.Ask.Service")], replies.Said());
        Assert.Equal("svc", State().Step);
        Assert.Null(State().Draft.Service);
    }

    [Fact]
    public async Task Asks_the_conditional_step_when_its_condition_holds()
    {
        await _bot.SendAsync("/sample");
        await _bot.PressAsync("v1:sample:a:svc:PassportReplacement");

        var note = await _bot.PressAsync("v1:sample:a:n:1");
        var name = await _bot.SendAsync("Paspor lama sudah penuh");

        Assert.Equal([T("Visit.Ask.ReasonNote")], note.Said());
        Assert.Equal([T("Visit.Ask.Name")], name.Said());
        Assert.Equal("Paspor lama sudah penuh", State().Draft.Note);
    }

    [Fact]
    public async Task Passes_the_conditional_step_by_when_its_condition_does_not_hold()
    {
        await ToCountAsync();

        var replies = await _bot.PressAsync("v1:sample:a:n:1");

        Assert.Equal([T("Visit.Ask.Name")], replies.Said());
        Assert.Equal<string>(["svc", "n"], State().Trail);
    }

    [Fact]
    public async Task Stops_with_its_message_when_the_draft_says_so()
    {
        await _bot.SendAsync("/sample");

        var replies = await _bot.PressAsync("v1:sample:a:svc:StayPermit");

        Assert.Equal([T("Visit.CanTravel", Html.Escape(Some.OfficeAddress), Html.Escape(Some.OfficePhone)), Menu()], replies.Said());
        Assert.Equal(ReplyKeyboard.Removed, replies[0].Keyboard);
        Assert.Equal(ConversationEngine.MenuFlow, _bot.Conversation().Flow);
        Assert.Null(_bot.Conversation().FlowState);
    }

    [Fact]
    public async Task Tells_its_text_when_passing_forward_but_not_when_going_back()
    {
        await _bot.SendAsync("/sample");

        var forward = await _bot.PressAsync("v1:sample:a:svc:PassportReplacement");
        await _bot.PressAsync("v1:sample:a:n:1");
        var back = await _bot.PressAsync("v1:sample:back:note");

        Assert.Equal([T("Visit.Checklist.PassportReplacement"), T("Visit.Ask.Applicants", SampleForm.MostApplicants)], forward.Said());
        Assert.Empty(forward[0].Buttons);
        Assert.Equal([T("Visit.Ask.Applicants", SampleForm.MostApplicants)], back.Said());
    }

    [Fact]
    public async Task Asks_a_keyboard_step_in_two_messages_and_takes_the_keyboard_away_after()
    {
        var asked = await ToPhoneAsync();

        var replies = await _bot.RunAsync(new IncomingMessage(EngineHarness.Address(EngineHarness.Chat), IncomingKind.Contact)
        {
            Contact = new SharedContact("6281234567890", "Siti", IsSender: true),
            LanguageHint = "id",
        });

        Assert.Equal([T("Visit.Ask.Phone"), T("Form.OrButtons")], asked.Said());
        var key = Assert.Single(Assert.Single(asked[0].Keyboard!.Rows));
        Assert.Equal(KeyRequest.Contact, key.Request);
        Assert.Empty(asked[0].Buttons);
        Assert.Null(asked[1].Keyboard);
        Assert.Equal(["v1:sample:back:phone", "v1:sample:x"], asked[1].Payloads());
        Assert.Equal(T("Form.Received"), replies[0].Text);
        Assert.Equal(ReplyKeyboard.Removed, replies[0].Keyboard);
        Assert.Equal("confirm", State().Step);
        Assert.Equal(Phone, State().Draft.Phone);
    }

    [Fact]
    public async Task Keeps_the_keyboard_when_the_answer_at_a_keyboard_step_is_refused()
    {
        await ToPhoneAsync();

        var replies = await _bot.SendAsync("(0254) 209489");

        Assert.Equal([T("Form.Phone.NotMobile"), T("Visit.Ask.Phone"), T("Form.OrButtons")], replies.Said());
        Assert.Equal(KeyRequest.Contact, replies[1].Keyboard!.Rows[0][0].Request);
        Assert.Equal("phone", State().Step);
    }

    [Fact]
    public async Task Reads_a_typed_number_at_a_count_step_as_the_number()
    {
        await ToCountAsync();

        var replies = await _bot.SendAsync("3");

        Assert.Equal([T("Visit.Ask.Name")], replies.Said());
        Assert.Equal(3, State().Draft.Applicants);
    }

    [Fact]
    public async Task Does_not_read_a_typed_number_at_a_count_step_as_a_button()
    {
        await ToCountAsync();

        // The seventh button is cancel: a typed 7 is a count out of range, not a cancel.
        var replies = await _bot.SendAsync("7");

        Assert.Equal(T("Form.CountRange", 1, SampleForm.MostApplicants), replies[0].Text);
        Assert.Equal(SampleForm.FlowName, _bot.Conversation().Flow);
        Assert.Equal("n", State().Step);
    }

    [Fact]
    public async Task Reads_a_typed_number_at_a_pick_step_as_that_button()
    {
        await _bot.SendAsync("/sample");

        var replies = await _bot.SendAsync("2");

        Assert.Equal(T("Visit.Checklist.PassportReplacement"), replies[0].Text);
        Assert.Equal(VisitService.PassportReplacement, State().Draft.Service);
    }

    [Fact]
    public async Task Reads_a_typed_label_as_its_button()
    {
        await _bot.SendAsync("/sample");

        await _bot.SendAsync("paspor baru (wni)");
        var back = await _bot.SendAsync("◀ Kembali");

        Assert.Equal([T("Visit.Ask.Service")], back.Said());
        Assert.Equal(VisitService.NewPassport, State().Draft.Service);
        Assert.Equal("svc", State().Step);
    }

    [Fact]
    public async Task Takes_a_photo_at_the_optional_step()
    {
        await ToLetterAsync();

        var replies = await _bot.RunAsync(new IncomingMessage(EngineHarness.Address(EngineHarness.Chat), IncomingKind.Photo)
        {
            File = new IncomingFile("photo-1", 150_000, "image/jpeg", null, IsPhoto: true),
            LanguageHint = "id",
        });

        Assert.Equal(T("Visit.Ask.Phone"), replies[0].Text);
        Assert.Equal("photo-1", State().Draft.LetterPhotoId);
    }

    [Fact]
    public async Task Refuses_a_document_at_the_photo_step_and_offers_skip_again()
    {
        await ToLetterAsync();

        var replies = await _bot.RunAsync(new IncomingMessage(EngineHarness.Address(EngineHarness.Chat), IncomingKind.Document)
        {
            File = new IncomingFile("doc-1", 150_000, "application/pdf", "surat.pdf", IsPhoto: false),
            LanguageHint = "id",
        });

        Assert.Equal([T("Form.Photo.Expected"), T("Visit.Ask.Letter")], replies.Said());
        Assert.Contains("v1:sample:skip:letter", replies[1].Payloads());
        Assert.Equal("letter", State().Step);
    }

    [Fact]
    public async Task Reads_the_facts_back_with_confirm_back_and_cancel()
    {
        await _bot.SendAsync("/sample");
        await _bot.PressAsync("v1:sample:a:svc:PassportReplacement");
        await _bot.PressAsync("v1:sample:a:n:4");
        await _bot.SendAsync("Paspor lama <penuh> & rusak");
        await _bot.SendAsync("<b>Budi</b>");
        await _bot.RunAsync(new IncomingMessage(EngineHarness.Address(EngineHarness.Chat), IncomingKind.Photo)
        {
            File = new IncomingFile("photo-1", 150_000, "image/jpeg", null, IsPhoto: true),
            LanguageHint = "id",
        });

        var replies = await _bot.SendAsync(TypedPhone);

        var summary = replies[^1];
        Assert.Equal(
            SampleForm.Summary(Language.Indonesian, Draft(VisitService.PassportReplacement, 4, "Paspor lama <penuh> & rusak", "<b>Budi</b>", "photo-1", Phone)),
            summary.Text);
        Assert.Contains("&lt;b&gt;Budi&lt;/b&gt;", summary.Text, StringComparison.Ordinal);
        Assert.Equal([T("Form.Confirm"), $"{T("Form.Back")} {T("Form.Cancel")}"], summary.Buttons.Select(r => string.Join(' ', r.Select(b => b.Label))));
        Assert.Equal(["v1:sample:ok", "v1:sample:back:confirm", "v1:sample:x"], summary.Payloads());
        Assert.Empty(_form.Completed);
    }

    [Fact]
    public async Task Asks_to_press_a_button_when_text_arrives_at_the_confirmation()
    {
        await ToConfirmAsync();

        var replies = await _bot.SendAsync("sudah");

        Assert.Equal(T("Input.ChooseButton"), Assert.Single(replies).Text);
        Assert.Equal(["v1:sample:ok", "v1:sample:back:confirm", "v1:sample:x"], replies[0].Payloads());
        Assert.Empty(_form.Completed);
    }

    [Fact]
    public async Task Reads_a_typed_number_at_the_confirmation_as_its_button()
    {
        await ToConfirmAsync();

        var replies = await _bot.SendAsync("2");

        Assert.Equal([T("Visit.Ask.Phone"), T("Form.OrButtons")], replies.Said());
        Assert.Equal("phone", State().Step);
    }

    [Fact]
    public async Task Returns_to_the_step_the_finisher_names_with_the_problem_and_keeps_the_rest()
    {
        await ToConfirmAsync(name: SampleForm.TakenName);

        var replies = await _bot.PressAsync("v1:sample:ok");

        Assert.Equal([T("Visit.SlotTaken"), T("Visit.Ask.Name")], replies.Said());
        Assert.Equal(["v1:sample:back:name", "v1:sample:x"], replies[1].Payloads());
        var state = State();
        Assert.Equal("name", state.Step);
        Assert.Equal<string>(["svc", "n"], state.Trail);
        Assert.Equal((VisitService.NewPassport, 2, null, SampleForm.TakenName, null, Phone), Facts(state.Draft));
        Assert.Empty(_form.Completed);
        Assert.Equal([T("Visit.Ask.Applicants", SampleForm.MostApplicants)], (await _bot.PressAsync("v1:sample:back:name")).Said());
    }

    [Fact]
    public async Task Goes_back_to_the_confirmation_once_the_returned_step_is_answered()
    {
        await ToConfirmAsync(name: SampleForm.TakenName);
        await _bot.PressAsync("v1:sample:ok");

        var replies = await _bot.SendAsync(Name);

        Assert.Equal(SampleForm.Summary(Language.Indonesian, Draft(VisitService.NewPassport, 2, null, Name, null, Phone)), replies[^1].Text);
    }

    [Fact]
    public async Task Drops_the_answer_of_a_conditional_step_that_no_longer_applies()
    {
        await _bot.SendAsync("/sample");
        await _bot.PressAsync("v1:sample:a:svc:PassportReplacement");
        await _bot.PressAsync("v1:sample:a:n:2");
        await _bot.SendAsync("Paspor lama sudah penuh");
        await _bot.PressAsync("v1:sample:back:name");
        await _bot.PressAsync("v1:sample:back:note");
        await _bot.PressAsync("v1:sample:back:n");
        await _bot.PressAsync("v1:sample:a:svc:NewPassport");
        await _bot.PressAsync("v1:sample:a:n:2");

        Assert.Equal("name", State().Step);
        Assert.Null(State().Draft.Note);
    }

    [Fact]
    public async Task Answers_a_cancel_button_of_a_form_that_is_not_active_as_stale()
    {
        await _bot.SendAsync("/jemputbola");
        await _bot.PressAsync("v1:jb:a:why:InHospital");
        var before = _bot.Conversation().FlowState;

        var replies = await _bot.PressAsync("v1:sample:x");

        Assert.Equal(T("Input.StaleButton"), replies[0].Text);
        Assert.Equal("jb", _bot.Conversation().Flow);
        Assert.Equal(before, _bot.Conversation().FlowState);
    }

    [Fact]
    public async Task Takes_the_keyboard_away_when_going_back_from_a_keyboard_step()
    {
        await ToPhoneAsync();

        var replies = await _bot.PressAsync("v1:sample:back:phone");

        Assert.Contains(replies, r => r.Keyboard == ReplyKeyboard.Removed);
    }

    [Fact]
    public async Task Keeps_the_draft_in_the_database_between_turns()
    {
        // A new flow instance every turn, as the host has: only the stored state can carry the answers.
        using var bot = new EngineHarness(configure: s => s.AddScoped<IFlow, SampleForm>());
        await bot.SendAsync("/sample");
        await bot.PressAsync("v1:sample:a:svc:NewPassport");
        await bot.PressAsync("v1:sample:a:n:2");
        await bot.SendAsync(Name);
        await bot.PressAsync("v1:sample:skip:letter");

        var replies = await bot.SendAsync(TypedPhone);

        Assert.Equal(SampleForm.Summary(Language.Indonesian, Draft(VisitService.NewPassport, 2, null, Name, null, Phone)), replies[^1].Text);
        Assert.Contains(Name, bot.Conversation().FlowState, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_the_current_step_again_on_a_stale_button_of_another_flow()
    {
        await ToNameAsync();

        var replies = await _bot.PressAsync("v1:nosuchflow:go");

        Assert.Equal([T("Input.StaleButton"), T("Visit.Ask.Name")], replies.Said());
        Assert.Equal("name", State().Step);
    }

    private static string T(string key, params object?[] args) =>
        args.Length == 0 ? Texts.Get(Language.Indonesian, key) : Texts.Format(Language.Indonesian, key, args);

    private static string Menu() => T("Menu.Prompt", Html.Escape(Some.OfficeName));

    private static string LastRow(OutgoingMessage message) => string.Join(' ', message.Buttons[^1].Select(b => b.Payload));

    private static SampleDraft Draft(VisitService service, int applicants, string? note, string name, string? photo, string phone) => new()
    {
        Service = service,
        Applicants = applicants,
        Note = note,
        Name = name,
        LetterPhotoId = photo,
        Phone = phone,
    };

    private static (VisitService?, int, string?, string?, string?, string?) Facts(SampleDraft d) =>
        (d.Service, d.Applicants, d.Note, d.Name, d.LetterPhotoId, d.Phone);

    private FormState<SampleDraft> State()
    {
        var json = _bot.Conversation().FlowState ?? throw new InvalidOperationException("The form keeps no state.");
        using var stored = JsonDocument.Parse(json);
        return stored.RootElement.GetProperty("s").Deserialize<FormState<SampleDraft>>(MessageJson.Options)
            ?? throw new InvalidOperationException("The form's state is empty.");
    }

    private async Task ToCountAsync()
    {
        await _bot.SendAsync("/sample");
        await _bot.PressAsync("v1:sample:a:svc:NewPassport");
    }

    private async Task ToNameAsync()
    {
        await ToCountAsync();
        await _bot.PressAsync("v1:sample:a:n:2");
    }

    private async Task ToLetterAsync(string name = Name)
    {
        await ToNameAsync();
        await _bot.SendAsync(name);
    }

    private async Task<IReadOnlyList<OutgoingMessage>> ToPhoneAsync(string name = Name)
    {
        await ToLetterAsync(name);
        return await _bot.PressAsync("v1:sample:skip:letter");
    }

    private async Task ToConfirmAsync(string name = Name)
    {
        await ToPhoneAsync(name);
        await _bot.SendAsync(TypedPhone);
    }

    private Task WalkToAsync(string step) => step switch
    {
        "svc" => _bot.SendAsync("/sample"),
        "n" => ToCountAsync(),
        "name" => ToNameAsync(),
        "letter" => ToLetterAsync(),
        "phone" => ToPhoneAsync(),
        "confirm" => ToConfirmAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "No such step in the sample form."),
    };
}
