using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Visits;

namespace Timpora.Core.Officers;

/// <summary>
/// The officers' side of Jemput Bola: enrolment by invite link, <c>/jadwal</c> (today's and tomorrow's stops), the
/// outcome of a visit, handing a visit to another officer and closing a day. Every button is user input: each press
/// finds the officer again from the chat and checks the role, the visit's officer and the visit's state, and anyone
/// else hears only that this is for office staff. Logs carry officer and visit ids, never names, phones or chats.
/// </summary>
public sealed class DutyFlow(
    Officers officers,
    DayPlan plan,
    Bookings bookings,
    Sessions sessions,
    TimporaDb db,
    Outbox outbox,
    WorkingCalendar calendar,
    IOptions<OfficeOptions> office,
    IOptions<JemputBolaOptions> jemputBola,
    IOptions<CollectiveOptions> collective,
    ILogger<DutyFlow> log) : IFlow
{
    public const string FlowName = "duty";

    /// <summary>Pushed messages to officers are in Indonesian, like the morning schedule: they are office staff.</summary>
    private const Language OfficerLanguage = Language.Indonesian;

    private const string DateFormat = "yyyyMMdd";

    private const int DaysOffered = 10;

    private static readonly string[] CloseCommands = ["tutup", "close"];

    public string Name => FlowName;

    public IReadOnlyList<string> Commands { get; } = ["jadwal", "schedule", .. CloseCommands];

    public string? LinkPrefix => Officers.InvitePrefix;

    /// <summary>
    /// <c>/start of_…</c>. An unknown, used and expired code get the same words, so a guesser learns nothing; an
    /// enrolled officer who opens a second link keeps their enrolment and the new code stays unused.
    /// </summary>
    public async Task OpenLinkAsync(Turn turn, string payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(payload);
        if (turn.Message.InGroup)
        {
            // The address would be the group's: schedules with phone numbers must only ever go to a person.
            return;
        }

        var enrolment = await officers.EnrolAsync(payload, turn.Message.Address, turn.Now, ct);
        if (enrolment.Officer is not { } officer)
        {
            log.LogInformation("An officer invite was refused in conversation {ConversationId}", turn.ConversationId);
            turn.Say("Officer.InviteRefused");
            return;
        }

        var name = Html.Escape(officer.Name);
        if (enrolment.AlreadyEnrolled)
        {
            turn.Say("Officer.AlreadyEnrolled", name, RoleName(turn.Language, officer));
            return;
        }

        log.LogInformation("An officer enrolled with the role {Role}", officer.Role);
        var at = WindowText.Time(jemputBola.Value.ScheduleAt);
        turn.Say(officer.IsSupervisor ? "Officer.Welcome.Supervisor" : "Officer.Welcome", name, RoleName(turn.Language, officer), at);
    }

    /// <summary>
    /// <c>/jadwal</c> or <c>/tutup</c>; from anywhere else (a stale button) a short menu, so a forged press never
    /// plans or shows anything.
    /// </summary>
    public async Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await officers.FindAsync(turn.Message.Address, ct) is not { } me)
        {
            if (turn.ActiveFlow == Name)
            {
                turn.End();
            }

            turn.Say("Duty.StaffOnly");
            return;
        }

        turn.Stay(this);
        if (turn.Message.Kind != IncomingKind.Command)
        {
            Home(turn, me);
        }
        else if (CloseCommands.Contains(turn.Message.Command))
        {
            await OfferDaysAsync(turn, me, ct);
        }
        else
        {
            await ScheduleAsync(turn, me, ct);
        }
    }

    /// <summary>Text while the duty menu is open: the buttons again, or the main menu for someone no longer on staff.</summary>
    public async Task ContinueAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await officers.FindAsync(turn.Message.Address, ct) is null)
        {
            turn.End();
            await turn.StartAsync(ConversationEngine.MenuFlow, ct);
            return;
        }

        turn.AskToChoose();
    }

    public async Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(press);
        if (await officers.FindAsync(turn.Message.Address, ct) is not { } me)
        {
            turn.Say("Duty.StaffOnly");
            return;
        }

        var args = press.Args;
        switch (press.Action)
        {
            case "done" or "na" or "again" when args.Count == 1:
                await OutcomeAsync(turn, me, press.Action, args[0], ct);
                return;
            case "list" when args.Count == 0:
                turn.Stay(this);
                await ScheduleAsync(turn, me, ct);
                return;
            case "move" or "to" or "close" or "day" or "shut" when !me.IsSupervisor:
                turn.Say("Duty.SupervisorOnly");
                return;
            case "move" when args.Count == 1:
                await OfferOfficersAsync(turn, me, args[0], ct);
                return;
            case "to" when args.Count == 2:
                await ReassignAsync(turn, me, args[0], args[1], ct);
                return;
            case "close" when args.Count == 0:
                turn.Stay(this);
                await OfferDaysAsync(turn, me, ct);
                return;
            case "day" when args.Count == 1:
                await ConfirmCloseAsync(turn, me, args[0], ct);
                return;
            case "shut" when args.Count == 1:
                await CloseAsync(turn, me, args[0], ct);
                return;
            default:
                await StaleAsync(turn, me, ct);
                return;
        }
    }

    private void Home(Turn turn, Officer me)
    {
        List<Button> buttons = [ButtonPress.Button(turn.Text("Duty.Button.Schedule"), Name, "list")];
        if (me.IsSupervisor)
        {
            buttons.Add(ButtonPress.Button(turn.Text("Duty.Button.Close"), Name, "close"));
        }

        turn.SayWithButtons(turn.Text("Duty.Home"), buttons);
    }

    private async Task StaleAsync(Turn turn, Officer me, CancellationToken ct)
    {
        log.LogInformation("Officer {OfficerId} pressed a stale or forged duty button", me.Id);
        await turn.SayStaleAsync(ct);
    }

    private async Task ScheduleAsync(Turn turn, Officer me, CancellationToken ct)
    {
        // The last card's first button is "done": a stray "1" typed afterwards must not record an outcome.
        turn.NumbersChooseButtons = false;
        var today = calendar.Today(turn.Now);
        await DayAsync(turn, me, today, isToday: true, ct);
        await DayAsync(turn, me, today.AddDays(1), isToday: false, ct);
        if (me.IsSupervisor)
        {
            turn.SayWithButtons(turn.Text("Duty.Tools"), [ButtonPress.Button(turn.Text("Duty.Button.Close"), Name, "close")]);
        }
    }

    /// <summary>A day's visits, then the collective sessions: an officer's own, or every one for a supervisor.</summary>
    private async Task DayAsync(Turn turn, Officer me, DateOnly date, bool isToday, CancellationToken ct)
    {
        await VisitsOnAsync(turn, me, date, isToday, ct);
        await SessionsOnAsync(turn, me, date, isToday, ct);
    }

    private async Task SessionsOnAsync(Turn turn, Officer me, DateOnly date, bool isToday, CancellationToken ct)
    {
        var shown = new List<OutgoingMessage>();
        foreach (var session in await sessions.ApprovedOnAsync(date, ct))
        {
            var going = await sessions.OfficersOfAsync(session.Id, ct);
            if (!me.IsSupervisor && !going.Contains(me.Id))
            {
                continue;
            }

            // Supervisors see who goes; an officer knows it is them.
            var names = me.IsSupervisor
                ? await db.Officers.Where(o => o.Active && going.Contains(o.Id)).OrderBy(o => o.Id).Select(o => o.Name).ToListAsync(ct)
                : [];
            shown.Add(SessionCard.For(session, await sessions.CountAsync(session.Id, ct), collective.Value.SetupMinutes, isToday, names, stoppable: me.IsSupervisor));
        }

        if (shown.Count == 0)
        {
            return;
        }

        turn.Say("SessionNotice.Duty.Sessions", WindowText.Day(date, turn.Language));
        foreach (var card in shown)
        {
            turn.Say(card);
        }
    }

    private async Task VisitsOnAsync(Turn turn, Officer me, DateOnly date, bool isToday, CancellationToken ct)
    {
        var day = WindowText.Day(date, turn.Language);
        if (!calendar.IsWorkingDay(date))
        {
            turn.Say("Duty.Day.NotWorking", day);
            return;
        }

        if (await db.ClosedDays.AnyAsync(d => d.Date == date, ct))
        {
            turn.Say("Duty.Day.Closed", day);
            return;
        }

        var days = await plan.PlanAsync(date, ct);
        var outcome = isToday ? StopButtons.Outcome : StopButtons.None;
        if (!me.IsSupervisor)
        {
            var mine = days.FirstOrDefault(d => d.Officer.Id == me.Id)?.Stops ?? [];
            if (mine.Count == 0)
            {
                turn.Say("Duty.Day.NoneForYou", day);
                return;
            }

            turn.Say("Duty.Day.Mine", day, mine.Count);
            Cards(turn, mine, outcome);
            return;
        }

        // The plan leaves a visit without an officer only when nobody is enrolled; the supervisor can still hand it out.
        var planned = days.SelectMany(d => d.Stops).Select(v => v.Id).ToHashSet();
        var booked = await db.Visits.Where(v => v.Date == date && v.Status == VisitStatus.Booked).OrderBy(v => v.Starts).ThenBy(v => v.Id).ToListAsync(ct);
        var unplanned = booked.Where(v => !planned.Contains(v.Id)).ToList();
        var lines = days.Select(d => turn.Text("Duty.Day.OfficerLine", Html.Escape(d.Officer.Name), d.Stops.Count));
        turn.Say(OutgoingMessage.Say(string.Join('\n', [turn.Text("Duty.Day.All", day, booked.Count), .. lines])));
        foreach (var officerDay in days.Where(d => d.Stops.Count > 0))
        {
            turn.Say("Duty.Day.Officer", Html.Escape(officerDay.Officer.Name), officerDay.Stops.Count);
            Cards(turn, officerDay.Stops, outcome | StopButtons.Reassign);
        }

        if (unplanned.Count > 0)
        {
            turn.Say("Duty.Day.NoOfficer", unplanned.Count);
            Cards(turn, unplanned, outcome | StopButtons.Reassign);
        }
    }

    private static void Cards(Turn turn, IReadOnlyList<Visit> stops, StopButtons buttons)
    {
        for (var i = 0; i < stops.Count; i++)
        {
            turn.Say(StopCard.For(stops[i], i + 1, turn.Language, buttons));
        }
    }

    private async Task OutcomeAsync(Turn turn, Officer me, string action, string visitId, CancellationToken ct)
    {
        var visit = await VisitAsync(visitId, ct);

        // Someone else's visit reads exactly like one that does not exist: an officer learns nothing by guessing ids.
        if (visit is null || !(me.IsSupervisor || visit.OfficerId == me.Id))
        {
            await StaleAsync(turn, me, ct);
            return;
        }

        var code = Html.Escape(visit.Code);
        if (visit.Status != VisitStatus.Booked)
        {
            turn.Say("Duty.AlreadyRecorded", code, StopCard.Outcome(visit.Status, turn.Language));
            return;
        }

        var outcome = action switch
        {
            "done" => VisitStatus.Done,
            "na" => VisitStatus.NotAvailable,
            _ => VisitStatus.NeedsNewDate,
        };
        if (outcome != VisitStatus.NeedsNewDate && calendar.Today(turn.Now) < visit.Date)
        {
            turn.Say("Duty.TooEarly", code, WindowText.Describe(visit.Slot, turn.Language));
            return;
        }

        var slot = visit.Slot;
        if (outcome == VisitStatus.NeedsNewDate)
        {
            // Gives the window back and withdraws reminders still waiting; the notice below is queued after that.
            await bookings.NeedNewDateAsync(visit, turn.Now, ct);
        }
        else
        {
            await bookings.RecordOutcomeAsync(visit, outcome, turn.Now, ct);
        }

        outbox.Enqueue(visit.Citizen, OutcomeNotice(visit, outcome), VisitNotices.OutcomeKey(visit.Id, outcome, slot));
        log.LogInformation("Officer {OfficerId} recorded {Outcome} for visit {VisitId}", me.Id, outcome, visit.Id);
        turn.Say("Duty.Recorded", code, StopCard.Outcome(outcome, turn.Language));
    }

    private OutgoingMessage OutcomeNotice(Visit visit, VisitStatus outcome)
    {
        var language = visit.Language;
        var code = Html.Escape(visit.Code);
        var phone = Html.Escape(office.Value.Phone);
        return outcome switch
        {
            VisitStatus.Done when visit.Service == VisitService.StayPermit =>
                OutgoingMessage.Say(Texts.Format(language, "Notice.Outcome.ThanksStayPermit", code, phone)),
            VisitStatus.Done => OutgoingMessage.Say(Texts.Format(language, "Notice.Outcome.Thanks", code, phone)),
            VisitStatus.NotAvailable =>
                OutgoingMessage.Say(Texts.Format(language, "Notice.Outcome.Missed", code, WindowText.Describe(visit.Slot, language), phone)),
            _ => WithNewDateButton(visit, Texts.Format(language, "Notice.Outcome.AnotherDate", code, phone)),
        };
    }

    /// <summary>The citizen's own visits flow takes the press and re-checks that the visit is theirs.</summary>
    private static OutgoingMessage WithNewDateButton(Visit visit, string html) => new()
    {
        Text = html,
        Buttons = [[ButtonPress.Button(Texts.Get(visit.Language, "Notice.PickNewDate"), VisitsFlow.FlowName, "move", Id(visit.Id))]],
    };

    private async Task OfferOfficersAsync(Turn turn, Officer me, string visitId, CancellationToken ct)
    {
        var visit = await VisitAsync(visitId, ct);
        if (visit is null)
        {
            await StaleAsync(turn, me, ct);
            return;
        }

        if (visit.Status != VisitStatus.Booked)
        {
            turn.Say("Duty.AlreadyRecorded", Html.Escape(visit.Code), StopCard.Outcome(visit.Status, turn.Language));
            return;
        }

        var active = await officers.ActiveAsync(ct);
        if (active.Count == 0)
        {
            turn.Say("Duty.Move.NoOfficers");
            return;
        }

        var rows = active
            .Select(o => (IReadOnlyList<Button>)[ButtonPress.Button(
                o.Id == visit.OfficerId ? turn.Text("Duty.Move.Current", o.Name) : o.Name, Name, "to", Id(visit.Id), Id(o.Id))])
            .ToArray();
        turn.SayWithButtons(turn.Text("Duty.Move.Prompt", Html.Escape(visit.Code), WindowText.Describe(visit.Slot, turn.Language)), rows);
    }

    private async Task ReassignAsync(Turn turn, Officer me, string visitId, string officerId, CancellationToken ct)
    {
        var visit = await VisitAsync(visitId, ct);
        var target = TryParseId(officerId, out var targetId)
            ? await db.Officers.SingleOrDefaultAsync(o => o.Id == targetId && o.Active, ct)
            : null;
        if (visit is null || target is null)
        {
            await StaleAsync(turn, me, ct);
            return;
        }

        var code = Html.Escape(visit.Code);
        if (visit.Status != VisitStatus.Booked)
        {
            turn.Say("Duty.AlreadyRecorded", code, StopCard.Outcome(visit.Status, turn.Language));
            return;
        }

        if (visit.OfficerId != target.Id)
        {
            visit.AssignTo(target.Id, turn.Now.UtcDateTime);
            TellAssigned(target, visit, calendar.Today(turn.Now));
            log.LogInformation("Supervisor {OfficerId} moved visit {VisitId} to officer {TargetId}", me.Id, visit.Id, target.Id);
        }

        turn.Say("Duty.Move.Done", code, Html.Escape(target.Name));
    }

    private void TellAssigned(Officer target, Visit visit, DateOnly today)
    {
        if (target.Address is not { } to)
        {
            return;
        }

        var window = WindowText.Describe(visit.Slot, OfficerLanguage);
        outbox.Enqueue(to, OutgoingMessage.Say(Texts.Format(OfficerLanguage, "Duty.Assigned", Html.Escape(visit.Code), window)));
        if (visit.Date == today || visit.Date == today.AddDays(1))
        {
            var buttons = visit.Date == today ? StopButtons.Outcome : StopButtons.None;
            outbox.Enqueue(to, StopCard.For(visit, 1, OfficerLanguage, target.IsSupervisor ? buttons | StopButtons.Reassign : buttons));
        }
    }

    private async Task OfferDaysAsync(Turn turn, Officer me, CancellationToken ct)
    {
        if (!me.IsSupervisor)
        {
            turn.Say("Duty.SupervisorOnly");
            return;
        }

        var today = calendar.Today(turn.Now);
        var closed = (await db.ClosedDays.Where(d => d.Date >= today).Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        var days = calendar.WorkingDaysFrom(today).Where(d => !closed.Contains(d)).Take(DaysOffered).ToList();
        if (days.Count == 0)
        {
            turn.Say("Duty.Close.NoDays");
            return;
        }

        var rows = days
            .Select(d => ButtonPress.Button(WindowText.ShortDay(d, turn.Language), Name, "day", d.ToString(DateFormat, CultureInfo.InvariantCulture)))
            .Chunk(2)
            .Select(row => (IReadOnlyList<Button>)row)
            .ToArray();
        turn.SayWithButtons(turn.Text("Duty.Close.Prompt"), rows);
    }

    private async Task ConfirmCloseAsync(Turn turn, Officer me, string dateArg, CancellationToken ct)
    {
        if (await ClosableDayAsync(turn, me, dateArg, ct) is not { } date)
        {
            return;
        }

        var booked = await db.Visits.CountAsync(v => v.Date == date && v.Status == VisitStatus.Booked, ct);
        turn.SayWithButtons(
            turn.Text("Duty.Close.Confirm", WindowText.Day(date, turn.Language), booked),
            [ButtonPress.Button(turn.Text("Duty.Close.Yes"), Name, "shut", dateArg)],
            [ButtonPress.Button(turn.Text("Duty.Close.Other"), Name, "close")]);
    }

    private async Task CloseAsync(Turn turn, Officer me, string dateArg, CancellationToken ct)
    {
        if (await ClosableDayAsync(turn, me, dateArg, ct) is not { } date)
        {
            return;
        }

        // The date is the key: two supervisors closing the same day at once conflict, and the second run is refused.
        db.ClosedDays.Add(new ClosedDay(date, me.Id, turn.Now.UtcDateTime));
        var visits = await db.Visits.Where(v => v.Date == date && v.Status == VisitStatus.Booked).OrderBy(v => v.Id).ToListAsync(ct);
        foreach (var visit in visits)
        {
            var slot = visit.Slot;
            await bookings.NeedNewDateAsync(visit, turn.Now, ct);
            var language = visit.Language;
            var notice = Texts.Format(language, "Notice.DayClosed", Html.Escape(visit.Code), WindowText.Day(date, language), Html.Escape(office.Value.Phone));
            outbox.Enqueue(visit.Citizen, WithNewDateButton(visit, notice), VisitNotices.OutcomeKey(visit.Id, VisitStatus.NeedsNewDate, slot));
        }

        log.LogInformation("Supervisor {OfficerId} closed {Date} for visits; {Count} visits need a new date", me.Id, date, visits.Count);
        turn.Say("Duty.Close.Done", WindowText.Day(date, turn.Language), visits.Count);
    }

    /// <summary>Says why the day cannot be closed, if it cannot; the buttons may be old, so this is checked at every step.</summary>
    /// <summary>The day a close button names, or null after saying why it cannot be closed (or that the button is stale).</summary>
    private async Task<DateOnly?> ClosableDayAsync(Turn turn, Officer me, string dateArg, CancellationToken ct)
    {
        if (!TryParseDate(dateArg, out var date))
        {
            await StaleAsync(turn, me, ct);
            return null;
        }

        return await RefuseToCloseAsync(turn, date, ct) ? null : date;
    }

    private async Task<bool> RefuseToCloseAsync(Turn turn, DateOnly date, CancellationToken ct)
    {
        var problem = date < calendar.Today(turn.Now) ? "Duty.Close.Past"
            : !calendar.IsWorkingDay(date) ? "Duty.Close.NotWorking"
            : await db.ClosedDays.AnyAsync(d => d.Date == date, ct) ? "Duty.Close.Already"
            : null;
        if (problem is not null)
        {
            turn.Say(problem, WindowText.Day(date, turn.Language));
        }

        return problem is not null;
    }

    private async Task<Visit?> VisitAsync(string visitId, CancellationToken ct) =>
        TryParseId(visitId, out var id) ? await db.Visits.SingleOrDefaultAsync(v => v.Id == id, ct) : null;

    private static bool TryParseId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string RoleName(Language language, Officer officer) =>
        Texts.Get(language, officer.IsSupervisor ? "Officer.Role.Supervisor" : "Officer.Role.Officer");
}
