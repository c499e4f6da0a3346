using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Messaging;
using Timpora.Core.Parsing;
using Timpora.Core.Scheduling;
using Timpora.Core.Visits;

namespace Timpora.Core.Collective;

/// <summary>
/// An applicant joins a session's roster through the link their coordinator shared (<c>/start RB-7K3Q9X</c>): name as
/// on the KTP, NIK, date of birth, new or replacement passport, phone; then the checklist. The link's code is user
/// input like any other, and the session is looked up again at the confirmation: it may have closed or filled
/// meanwhile.
/// </summary>
public sealed class JoinFlow(Sessions sessions, WorkingCalendar calendar, IOptions<CollectiveOptions> options) : FormFlow<ApplicantDraft>, IFlow
{
    public const string FlowName = "join";

    public override string Name => FlowName;

    /// <summary>Only the link opens it: there is nothing to join without a session.</summary>
    public override IReadOnlyList<string> Commands { get; } = [];

    public string? LinkPrefix => SessionCode.Prefix;

    private int MostApplicants => options.Value.MaximumApplicants;

    public async Task OpenLinkAsync(Turn turn, string payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.End();
        var session = await sessions.ByCodeAsync(payload, ct);
        if (session is null)
        {
            turn.Say("Join.Unknown");
            await turn.StartAsync(ConversationEngine.MenuFlow, ct);
            return;
        }

        if (!session.TakesApplicants(calendar.Today(turn.Now)))
        {
            turn.Say(Closed(session));
            await turn.StartAsync(ConversationEngine.MenuFlow, ct);
            return;
        }

        var intro = turn.Text("Join.Intro", Html.Escape(session.OrganisationName), session.Code, When(turn, session));
        if (await sessions.CountAsync(session.Id, ct) >= MostApplicants)
        {
            // Someone the coordinator's file already holds may still link their chat, so the form goes on.
            intro += "\n\n" + turn.Text("Join.FullNotice", MostApplicants);
        }

        turn.Say(OutgoingMessage.Say(intro));
        await BeginAsync(turn, new ApplicantDraft { Code = session.Code, Purpose = session.Purpose }, ct);
    }

    /// <summary>Reached without a link (e.g. after a deploy dropped the stored answers): point to the link.</summary>
    public override async Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.End();
        turn.Say("Join.NeedLink");
        await turn.StartAsync(ConversationEngine.MenuFlow, ct);
    }

    protected override Form<ApplicantDraft> Build(Form<ApplicantDraft> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form
            .Ask("name", (turn, d) => turn.Text(ApplicantName.NeedsTwoWords(d.Purpose) ? "Join.Ask.NamePilgrim" : "Join.Ask.Name"), new FullNameAnswer(a => ApplicantName.NeedsTwoWords(a.DraftAs<ApplicantDraft>().Purpose)), (d, v) => d.FullName = v)
            .Ask("nik", "Join.Ask.Nik", new NikAnswer(), (d, v) => d.Nik = v)
            .Ask("born", "Join.Ask.BirthDate", new BirthDateAnswer(calendar), (d, v) => d.BirthDate = v)
            .Tell((turn, d) => turn.Text("Join.BirthDateDiffers", WindowText.Day(d.BirthDate!.Value, turn.Language)), when: Differs)
            .Ask("pass", "Join.Ask.Passport", new Pick<PassportKind>("Join.Passport"), (d, v) => d.Passport = v)
            .Ask("phone", "Join.Ask.Phone", new PhoneAnswer(), (d, v) => d.Phone = v)
            .Confirm(Summary)
            .Finish(JoinAsync);
    }

    private static bool Differs(ApplicantDraft d) => d.BirthDate is { } born && BirthDates.DiffersFromNik(d.Nik, born);

    private static string Summary(Turn turn, ApplicantDraft d) => turn.Text(
        "Join.Summary",
        d.Code,
        Html.Escape(d.FullName),
        d.Nik,
        d.BirthDate is { } born ? WindowText.Day(born, turn.Language) : "",
        turn.Text($"Join.Passport.{d.Passport}"),
        PhoneNumber.Shown(d.Phone))
        + (Differs(d) ? "\n\n" + turn.Text("Join.SummaryDiffers") : "");

    private async Task<Finished> JoinAsync(Turn turn, ApplicantDraft d, CancellationToken ct)
    {
        var session = await sessions.ByCodeAsync(d.Code, ct);
        if (session is null || !session.TakesApplicants(calendar.Today(turn.Now)))
        {
            turn.Say(session is null ? "Join.Unknown" : Closed(session));
            await turn.StartAsync(ConversationEngine.MenuFlow, ct);
            return Finished.Done;
        }

        var facts = new ApplicantFacts(d.FullName!, d.Nik!, d.BirthDate!.Value, d.Passport!.Value, d.Phone!);
        if (await sessions.CountAsync(session.Id, ct) >= MostApplicants
            && !(await sessions.RosterAsync(session.Id, ct)).Any(a => a.Nik == facts.Nik))
        {
            turn.Say("Join.Full", Html.Escape(session.OrganisationName), MostApplicants);
            await turn.StartAsync(ConversationEngine.MenuFlow, ct);
            return Finished.Done;
        }

        var joined = await sessions.AddAsync(session, facts, ApplicantSource.Link, turn.Message.Address, turn.Language, turn.Now, ct);
        var organisation = Html.Escape(session.OrganisationName);
        switch (joined.Outcome)
        {
            case JoinOutcome.Added:
                turn.Say(OutgoingMessage.Say(turn.Text("Join.Added", Html.Escape(facts.FullName), organisation, session.Code, When(turn, session), SessionCard.Venue(session))));
                turn.Say(OutgoingMessage.Say(SessionChecklist.For(facts.Passport, session.Purpose, turn.Language)));
                break;
            case JoinOutcome.Linked:
                turn.Say(OutgoingMessage.Say(turn.Text("Join.Linked", Html.Escape(joined.Applicant!.FullName), organisation, session.Code, When(turn, session))));
                turn.Say(OutgoingMessage.Say(SessionChecklist.For(joined.Applicant.Passport, session.Purpose, turn.Language)));
                break;
            case JoinOutcome.AlreadyHere:
                turn.Say("Join.AlreadyHere", organisation, session.Code);
                break;
            default:
                turn.Say("Join.InAnotherSession");
                break;
        }

        await turn.StartAsync(ConversationEngine.MenuFlow, ct);
        return Finished.Done;
    }

    private static string Closed(Session session) =>
        session.Status is SessionStatus.Held or SessionStatus.Approved ? "Join.Closed.Held" : "Join.Closed.Ended";

    /// <summary>The day and time when the office has fixed them; otherwise that the office will say.</summary>
    private static string When(Turn turn, Session session) =>
        session is { Status: SessionStatus.Approved, Date: { } date, Starts: { } starts }
            ? turn.Text("Join.When.Fixed", WindowText.Day(date, turn.Language), WindowText.Time(starts))
            : turn.Text("Join.When.Pending");
}
