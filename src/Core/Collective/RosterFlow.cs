using System.Globalization;
using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;
using Timpora.Core.Visits;

namespace Timpora.Core.Collective;

/// <summary>
/// The coordinator's roster (<c>/rombongan</c>): how many have registered against what was planned and the minimum,
/// what still needs attention, the people (each can be removed), adding people from a CSV file, the join link again,
/// and withdrawing the request. Every button carries a session code, which is user input: the session is looked up
/// again among this chat's own and its state checked before anything changes.
/// </summary>
public sealed class RosterFlow(
    Sessions sessions,
    SessionDesk desk,
    Outbox outbox,
    IFileSource files,
    WorkingCalendar calendar,
    BotProfile profile,
    IOptions<CollectiveOptions> options) : IFlow
{
    public const string FlowName = "roster";

    /// <summary>People per page of the list: ten names and their remove buttons fit one phone screen.</summary>
    public const int PageSize = 10;

    /// <summary>Refused rows listed one by one; beyond this the reply says how many more.</summary>
    public const int ReportLines = 30;

    public string Name => FlowName;

    public IReadOnlyList<string> Commands { get; } = ["rombongan", "roster"];

    public async Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var open = await sessions.OpenOfAsync(turn.Message.Address, ct);
        switch (open.Count)
        {
            case 0:
                turn.End();
                turn.SayWithButtons(turn.Text("Roster.None"), [Button(turn, "Roster.Menu", "menu")]);
                return;
            case 1:
                await ShowCardAsync(turn, open[0], ct);
                return;
            default:
                turn.Stay(this, new RosterState(null));
                var rows = open.Select(s => (IReadOnlyList<Button>)[ButtonPress.Button($"{s.Code} · {Clip(s.OrganisationName, 30)}", Name, "show", s.Code)]).ToList();
                rows.Add([Button(turn, "Roster.Menu", "menu")]);
                turn.Say(new OutgoingMessage { Text = turn.Text("Roster.Pick", open.Count), Buttons = rows });
                return;
        }
    }

    public async Task ContinueAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Message.File is not { } file)
        {
            turn.AskToChoose();
            return;
        }

        if (turn.State<RosterState>(this)?.Code is not { } code || await OwnOpenAsync(turn, code, ct) is not { } session)
        {
            // Several sessions and none chosen yet (or the chosen one has closed): the file waits for a choice.
            turn.Say("Roster.Csv.PickFirst");
            await StartAsync(turn, ct);
            return;
        }

        await ImportAsync(turn, session, file, ct);
    }

    public async Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(press);
        switch (press.Action)
        {
            case "menu":
                turn.End();
                await turn.StartAsync(ConversationEngine.MenuFlow, ct);
                return;
        }

        var session = press.Args.Count >= 1 ? await OwnOpenAsync(turn, press.Args[0], ct) : null;
        if (session is null)
        {
            // Someone else's session, a forged code, or one no longer open: nothing to say about it.
            turn.Say("Roster.NotFound");
            await StartAsync(turn, ct);
            return;
        }

        var number = press.Args.Count == 2 && long.TryParse(press.Args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        switch (press.Action)
        {
            case "show":
                await ShowCardAsync(turn, session, ct);
                return;
            case "list" when number is { } page:
                await ListAsync(turn, session, page, ct);
                return;
            case "rm" when number is { } id:
                await AskRemoveAsync(turn, session, id, ct);
                return;
            case "rmok" when number is { } id:
                await RemoveAsync(turn, session, id, ct);
                return;
            case "csv":
                ExplainCsv(turn, session);
                return;
            case "link":
                turn.Stay(this, new RosterState(session.Code));
                turn.SayWithButtons(
                    turn.Text("Roster.Link", Html.Escape(session.OrganisationName), Html.Escape(SessionCode.JoinLink(profile.Username, session.Code))),
                    [Button(turn, "Roster.Back", "show", session.Code)]);
                return;
            case "cancel":
                turn.Stay(this, new RosterState(session.Code));
                turn.SayWithButtons(
                    turn.Text("Roster.Cancel.Ask", session.Code, Html.Escape(session.OrganisationName)),
                    [Button(turn, "Roster.Cancel.Yes", "cancelok", session.Code)],
                    [Button(turn, "Roster.Cancel.No", "show", session.Code)]);
                return;
            case "cancelok":
                var before = session.Status;
                await sessions.CancelAsync(session, turn.Now, ct);
                await desk.CancelledAsync(session, before, ct);
                turn.End();
                turn.Say("Roster.Cancelled", session.Code);
                await turn.StartAsync(ConversationEngine.MenuFlow, ct);
                return;
            default:
                await turn.SayStaleAsync(ct);
                return;
        }
    }

    private async Task<Session?> OwnOpenAsync(Turn turn, string code, CancellationToken ct) =>
        await sessions.OwnAsync(turn.Message.Address, code, ct) is { IsOpen: true } own ? own : null;

    private async Task ShowCardAsync(Turn turn, Session session, CancellationToken ct)
    {
        turn.Stay(this, new RosterState(session.Code));
        var roster = await sessions.RosterAsync(session.Id, ct);
        var minimum = options.Value.MinimumApplicants;
        var problems = RosterCheck.Problems(session, roster, minimum, calendar.Today(turn.Now), turn.Language);
        var card = turn.Text(
            "Roster.Card",
            session.Code,
            Html.Escape(session.OrganisationName),
            Status(turn, session),
            roster.Count,
            session.ExpectedApplicants,
            minimum,
            options.Value.MaximumApplicants);
        card += "\n\n" + (problems.Count == 0
            ? turn.Text("Roster.Ready")
            : turn.Text("Roster.Problems") + "\n" + string.Join("\n", problems.Select(p => "• " + p)));
        turn.SayWithButtons(
            card,
            [Button(turn, "Roster.List", "list", session.Code, "0")],
            [Button(turn, "Roster.AddCsv", "csv", session.Code)],
            [Button(turn, "Roster.JoinLink", "link", session.Code)],
            [Button(turn, "Roster.CancelRequest", "cancel", session.Code)],
            [Button(turn, "Roster.Menu", "menu")]);
    }

    private static string Status(Turn turn, Session session) => session switch
    {
        { Status: SessionStatus.Approved, Date: { } date, Starts: { } starts } =>
            turn.Text("Roster.Status.Approved", WindowText.Day(date, turn.Language), WindowText.Time(starts)),
        { Status: SessionStatus.Proposed, Date: { } date, Starts: { } starts } =>
            turn.Text("Roster.Status.Proposed", WindowText.Day(date, turn.Language), WindowText.Time(starts)),
        _ => turn.Text("Roster.Status.Requested"),
    };

    private async Task ListAsync(Turn turn, Session session, long page, CancellationToken ct)
    {
        turn.Stay(this, new RosterState(session.Code));
        var roster = await sessions.RosterAsync(session.Id, ct);
        if (roster.Count == 0)
        {
            turn.SayWithButtons(turn.Text("Roster.Empty"), [Button(turn, "Roster.AddCsv", "csv", session.Code)], [Button(turn, "Roster.Back", "show", session.Code)]);
            return;
        }

        var pages = (roster.Count + PageSize - 1) / PageSize;
        var shown = (int)Math.Clamp(page, 0, pages - 1);
        var people = roster.Skip(shown * PageSize).Take(PageSize).ToList();
        var lines = people.Select((a, i) => turn.Text(
            "Roster.Person",
            (shown * PageSize) + i + 1,
            Html.Escape(a.FullName),
            WindowText.Day(a.BirthDate, turn.Language),
            turn.Text($"Join.Passport.{a.Passport}"),
            turn.Text(a.Chat is null ? "Roster.Person.NotLinked" : "Roster.Person.Linked")));
        var text = turn.Text("Roster.ListHeader", session.Code, roster.Count, shown + 1, pages) + "\n\n" + string.Join("\n", lines);
        var rows = people
            .Select((a, i) => ButtonPress.Button(turn.Text("Roster.Remove", (shown * PageSize) + i + 1), Name, "rm", session.Code, Id(a.Id)))
            .Chunk(5)
            .Select(chunk => (IReadOnlyList<Button>)chunk)
            .ToList();
        var navigation = new List<Button>();
        if (shown > 0)
        {
            navigation.Add(Button(turn, "Roster.Previous", "list", session.Code, Id(shown - 1)));
        }

        if (shown < pages - 1)
        {
            navigation.Add(Button(turn, "Roster.Next", "list", session.Code, Id(shown + 1)));
        }

        navigation.Add(Button(turn, "Roster.Back", "show", session.Code));
        rows.Add(navigation);
        turn.Say(new OutgoingMessage { Text = text, Buttons = rows });
    }

    private async Task AskRemoveAsync(Turn turn, Session session, long applicantId, CancellationToken ct)
    {
        if (await sessions.ApplicantAsync(session, applicantId, ct) is not { } applicant)
        {
            turn.Say("Roster.PersonGone");
            await ListAsync(turn, session, 0, ct);
            return;
        }

        turn.Stay(this, new RosterState(session.Code));
        turn.SayWithButtons(
            turn.Text("Roster.Remove.Ask", Html.Escape(applicant.FullName), session.Code),
            [Button(turn, "Roster.Remove.Yes", "rmok", session.Code, Id(applicant.Id))],
            [Button(turn, "Roster.Remove.No", "list", session.Code, "0")]);
    }

    private async Task RemoveAsync(Turn turn, Session session, long applicantId, CancellationToken ct)
    {
        if (await sessions.RemoveAsync(session, applicantId, ct) is not { } applicant)
        {
            turn.Say("Roster.PersonGone");
            await ListAsync(turn, session, 0, ct);
            return;
        }

        // Someone who registered themselves would otherwise keep waiting for reminders that never come.
        if (applicant.Chat is { } chat)
        {
            outbox.Enqueue(chat, OutgoingMessage.Say(Texts.Format(applicant.Language, "Join.Removed", Html.Escape(session.OrganisationName), session.Code)));
        }

        turn.Say("Roster.Removed", Html.Escape(applicant.FullName));
        await ShowCardAsync(turn, session, ct);
    }

    private void ExplainCsv(Turn turn, Session session)
    {
        turn.Stay(this, new RosterState(session.Code));
        var twoWords = ApplicantName.NeedsTwoWords(session.Purpose) ? turn.Text("Roster.Csv.TwoWords") : "";
        turn.Say(OutgoingMessage.Say(turn.Text("Roster.Csv.Explain", session.Code, RosterCsv.MaxBytes / (1024 * 1024), options.Value.MaximumApplicants, twoWords)));
        turn.Say(new OutgoingMessage
        {
            DocumentBytes = RosterCsvExample.Build(turn.Language),
            DocumentName = RosterCsvExample.FileName(turn.Language),
            Caption = turn.Text("Roster.Csv.ExampleCaption"),
            Buttons = [[Button(turn, "Roster.Back", "show", session.Code)]],
        });
    }

    private async Task ImportAsync(Turn turn, Session session, IncomingFile file, CancellationToken ct)
    {
        turn.Stay(this, new RosterState(session.Code));
        var megabytes = RosterCsv.MaxBytes / (1024 * 1024);
        if (!RosterCsv.MayBeCsv(file))
        {
            turn.Say(RosterCsv.IsWorkbook(file) ? "Roster.Csv.Workbook" : "Roster.Csv.NotCsv");
            return;
        }

        if (file.Size > RosterCsv.MaxBytes)
        {
            turn.Say("Roster.Csv.TooBig", megabytes);
            return;
        }

        byte[]? bytes;
        try
        {
            bytes = await files.FetchAsync(turn.Message.Address.Channel, file.FileId, RosterCsv.MaxBytes, ct);
        }
        catch (FileUnavailableException)
        {
            turn.Say("Roster.Csv.Unavailable");
            return;
        }

        if (bytes is null)
        {
            turn.Say("Roster.Csv.TooBig", megabytes);
            return;
        }

        var read = RosterCsv.Read(bytes);
        if (read.Problem is { } problem)
        {
            turn.Say(OutgoingMessage.Say(FileProblem(turn, read, problem)));
            return;
        }

        var openNiks = await sessions.OpenNiksAsync(turn.Now, ct);
        var room = Math.Max(0, options.Value.MaximumApplicants - await sessions.CountAsync(session.Id, ct));
        var import = RosterCsv.Check(read.Rows, session.Purpose, session.Id, room, openNiks, calendar.Today(turn.Now));

        sessions.AddChecked(session, import.Valid, turn.Now);
        turn.Say(OutgoingMessage.Say(Report(turn, import)));
        await ShowCardAsync(turn, session, ct);
    }

    private static string FileProblem(Turn turn, RosterFile read, RosterFileProblem problem)
    {
        if (problem != RosterFileProblem.Columns)
        {
            return turn.Text($"Roster.Csv.File.{problem}");
        }

        var english = turn.Language == Language.English;
        var missing = string.Join(", ", read.Missing.Select(c => "<code>" + (english ? c.English : c.Indonesian) + "</code>"));
        var found = read.Found.Count == 0
            ? turn.Text("Roster.Csv.File.NothingFound")
            : string.Join(", ", read.Found.Take(RosterCheck.NamesPerLine).Select(f => "<code>" + Html.Escape(Clip(f, 30)) + "</code>"));
        var expected = string.Join(";", RosterCsv.Columns.Select(c => english ? c.English : c.Indonesian));
        return turn.Text("Roster.Csv.File.Columns", missing, found, expected);
    }

    private string Report(Turn turn, RosterImport import)
    {
        var refused = import.Problems.Count + import.Full.Count;
        var lines = new List<string> { turn.Text("Roster.Csv.Report", import.Rows, import.Valid.Count, refused) };
        var details = import.Problems
            .Select(p => turn.Text("Roster.Csv.Row", p.Row, string.Join("; ", p.Notes.Select(n => turn.Text(n.Key, n.Args)))))
            .ToList();
        lines.AddRange(details.Take(ReportLines));
        if (details.Count > ReportLines)
        {
            lines.Add(turn.Text("Roster.AndMore", details.Count - ReportLines));
        }

        if (import.Full.Count > 0)
        {
            lines.Add(turn.Text("Roster.Csv.Full", import.Full.Count, import.Full[0], options.Value.MaximumApplicants));
        }

        return string.Join("\n", lines);
    }

    private Button Button(Turn turn, string label, string action, params string[] args) => ButtonPress.Button(turn.Text(label), Name, action, args);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>The session the coordinator is looking at (null while choosing among several): a file sent now is for it.</summary>
public sealed record RosterState(string? Code);
