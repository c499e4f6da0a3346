using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Visits;

namespace Timpora.Core.Collective;

/// <summary>
/// The office decides on requests and may call off an approved session; coordinators answer proposals; officers
/// record the day. Every button is user input: each press finds the officer again from the chat and checks the role,
/// and reads the session again by its code and checks its status, so a decision on a session already decided (by
/// another supervisor a moment ago, or cancelled by its coordinator) changes nothing. Two supervisors confirming at
/// once both bump the session's version; the engine runs the loser again, and then it sees the new status. Logs carry
/// officer and session ids only.
/// </summary>
public sealed class SessionFlow(
    Officers.Officers officers,
    Sessions sessions,
    SessionDesk desk,
    TimporaDb db,
    WorkingCalendar calendar,
    IOptions<CollectiveOptions> collective,
    IOptions<OfficeOptions> office,
    ILogger<SessionFlow> log) : IFlow
{
    public const string FlowName = "ses";

    /// <summary>The request card's buttons, supervisors only: <c>app|alt|dec:&lt;code&gt;</c>.</summary>
    public const string Approve = "app";
    public const string Propose = "alt";
    public const string Decline = "dec";

    /// <summary>An officer of the session (or a supervisor) records the day: <c>held:&lt;code&gt;</c>.</summary>
    public const string Held = "held";

    /// <summary>A supervisor calls off an approved session whose day has not passed: <c>stop:&lt;code&gt;</c>.</summary>
    public const string Stop = "stop";

    /// <summary>The coordinator's answer to a proposed date: <c>yes|no:&lt;code&gt;</c>.</summary>
    public const string Accept = "yes";
    public const string Refuse = "no";

    public const int MinReason = 5;
    public const int MaxReason = 500;

    private static readonly HashSet<string> FormPresses =
        [FormActions.Answer, FormActions.Back, FormActions.Skip, FormActions.Confirm, FormActions.Cancel];

    private SessionDecisionForm? _form;

    public string Name => FlowName;

    public IReadOnlyList<string> Commands { get; } = [];

    private SessionDecisionForm Form => _form ??= NewForm();

    public Task StartAsync(Turn turn, CancellationToken ct) => Form.StartAsync(turn, ct);

    public async Task ShowAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await StaffAsync(turn, ct) is not null)
        {
            await Form.ShowAsync(turn, ct);
        }
    }

    /// <summary>A typed answer (a time, a date, a reason, a number) to the decision in progress.</summary>
    public async Task ContinueAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await StaffAsync(turn, ct) is { } me && Allowed(turn, me))
        {
            await Form.ContinueAsync(turn, ct);
        }
    }

    public async Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(press);
        var args = press.Args;
        if (press.Action is Accept or Refuse && args.Count == 1)
        {
            await AnswerProposalAsync(turn, press.Action == Accept, args[0], ct);
            return;
        }

        if (await StaffAsync(turn, ct) is not { } me)
        {
            return;
        }

        switch (press.Action)
        {
            case Approve or Propose or Decline or Stop when !me.IsSupervisor:
                log.LogInformation("Officer {OfficerId} pressed a supervisor's session button and was refused", me.Id);
                turn.Say("Duty.SupervisorOnly");
                return;
            case Approve or Propose or Decline when args.Count == 1:
                await DecideAsync(turn, me, press.Action, args[0], ct);
                return;
            case Stop when args.Count == 1:
                await BeginStopAsync(turn, me, args[0], ct);
                return;
            case Held when args.Count == 1:
                await BeginHeldAsync(turn, me, args[0], ct);
                return;
            case var action when FormPresses.Contains(action):
                if (Allowed(turn, me))
                {
                    await Form.PressAsync(turn, press, ct);
                }

                return;
            default:
                log.LogInformation("Officer {OfficerId} pressed a stale or forged session button", me.Id);
                await turn.SayStaleAsync(ct);
                return;
        }
    }

    /// <summary>The officer pressing or typing, from their own chat; anyone else hears that this is for office staff.</summary>
    private async Task<Officer?> StaffAsync(Turn turn, CancellationToken ct)
    {
        if (await officers.FindAsync(turn.Message.Address, ct) is { } me)
        {
            return me;
        }

        log.LogInformation("A session action by someone who is not an active officer was refused");
        if (turn.ActiveFlow == Name)
        {
            turn.End();
        }

        turn.Say("Duty.StaffOnly");
        return null;
    }

    /// <summary>A decision in progress belongs to a supervisor: one whose role changed meanwhile cannot go on with it.</summary>
    private bool Allowed(Turn turn, Officer me)
    {
        if (me.IsSupervisor || turn.State<FormState<DecisionDraft>>(this) is not { Draft.Action: not SessionAction.Held })
        {
            return true;
        }

        turn.End();
        turn.Say("Duty.SupervisorOnly");
        return false;
    }

    private async Task DecideAsync(Turn turn, Officer me, string action, string code, CancellationToken ct)
    {
        if (await SessionAsync(turn, me, code, ct) is not { } session)
        {
            return;
        }

        if (!Decidable(session, action == Decline ? SessionAction.Decline : SessionAction.Approve))
        {
            AlreadyDecided(turn, session);
            return;
        }

        var draft = new DecisionDraft
        {
            Action = action switch
            {
                Approve => SessionAction.Approve,
                Propose => SessionAction.Propose,
                _ => SessionAction.Decline,
            },
            Code = session.Code,
            Organisation = session.OrganisationName,
            Preferred = session.Preferred,
        };
        log.LogInformation("Supervisor {OfficerId} is deciding ({Action}) on session {SessionId}", me.Id, draft.Action, session.Id);
        await Form.BeginForAsync(turn, draft, ct);
    }

    private async Task BeginStopAsync(Turn turn, Officer me, string code, CancellationToken ct)
    {
        if (await SessionAsync(turn, me, code, ct) is not { } session || !Stoppable(turn, session))
        {
            return;
        }

        log.LogInformation("Supervisor {OfficerId} is calling off session {SessionId}", me.Id, session.Id);
        var draft = new DecisionDraft { Action = SessionAction.Stop, Code = session.Code, Organisation = session.OrganisationName, Scheduled = session.Date };
        await Form.BeginForAsync(turn, draft, ct);
    }

    /// <summary>
    /// Only an approved session can be called off, and only until its day is over: on the day itself the unit can
    /// still break down in the morning. Anything else is answered, politely, with what the session is now.
    /// </summary>
    private bool Stoppable(Turn turn, Session session)
    {
        var code = Html.Escape(session.Code);
        if (session.Status == SessionStatus.Cancelled)
        {
            turn.Say("Session.Stop.Already", code);
            return false;
        }

        if (session.Status != SessionStatus.Approved || session.Date is not { } date)
        {
            turn.Say("Session.Stop.NotApproved", code, SessionOfficeCard.Status(session.Status, turn.Language));
            return false;
        }

        if (date < calendar.Today(turn.Now))
        {
            turn.Say("Session.Stop.Past", code, WindowText.Day(date, turn.Language));
            return false;
        }

        return true;
    }

    private async Task BeginHeldAsync(Turn turn, Officer me, string code, CancellationToken ct)
    {
        if (await SessionAsync(turn, me, code, ct) is not { } session || !await MayRecordAsync(turn, me, session, ct))
        {
            return;
        }

        log.LogInformation("Officer {OfficerId} is recording session {SessionId} as held", me.Id, session.Id);
        await Form.BeginForAsync(turn, new DecisionDraft { Action = SessionAction.Held, Code = session.Code, Organisation = session.OrganisationName }, ct);
    }

    /// <summary>Only the session's own officers or a supervisor, only for an approved session, only on or after its day.</summary>
    private async Task<bool> MayRecordAsync(Turn turn, Officer me, Session session, CancellationToken ct)
    {
        var code = Html.Escape(session.Code);
        if (!me.IsSupervisor && !(await sessions.OfficersOfAsync(session.Id, ct)).Contains(me.Id))
        {
            log.LogInformation("Officer {OfficerId} is not on session {SessionId} and may not record it", me.Id, session.Id);
            turn.Say("Session.Held.NotYours", code);
            return false;
        }

        if (session.Status != SessionStatus.Approved || session.Date is not { } date)
        {
            turn.Say("Session.Held.NotApproved", code, SessionOfficeCard.Status(session.Status, turn.Language));
            return false;
        }

        if (calendar.Today(turn.Now) < date)
        {
            turn.Say("Session.Held.TooEarly", code, WindowText.Day(date, turn.Language));
            return false;
        }

        return true;
    }

    /// <summary>
    /// Accept or refuse, pressed by the session's own coordinator while the proposal stands. Anyone else's press (a
    /// forwarded message, a forged payload) reads like any stale button and changes nothing.
    /// </summary>
    private async Task AnswerProposalAsync(Turn turn, bool accept, string code, CancellationToken ct)
    {
        var session = await sessions.ByCodeAsync(code, ct);
        if (session is null || session.Coordinator != turn.Message.Address)
        {
            log.LogInformation("An answer to a proposed session date from someone other than its coordinator was refused");
            await turn.SayStaleAsync(ct);
            return;
        }

        if (session.Status != SessionStatus.Proposed || session.Date is not { } date)
        {
            turn.Say("Session.Proposal.Closed", Html.Escape(session.Code), SessionOfficeCard.Status(session.Status, turn.Language));
            return;
        }

        // An answer can come days later: a date that has passed or that the office closed since is not fixed, and
        // the request goes back to the office as after a refusal, or it would stay approved for a day nobody goes.
        if (accept && await Days.ProblemAsync(date, calendar.Today(turn.Now), withinHorizon: false, turn.Language, ct) is not null)
        {
            await sessions.RefuseAsync(session, turn.Now, ct);
            await desk.LapsedAsync(session, date, ct);
            turn.Say("Session.Proposal.Lapsed", Html.Escape(session.Code), WindowText.Day(date, turn.Language));
            log.LogInformation("The coordinator accepted the proposed date of session {SessionId} after it lapsed; the request is open again", session.Id);
            return;
        }

        if (accept)
        {
            sessions.Accept(session, turn.Now);
            await desk.ApprovedAsync(session, approvedBy: null, await sessions.OfficersOfAsync(session.Id, ct), ct);
            turn.Say(await desk.ApprovedForCoordinatorAsync(session, turn.Language, ct));
            log.LogInformation("The coordinator accepted the proposed date of session {SessionId}", session.Id);
            return;
        }

        await sessions.RefuseAsync(session, turn.Now, ct);
        await desk.RefusedAsync(session, date, ct);
        turn.Say(SessionNews.CoordinatorRefused(session, turn.Language));
        log.LogInformation("The coordinator refused the proposed date of session {SessionId}", session.Id);
    }

    /// <summary>Confirmed: everything is checked again, as the buttons may be old and others may have acted meanwhile.</summary>
    private async Task<Finished> FinishAsync(Turn turn, DecisionDraft d, CancellationToken ct)
    {
        if (await StaffAsync(turn, ct) is not { } me)
        {
            return Finished.Done;
        }

        if (d.Action != SessionAction.Held && !me.IsSupervisor)
        {
            turn.Say("Duty.SupervisorOnly");
            return Finished.Done;
        }

        if (await SessionAsync(turn, me, d.Code, ct) is not { } session)
        {
            return Finished.Done;
        }

        return d.Action switch
        {
            SessionAction.Approve or SessionAction.Propose => await ScheduleAsync(turn, me, session, d, ct),
            SessionAction.Decline => await DeclineAsync(turn, me, session, d, ct),
            SessionAction.Stop => await StopAsync(turn, me, session, d, ct),
            _ => await RecordHeldAsync(turn, me, session, d, ct),
        };
    }

    /// <summary>
    /// A waiting request can be decided any way. A proposal the coordinator has not answered can still be declined, so
    /// one nobody answers is not a dead end (its officers are freed for that day); it cannot be approved or proposed
    /// again, or an old "accept" under the first proposal would accept a date the coordinator never saw.
    /// </summary>
    private static bool Decidable(Session session, SessionAction action) =>
        session.Status == SessionStatus.Requested || (session.Status == SessionStatus.Proposed && action == SessionAction.Decline);

    private async Task<Finished> ScheduleAsync(Turn turn, Officer me, Session session, DecisionDraft d, CancellationToken ct)
    {
        if (!Decidable(session, d.Action))
        {
            AlreadyDecided(turn, session);
            return Finished.Done;
        }

        var approve = d.Action == SessionAction.Approve;
        var date = d.Date ?? throw new InvalidOperationException("A confirmed schedule has a date.");
        var starts = d.Starts ?? throw new InvalidOperationException("A confirmed schedule has a start.");
        if (await Days.ProblemAsync(date, calendar.Today(turn.Now), withinHorizon: !approve, turn.Language, ct) is { } dayProblem)
        {
            return Finished.Return(approve ? "date" : "day", dayProblem);
        }

        if (await Team.ProblemAsync(date, d.Officers, turn.Language, ct) is { } teamProblem)
        {
            return Finished.Return("team", teamProblem);
        }

        await sessions.ScheduleAsync(session, approve ? SessionStatus.Approved : SessionStatus.Proposed, date, starts, d.Officers, turn.Now, ct);
        var code = Html.Escape(session.Code);
        var day = WindowText.Day(date, turn.Language);
        if (approve)
        {
            await desk.ApprovedAsync(session, me, d.Officers, ct);

            // Called off later from here too, so the supervisor who just fixed the day need not look for it in /jadwal.
            turn.SayWithButtons(
                turn.Text("Session.Approved.Done", code, day, WindowText.Time(starts), d.Officers.Count),
                [ButtonPress.Button(turn.Text("Session.Button.Stop"), FlowName, Stop, session.Code)]);
        }
        else
        {
            await desk.ProposedAsync(session, me, ct);
            turn.Say("Session.Proposed.Done", code, day, WindowText.Time(starts));
        }

        log.LogInformation("Supervisor {OfficerId} set session {SessionId} to {Status} with {Officers} officers", me.Id, session.Id, session.Status, d.Officers.Count);
        return Finished.Done;
    }

    private async Task<Finished> DeclineAsync(Turn turn, Officer me, Session session, DecisionDraft d, CancellationToken ct)
    {
        if (!Decidable(session, SessionAction.Decline))
        {
            AlreadyDecided(turn, session);
            return Finished.Done;
        }

        await sessions.DeclineAsync(session, d.Reason ?? "", turn.Now, ct);
        await desk.DeclinedAsync(session, me, ct);
        turn.Say("Session.Declined.Done", Html.Escape(session.Code));
        log.LogInformation("Supervisor {OfficerId} declined session {SessionId}", me.Id, session.Id);
        return Finished.Done;
    }

    /// <summary>
    /// The status is read again here: another supervisor may have called it off, or its officers recorded it, while
    /// this one typed the reason. Two confirming at once both bump the version, and the loser, run again, sees it cancelled.
    /// </summary>
    private async Task<Finished> StopAsync(Turn turn, Officer me, Session session, DecisionDraft d, CancellationToken ct)
    {
        if (!Stoppable(turn, session))
        {
            return Finished.Done;
        }

        var date = session.Date ?? throw new InvalidOperationException("An approved session has a date.");
        await sessions.CancelAsync(session, turn.Now, ct);
        await desk.StoppedAsync(session, me, d.Reason ?? "", ct);
        turn.Say("Session.Stopped.Done", Html.Escape(session.Code), WindowText.Day(date, turn.Language));
        log.LogInformation("Supervisor {OfficerId} called off approved session {SessionId}", me.Id, session.Id);
        return Finished.Done;
    }

    private async Task<Finished> RecordHeldAsync(Turn turn, Officer me, Session session, DecisionDraft d, CancellationToken ct)
    {
        if (!await MayRecordAsync(turn, me, session, ct))
        {
            return Finished.Done;
        }

        await sessions.RecordHeldAsync(session, d.Taken, turn.Now, ct);
        await desk.HeldAsync(session, me, ct);
        turn.Say("Session.Held.Done", Html.Escape(session.Code), d.Taken);
        log.LogInformation("Officer {OfficerId} recorded session {SessionId} as held", me.Id, session.Id);
        return Finished.Done;
    }

    /// <summary>The session a button names; an unknown or forged code gets a polite "not found" and changes nothing.</summary>
    private async Task<Session?> SessionAsync(Turn turn, Officer me, string code, CancellationToken ct)
    {
        var session = await sessions.ByCodeAsync(code, ct);
        if (session is null)
        {
            log.LogInformation("Officer {OfficerId} pressed a session button with an unknown code", me.Id);
            turn.Say("Session.NotFound");
        }

        return session;
    }

    private static void AlreadyDecided(Turn turn, Session session) =>
        turn.Say("Session.AlreadyDecided", Html.Escape(session.Code), SessionOfficeCard.Status(session.Status, turn.Language));

    private SessionDays Days => new(calendar, db, collective.Value.HorizonDays);

    private SessionTeamAnswer Team => new(officers, sessions, db);

    private SessionDecisionForm NewForm() => new(
        new SessionPreferredAnswer(Days, calendar),
        new SessionDayAnswer(Days, calendar),
        new SessionTimeAnswer(collective.Value, office.Value),
        Team,
        collective.Value.MaximumApplicants,
        FinishAsync);
}
