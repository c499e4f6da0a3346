using Microsoft.Extensions.Options;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Conversations;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Parsing;
using Timpora.Core.Places;
using Timpora.Core.Scheduling;

namespace Timpora.Core.Collective;

/// <summary>
/// A coordinator asks the office for a collective session: who asks and how to reach them, what for and how many, the
/// venue and its facilities, two or three preferred dates, then the facts read back and confirmed. They get a request
/// code and the join link for the group; the supervisors get the request. Every step has back and cancel.
/// </summary>
public sealed class CollectiveFlow(
    Sessions sessions,
    SessionDesk desk,
    WorkingCalendar calendar,
    WorkingArea area,
    BotProfile profile,
    IOptions<CollectiveOptions> options,
    IOptions<OfficeOptions> office) : FormFlow<SessionDraft>
{
    public const string FlowName = "col";

    private const string FirstDateStep = "d1";
    private const string SecondDateStep = "d2";
    private const string ThirdDateStep = "d3";

    public override string Name => FlowName;

    public override IReadOnlyList<string> Commands { get; } = ["kolektif", "umrah", "collective"];

    private CollectiveOptions Rules => options.Value;

    protected override Form<SessionDraft> Build(Form<SessionDraft> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var dates = new PreferredDateRules(calendar, Rules);
        return form
            .Ask("org", (turn, _) => turn.Text("Collective.Ask.Organisation", Rules.MinimumApplicants), new Pick<OrganisationKind>("Collective.Organisation"), (d, v) => d.Organisation = v)
            .Ask("orgname", "Collective.Ask.OrganisationName", new FreeText(3, 120), (d, v) => d.OrganisationName = v)
            .Ask("name", "Collective.Ask.CoordinatorName", new FreeText(3, 100), (d, v) => d.CoordinatorName = v)
            .Ask("phone", "Collective.Ask.Phone", new PhoneAnswer(), (d, v) => d.CoordinatorPhone = v)
            .Ask("why", "Collective.Ask.Purpose", new Pick<SessionPurpose>("Collective.Purpose"), (d, v) => d.Purpose = v)
            .Ask("n", (turn, _) => turn.Text("Collective.Ask.Applicants", Rules.MinimumApplicants, Rules.MaximumApplicants), new ApplicantCountAnswer(Rules, office.Value), (d, v) => d.Applicants = v)
            .Ask("where", "Collective.Ask.Place", new PlaceAnswer(area), (d, v) => d.Place = v)
            .Ask("venue", "Collective.Ask.Venue", new FreeText(5, 300), (d, v) => d.VenueDetails = v)
            .Ask("power", "Collective.Ask.Facilities", new FacilitiesAnswer(), (d, v) => d.FacilitiesReady = v)
            .Ask(FirstDateStep, "Collective.Ask.FirstDate", new PreferredDateAnswer(dates, _ => []), (d, v) => d.FirstDate = v)
            .Ask(SecondDateStep, "Collective.Ask.SecondDate", new PreferredDateAnswer(dates, a => Days(a.DraftAs<SessionDraft>().FirstDate)), (d, v) => d.SecondDate = v)
            .Optional(ThirdDateStep, "Collective.Ask.ThirdDate", new PreferredDateAnswer(dates, a => Days(a.DraftAs<SessionDraft>().FirstDate, a.DraftAs<SessionDraft>().SecondDate)), (d, v) => d.ThirdDate = v)
            .Confirm(Summary)
            .Finish(RequestAsync);
    }

    private static DateOnly[] Days(params PreferredDate?[] dates) => [.. dates.OfType<PreferredDate>().Select(d => d.Date)];

    private string Summary(Turn turn, SessionDraft d) => turn.Text(
        "Collective.Summary",
        turn.Text($"Collective.Organisation.{d.Organisation}"),
        Html.Escape(d.OrganisationName),
        Html.Escape(d.CoordinatorName),
        PhoneNumber.Shown(d.CoordinatorPhone),
        turn.Text($"Collective.Purpose.{d.Purpose}"),
        d.Applicants,
        PlaceText(turn, d.Place!),
        Html.Escape(d.VenueDetails),
        string.Join("\n", d.PreferredDates().Select((p, i) => $"{i + 1}. {PreferredDateAnswer.Describe(p, turn.Language, Rules)}")));

    private static string PlaceText(Turn turn, Place place) => place switch
    {
        { Address: { } typed } => Html.Escape(typed),
        { Region: { } region } => turn.Text("Collective.SharedLocationIn", Html.Escape(region)),
        _ => turn.Text("Collective.SharedLocation"),
    };

    private async Task<Finished> RequestAsync(Turn turn, SessionDraft d, CancellationToken ct)
    {
        // A draft can wait on its summary for days: a date that was far enough ahead then may be too soon now.
        var rules = new PreferredDateRules(calendar, Rules);
        (string Step, PreferredDate? Date)[] chosen = [(FirstDateStep, d.FirstDate), (SecondDateStep, d.SecondDate), (ThirdDateStep, d.ThirdDate)];
        var before = new List<DateOnly>();
        foreach (var (step, date) in chosen)
        {
            if (date is null)
            {
                continue;
            }

            if (rules.Problem(turn, date.Date, before) is { } problem)
            {
                return Finished.Return(step, problem);
            }

            before.Add(date.Date);
        }

        var place = d.Place!;
        var facts = new SessionFacts(
            d.Organisation!.Value,
            d.OrganisationName ?? "",
            d.CoordinatorName ?? "",
            d.CoordinatorPhone ?? "",
            d.Purpose!.Value,
            d.Applicants,
            place.Point,
            place.Address ?? place.Region,
            d.VenueDetails ?? "",
            d.PreferredDates());
        var session = await sessions.RequestAsync(turn.Message.Address, turn.Language, facts, turn.Now, ct);
        await desk.RequestedAsync(session, ct);

        turn.Say(new OutgoingMessage
        {
            Text = turn.Text("Collective.Requested", session.Code, Html.Escape(SessionCode.JoinLink(profile.Username, session.Code))),
            Keyboard = ReplyKeyboard.Removed,
        });
        turn.Say("Collective.GroupChecklist", SessionChecklist.ForGroup(session.Purpose, turn.Language));
        await turn.StartAsync(ConversationEngine.MenuFlow, ct);
        return Finished.Done;
    }
}
