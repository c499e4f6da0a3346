using System.Text.Json.Serialization;
using Timpora.Core.Conversations;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Messaging;
using Timpora.Core.Visits;

namespace Timpora.Core.Collective;

/// <summary>What an officer is doing with a session in <see cref="SessionFlow"/>.</summary>
public enum SessionAction
{
    /// <summary>A supervisor approves on one of the preferred dates.</summary>
    Approve,

    /// <summary>A supervisor offers the coordinator another date.</summary>
    Propose,

    Decline,

    /// <summary>An officer of the session (or a supervisor) records how many applications were taken.</summary>
    Held,

    /// <summary>A supervisor calls off an approved session (an officer fell ill, the mobile unit broke down).</summary>
    Stop,
}

/// <summary>The answers of one decision so far. The session travels by its code and is read again on confirming.</summary>
public sealed class DecisionDraft
{
    public SessionAction Action { get; set; }

    public string Code { get; set; } = "";

    /// <summary>The organisation's name, for the prompts (as typed; escaped where shown).</summary>
    public string Organisation { get; set; } = "";

    /// <summary>The request's preferred dates as stored (<see cref="PreferredDate.Join"/>).</summary>
    public string Preferred { get; set; } = "";

    /// <summary>The preferred date a supervisor approves on.</summary>
    public PreferredDate? Chosen { get; set; }

    /// <summary>The date a supervisor offers instead.</summary>
    public DateOnly? Proposed { get; set; }

    public TimeOnly? Starts { get; set; }

    /// <summary>The officers who go, as toggled so far.</summary>
    public List<long> Officers { get; set; } = [];

    /// <summary>Their names when the choice was done, for the summary.</summary>
    public List<string> Names { get; set; } = [];

    public string? Reason { get; set; }

    /// <summary>The approved session's day when a supervisor calls it off, for the prompts.</summary>
    public DateOnly? Scheduled { get; set; }

    public int Taken { get; set; }

    [JsonIgnore]
    public DateOnly? Date => Chosen?.Date ?? Proposed;

    [JsonIgnore]
    public IReadOnlyList<PreferredDate> PreferredDates => PreferredDate.Split(Preferred);
}

/// <summary>
/// The steps of an office decision, as the conversation reads: approve (a preferred date, a time, the officers),
/// propose (a typed date, a time, the officers), decline (a reason), call off an approved session (a reason), or record
/// a held session (a number); then the summary and confirm. It answers under <see cref="SessionFlow"/>'s name, which
/// checks who presses before handing a press on, so back, cancel, re-asking and stale buttons come from the form.
/// </summary>
public sealed class SessionDecisionForm(
    SessionPreferredAnswer preferred,
    SessionDayAnswer proposed,
    SessionTimeAnswer time,
    SessionTeamAnswer team,
    int mostTaken,
    Func<Turn, DecisionDraft, CancellationToken, Task<Finished>> finish) : FormFlow<DecisionDraft>
{
    public override string Name => SessionFlow.FlowName;

    public override IReadOnlyList<string> Commands { get; } = [];

    /// <summary>Starts a decision whose draft the caller built after checking the officer and the session.</summary>
    public Task BeginForAsync(Turn turn, DecisionDraft draft, CancellationToken ct) => BeginAsync(turn, draft, ct);

    /// <summary>Without a session's card there is nothing to decide: the menu.</summary>
    public override async Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.End();
        await turn.StartAsync(ConversationEngine.MenuFlow, ct);
    }

    protected override Form<DecisionDraft> Build(Form<DecisionDraft> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form
            .Ask("date", (turn, d) => turn.Text("Session.Ask.Preferred", Html.Escape(d.Code), Html.Escape(d.Organisation)), preferred, (d, v) => d.Chosen = v, when: d => d.Action == SessionAction.Approve)
            .Ask("day", (turn, d) => proposed.Prompt(turn, d), proposed, (d, v) => d.Proposed = v, when: d => d.Action == SessionAction.Propose)
            .Ask("time", (turn, d) => turn.Text("Session.Ask.Time", Day(turn, d)), time, (d, v) => d.Starts = v, when: Schedules)
            .Ask("team", SessionTeamAnswer.Prompt, team, (d, v) => d.Officers = v ?? [], when: Schedules)
            .Ask("why", ReasonPrompt, new FreeText(SessionFlow.MinReason, SessionFlow.MaxReason), (d, v) => d.Reason = v, when: d => d.Action is SessionAction.Decline or SessionAction.Stop)

            // Typed only: the number is in the tens or hundreds, and a row of buttons from 0 would only invite a slip.
            .Ask("n", (turn, d) => turn.Text("Session.Ask.Taken", Html.Escape(d.Code), Html.Escape(d.Organisation), mostTaken), new Count(0, mostTaken, buttonsUpTo: -1), (d, v) => d.Taken = v, when: d => d.Action == SessionAction.Held)
            .Confirm(Summary)
            .Finish(finish);
    }

    private static bool Schedules(DecisionDraft d) => d.Action is SessionAction.Approve or SessionAction.Propose;

    private static string Day(Turn turn, DecisionDraft d) => d.Date is { } date ? WindowText.Day(date, turn.Language) : "";

    private static string ReasonPrompt(Turn turn, DecisionDraft d) => d.Action == SessionAction.Stop
        ? turn.Text("Session.Ask.StopReason", Html.Escape(d.Code), Html.Escape(d.Organisation), Scheduled(turn, d), SessionFlow.MinReason, SessionFlow.MaxReason)
        : turn.Text("Session.Ask.Reason", Html.Escape(d.Code), Html.Escape(d.Organisation), SessionFlow.MinReason, SessionFlow.MaxReason);

    private static string Scheduled(Turn turn, DecisionDraft d) => d.Scheduled is { } date ? WindowText.Day(date, turn.Language) : "";

    private string Summary(Turn turn, DecisionDraft d)
    {
        var code = Html.Escape(d.Code);
        var organisation = Html.Escape(d.Organisation);
        switch (d.Action)
        {
            case SessionAction.Approve or SessionAction.Propose:
                var starts = d.Starts ?? default;
                var arrive = SessionCard.Arrival(starts, time.SetupMinutes);
                var names = string.Join(", ", d.Names.Select(Html.Escape));
                var key = d.Action == SessionAction.Approve ? "Session.Summary.Approve" : "Session.Summary.Propose";
                var day = d.Chosen is { } chosen ? SessionOfficeCard.When(chosen, turn.Language) : Day(turn, d);
                return turn.Text(key, code, organisation, day, WindowText.Time(starts), WindowText.Time(arrive), names);
            case SessionAction.Decline:
                return turn.Text("Session.Summary.Decline", code, organisation, Html.Escape(d.Reason));
            case SessionAction.Stop:
                return turn.Text("Session.Summary.Stop", code, organisation, Scheduled(turn, d), Html.Escape(d.Reason));
            default:
                return turn.Text("Session.Summary.Held", code, organisation, d.Taken);
        }
    }
}
