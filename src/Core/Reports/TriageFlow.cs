using System.Globalization;
using Microsoft.Extensions.Logging;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Scheduling;
using Timpora.Core.Visits;

namespace Timpora.Core.Reports;

/// <summary>
/// The officers' side of reports: <c>/laporan</c> (the open reports, filtered and paged), a report's full card, and
/// the card's buttons (claim, ask the reporter, set the status, forward to a partner, write an internal note), whether
/// pressed in the officer's own chat or under the card in the duty group. Every button is user input: each action
/// finds the officer again from the presser's own chat, and anyone else hears only that this is for office staff,
/// without a report number, a text or even whether the report exists. Logs carry officer ids and report numbers only.
/// </summary>
public sealed class TriageFlow(
    Officers.Officers officers,
    Triage triage,
    WorkingCalendar calendar,
    ILogger<TriageFlow> log) : IFlow
{
    public const string FlowName = ReportCard.TriageFlow;

    /// <summary>The reports list: <c>list:&lt;status|all&gt;:&lt;category|all&gt;:&lt;page&gt;</c>, pages from 0.</summary>
    public const string List = "list";

    /// <summary>Choosing the list's status filter, keeping the category: <c>fs:&lt;status&gt;:&lt;category&gt;</c>.</summary>
    public const string FilterStatus = "fs";

    /// <summary>Choosing the list's category filter, keeping the status: <c>fc:&lt;status&gt;:&lt;category&gt;</c>.</summary>
    public const string FilterCategory = "fc";

    /// <summary>A report's full card, its pin and its photos: <c>open:&lt;number&gt;</c>.</summary>
    public const string Open = "open";

    /// <summary>A chosen status: <c>sto:&lt;number&gt;:&lt;status&gt;</c>.</summary>
    public const string StatusTo = "sto";

    /// <summary>A chosen partner, to confirm: <c>fto:&lt;number&gt;:&lt;partner index&gt;</c>.</summary>
    public const string ForwardTo = "fto";

    /// <summary>The confirmed forward: <c>fok:&lt;number&gt;:&lt;partner index&gt;:&lt;report version&gt;</c>.</summary>
    public const string ForwardConfirmed = "fok";

    /// <summary>Cancels a question, a note or a forward before anything is written.</summary>
    public const string Stop = "stop";

    public const string All = "all";

    public const int MinText = 5;
    public const int MaxText = 1000;

    /// <summary>Report numbers on one row of the list's buttons.</summary>
    private const int NumbersPerRow = 4;

    public string Name => FlowName;

    public IReadOnlyList<string> Commands { get; } = ["laporan", "reports"];

    public bool TakesGroupPresses => true;

    /// <summary><c>/laporan</c>: the open reports, newest first; a question or note being written is dropped.</summary>
    public async Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await StaffAsync(turn, ct) is not { } me)
        {
            return;
        }

        turn.Stay(this);
        await ListAsync(turn, me, null, null, 0, ct);
    }

    /// <summary>Under an apology for a stale button: the question or note still being written, or the list.</summary>
    public async Task ShowAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await StaffAsync(turn, ct) is not { } me)
        {
            return;
        }

        if (turn.State<TriageWait>(this) is { } waiting)
        {
            Prompt(turn, waiting);
            return;
        }

        turn.Stay(this);
        await ListAsync(turn, me, null, null, 0, ct);
    }

    /// <summary>Typed text: the question or note being waited for, or a reminder to use the buttons.</summary>
    public async Task ContinueAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await StaffAsync(turn, ct) is not { } me)
        {
            return;
        }

        if (turn.State<TriageWait>(this) is not { } waiting)
        {
            turn.AskToChoose();
            return;
        }

        var text = turn.Message.Kind == IncomingKind.Text ? turn.Message.Text?.Trim() : null;
        if (Problem(turn, text) is { } problem)
        {
            turn.Say(OutgoingMessage.Say(problem));
            Prompt(turn, waiting);
            return;
        }

        turn.Stay(this);
        var report = await triage.FindAsync(waiting.Number, ct);
        if (report is null)
        {
            turn.Say("Triage.NotFound");
            return;
        }

        var number = Html.Escape(report.Number);
        if (waiting.Kind == ReportCard.Note)
        {
            await triage.NoteAsync(report, me, text!, turn.Now, ct);
            log.LogInformation("Officer {OfficerId} wrote an internal note on report {ReportNumber}", me.Id, report.Number);
            turn.Say("Triage.Note.Saved", number);
            return;
        }

        if (!report.IsOpen)
        {
            NotOpen(turn, report);
            return;
        }

        await triage.AskAsync(report, me, text!, turn.Now, ct);
        log.LogInformation("Officer {OfficerId} asked the reporter of report {ReportNumber} a question", me.Id, report.Number);
        turn.Say("Triage.Ask.Saved", number);
    }

    public async Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(press);
        if (await StaffAsync(turn, ct) is not { } me)
        {
            return;
        }

        var args = press.Args;
        switch (press.Action)
        {
            case List when args.Count == 3 && TryFilters(args[0], args[1], out var status, out var category) && TryParseNumber(args[2], out var page):
                await ListAsync(turn, me, status, category, page, ct);
                return;
            case FilterStatus when args.Count == 2 && TryFilters(args[0], args[1], out var current, out _):
                ChooseStatus(turn, current, args[1]);
                return;
            case FilterCategory when args.Count == 2 && TryFilters(args[0], args[1], out _, out var chosen):
                ChooseCategory(turn, args[0], chosen);
                return;
            case Open when args.Count == 1:
                await OpenAsync(turn, me, args[0], ct);
                return;
            case ReportCard.Claim when args.Count == 1:
                await ClaimAsync(turn, me, args[0], ct);
                return;
            case ReportCard.Ask or ReportCard.Note when args.Count == 1:
                await WaitForTextAsync(turn, me, press.Action, args[0], ct);
                return;
            case ReportCard.Status when args.Count == 1:
                await OfferStatusesAsync(turn, me, args[0], ct);
                return;
            case StatusTo when args.Count == 2:
                await MoveAsync(turn, me, args[0], args[1], ct);
                return;
            case ReportCard.Forward when args.Count == 1:
                await OfferPartnersAsync(turn, me, args[0], ct);
                return;
            case ForwardTo when args.Count == 2:
                await ConfirmForwardAsync(turn, me, args[0], args[1], ct);
                return;
            case ForwardConfirmed when args.Count == 3:
                await ForwardAsync(turn, me, args[0], args[1], args[2], ct);
                return;
            case Stop when args.Count == 0:
                if (turn.ActiveFlow == Name)
                {
                    turn.Stay(this);
                }

                turn.Say("Triage.Cancelled");
                return;
            default:
                await StaleAsync(turn, me, ct);
                return;
        }
    }

    /// <summary>The officer writing or pressing, from their own chat; anyone else gets the same short refusal.</summary>
    private async Task<Officer?> StaffAsync(Turn turn, CancellationToken ct)
    {
        if (await officers.FindAsync(turn.Message.Address, ct) is { } me)
        {
            return me;
        }

        // No conversation id either: nothing in the log may tie a chat to a report, not even to a button under one.
        log.LogInformation("A triage action by someone who is not an active officer was refused");
        if (turn.ActiveFlow == Name)
        {
            turn.End();
        }

        turn.Say("Duty.StaffOnly");
        return null;
    }

    private async Task StaleAsync(Turn turn, Officer me, CancellationToken ct)
    {
        log.LogInformation("Officer {OfficerId} pressed a stale or forged triage button", me.Id);
        await turn.SayStaleAsync(ct);
    }

    private async Task ListAsync(Turn turn, Officer me, ReportStatus? status, ReportCategory? category, int page, CancellationToken ct)
    {
        var found = await triage.ListAsync(status, category, page, ct);
        var statusCode = Code(status);
        var categoryCode = Code(category);
        var text = new List<string>
        {
            turn.Text("Triage.List.Title", StatusFilter(turn, status), CategoryFilter(turn, category), found.Total, found.Page + 1, found.Pages),
        };
        if (found.Reports.Count == 0)
        {
            text.Add(turn.Text("Triage.List.None"));
        }
        else
        {
            text.Add("");
            for (var i = 0; i < found.Reports.Count; i++)
            {
                text.Add(Line(turn, found.Reports[i], i + 1, found.Claimers));
            }

            text.Add("");
            text.Add(turn.Text("Triage.List.Hint"));
        }

        var rows = found.Reports
            .Select(r => ButtonPress.Button(r.Number, Name, Open, r.Number))
            .Chunk(NumbersPerRow)
            .Select(row => (IReadOnlyList<Button>)row)
            .ToList();
        var paging = new List<Button>();
        if (found.Page > 0)
        {
            paging.Add(ButtonPress.Button(turn.Text("Triage.Button.Previous"), Name, List, statusCode, categoryCode, Number(found.Page - 1)));
        }

        if (found.Page < found.Pages - 1)
        {
            paging.Add(ButtonPress.Button(turn.Text("Triage.Button.Next"), Name, List, statusCode, categoryCode, Number(found.Page + 1)));
        }

        if (paging.Count > 0)
        {
            rows.Add(paging);
        }

        rows.Add(
        [
            ButtonPress.Button(turn.Text("Triage.Button.FilterStatus", StatusFilter(turn, status)), Name, FilterStatus, statusCode, categoryCode),
            ButtonPress.Button(turn.Text("Triage.Button.FilterCategory", CategoryFilter(turn, category)), Name, FilterCategory, statusCode, categoryCode),
        ]);

        // The lines are numbered like the report buttons, so typing "2" opens the second report: it only shows a card.
        turn.SayWithButtons(string.Join('\n', text), [.. rows]);
        log.LogInformation("Officer {OfficerId} listed reports", me.Id);
    }

    private string Line(Turn turn, Report report, int index, IReadOnlyDictionary<long, string> claimers)
    {
        var claim = report.ClaimedBy is { } id && claimers.TryGetValue(id, out var name)
            ? turn.Text("Triage.Card.ClaimedBy", Html.Escape(name))
            : turn.Text("Triage.Card.Unclaimed");
        var local = calendar.Local(report.SubmittedAt);
        var received = $"{WindowText.ShortDay(DateOnly.FromDateTime(local), turn.Language)} {WindowText.Time(TimeOnly.FromDateTime(local))}";
        return turn.Text(
            "Triage.List.Line",
            index,
            Html.Escape(report.Number),
            ReportCard.Category(report.Category, turn.Language),
            ReportCard.StatusName(report.Status, turn.Language),
            claim,
            received);
    }

    private void ChooseStatus(Turn turn, ReportStatus? current, string categoryCode)
    {
        var options = new List<(string Label, ReportStatus? Status)> { (turn.Text("Triage.List.Open"), null) };
        options.AddRange(Enum.GetValues<ReportStatus>().Select(s => (ReportCard.StatusName(s, turn.Language), (ReportStatus?)s)));
        var rows = options
            .Select(o => (IReadOnlyList<Button>)[ButtonPress.Button(Chosen(turn, o.Label, o.Status == current), Name, List, Code(o.Status), categoryCode, "0")])
            .ToArray();
        turn.SayWithButtons(turn.Text("Triage.Filter.Status"), rows);
    }

    private void ChooseCategory(Turn turn, string statusCode, ReportCategory? current)
    {
        var options = new List<(string Label, ReportCategory? Category)> { (turn.Text("Triage.List.AnyCategory"), null) };
        options.AddRange(Enum.GetValues<ReportCategory>().Select(c => (ReportCard.Category(c, turn.Language), (ReportCategory?)c)));
        var rows = options
            .Select(o => (IReadOnlyList<Button>)[ButtonPress.Button(Chosen(turn, o.Label, o.Category == current), Name, List, statusCode, Code(o.Category), "0")])
            .ToArray();
        turn.SayWithButtons(turn.Text("Triage.Filter.Category"), rows);
    }

    /// <summary>The card, then the pin, then each photo: the same order the team got them in.</summary>
    private async Task OpenAsync(Turn turn, Officer me, string number, CancellationToken ct)
    {
        if (await ReportAsync(turn, number, ct) is not { } report)
        {
            return;
        }

        // The card's first button claims the report: a stray "1" typed afterwards must not.
        turn.NumbersChooseButtons = false;
        var card = await triage.CardAsync(report, turn.Language, ct);
        foreach (var message in ReportDesk.Messages(report, await triage.PhotosAsync(report.Id, ct), card, turn.Language))
        {
            turn.Say(message);
        }

        log.LogInformation("Officer {OfficerId} opened report {ReportNumber}", me.Id, report.Number);
    }

    private async Task ClaimAsync(Turn turn, Officer me, string number, CancellationToken ct)
    {
        if (await ReportAsync(turn, number, ct) is not { } report)
        {
            return;
        }

        var shown = Html.Escape(report.Number);
        if (report.ClaimedBy is { } holder)
        {
            if (holder == me.Id)
            {
                turn.Say("Triage.AlreadyYours", shown);
            }
            else
            {
                turn.Say("Triage.AlreadyClaimed", shown, Html.Escape(await triage.NameAsync(holder, ct) ?? "?"));
            }

            return;
        }

        if (!await triage.ClaimAsync(report, me, turn.Now, ct))
        {
            NotOpen(turn, report);
            return;
        }

        log.LogInformation("Officer {OfficerId} claimed report {ReportNumber}", me.Id, report.Number);
        turn.Say("Triage.Claimed", shown);
    }

    /// <summary>
    /// The officer's own conversation waits for the question or note (the report's number in the flow's state: an
    /// officer is not anonymous). Pressed in the group, the prompt still goes to the officer's private chat.
    /// </summary>
    private async Task WaitForTextAsync(Turn turn, Officer me, string kind, string number, CancellationToken ct)
    {
        if (await ReportAsync(turn, number, ct) is not { } report)
        {
            return;
        }

        if (kind == ReportCard.Ask && !report.IsOpen)
        {
            NotOpen(turn, report);
            return;
        }

        var waiting = new TriageWait(report.Number, kind);
        turn.Stay(this, waiting);
        Prompt(turn, waiting);
        log.LogInformation("Officer {OfficerId} is writing a {Kind} on report {ReportNumber}", me.Id, kind, report.Number);
    }

    private void Prompt(Turn turn, TriageWait waiting)
    {
        // The question itself may be a number; only the cancel button's label reads as a button.
        turn.NumbersChooseButtons = false;
        var key = waiting.Kind == ReportCard.Note ? "Triage.Note.Prompt" : "Triage.Ask.Prompt";
        turn.SayWithButtons(
            turn.Text(key, Html.Escape(waiting.Number), MinText, MaxText),
            [ButtonPress.Button(turn.Text("Triage.Button.Cancel"), Name, Stop)]);
    }

    private static string? Problem(Turn turn, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return turn.Text("Form.ExpectText");
        }

        var length = new StringInfo(text).LengthInTextElements;
        return length < MinText ? turn.Text("Form.TextTooShort", MinText)
            : length > MaxText ? turn.Text("Form.TextTooLong", MaxText, length)
            : null;
    }

    private async Task OfferStatusesAsync(Turn turn, Officer me, string number, CancellationToken ct)
    {
        if (await ReportAsync(turn, number, ct) is not { } report)
        {
            return;
        }

        if (report.NextStatuses.Count == 0)
        {
            NotOpen(turn, report);
            return;
        }

        var rows = report.NextStatuses
            .Select(s => (IReadOnlyList<Button>)[ButtonPress.Button(ReportCard.StatusName(s, turn.Language), Name, StatusTo, report.Number, s.ToString())])
            .ToArray();
        turn.NumbersChooseButtons = false;
        turn.SayWithButtons(turn.Text("Triage.Status.Prompt", Html.Escape(report.Number), ReportCard.StatusName(report.Status, turn.Language)), rows);
        log.LogInformation("Officer {OfficerId} is choosing a status for report {ReportNumber}", me.Id, report.Number);
    }

    private async Task MoveAsync(Turn turn, Officer me, string number, string statusCode, CancellationToken ct)
    {
        if (await ReportAsync(turn, number, ct) is not { } report)
        {
            return;
        }

        // A forged name and a step no longer allowed (someone moved it meanwhile) read the same: nothing changes.
        if (!TryParse<ReportStatus>(statusCode, out var status) || !await triage.MoveAsync(report, me, status, turn.Now, ct))
        {
            turn.Say("Triage.Status.NotAllowed", Html.Escape(report.Number), ReportCard.StatusName(report.Status, turn.Language));
            return;
        }

        log.LogInformation("Officer {OfficerId} set report {ReportNumber} to {Status}", me.Id, report.Number, status);
        turn.Say("Triage.Status.Done", Html.Escape(report.Number), ReportCard.StatusName(status, turn.Language));
    }

    private async Task OfferPartnersAsync(Turn turn, Officer me, string number, CancellationToken ct)
    {
        if (await ReportAsync(turn, number, ct) is not { } report)
        {
            return;
        }

        if (!report.IsOpen)
        {
            NotOpen(turn, report);
            return;
        }

        if (triage.Partners.Count == 0)
        {
            turn.Say("Triage.Forward.NoPartners");
            return;
        }

        var rows = triage.Partners
            .Select((p, i) => (IReadOnlyList<Button>)[ButtonPress.Button(p.Name, Name, ForwardTo, report.Number, Number(i))])
            .ToArray();
        turn.NumbersChooseButtons = false;
        turn.SayWithButtons(turn.Text("Triage.Forward.Prompt", Html.Escape(report.Number)), rows);
        log.LogInformation("Officer {OfficerId} is choosing a partner for report {ReportNumber}", me.Id, report.Number);
    }

    private async Task ConfirmForwardAsync(Turn turn, Officer me, string number, string index, CancellationToken ct)
    {
        if (Partner(index) is not { } partner)
        {
            await StaleAsync(turn, me, ct);
            return;
        }

        if (await ReportAsync(turn, number, ct) is not { } report)
        {
            return;
        }

        if (!report.IsOpen)
        {
            NotOpen(turn, report);
            return;
        }

        // The version travels with the confirmation: a report that changed since, or a second press, sends nothing.
        turn.NumbersChooseButtons = false;
        turn.SayWithButtons(
            turn.Text("Triage.Forward.Confirm", Html.Escape(report.Number), Html.Escape(partner.Name)),
            [
                ButtonPress.Button(turn.Text("Triage.Button.ForwardYes"), Name, ForwardConfirmed, report.Number, index, Number(report.Version)),
                ButtonPress.Button(turn.Text("Triage.Button.Cancel"), Name, Stop),
            ]);
    }

    private async Task ForwardAsync(Turn turn, Officer me, string number, string index, string version, CancellationToken ct)
    {
        if (Partner(index) is not { } partner || !TryParseNumber(version, out var seen))
        {
            await StaleAsync(turn, me, ct);
            return;
        }

        if (await ReportAsync(turn, number, ct) is not { } report)
        {
            return;
        }

        if (!report.IsOpen)
        {
            NotOpen(turn, report);
            return;
        }

        if (report.Version != seen)
        {
            turn.Say("Triage.Forward.Changed", Html.Escape(report.Number));
            return;
        }

        await triage.ForwardAsync(report, me, partner, turn.Now, ct);
        log.LogInformation("Officer {OfficerId} forwarded report {ReportNumber} to partner {Partner}", me.Id, report.Number, index);
        turn.Say("Triage.Forward.Done", Html.Escape(report.Number), Html.Escape(partner.Name));
    }

    /// <summary>The report a button names; an unknown or forged number gets a polite "not found".</summary>
    private async Task<Report?> ReportAsync(Turn turn, string number, CancellationToken ct)
    {
        var report = await triage.FindAsync(number, ct);
        if (report is null)
        {
            turn.Say("Triage.NotFound");
        }

        return report;
    }

    private ReportPartner? Partner(string index) =>
        TryParseNumber(index, out var i) && i < triage.Partners.Count ? triage.Partners[i] : null;

    private static void NotOpen(Turn turn, Report report) =>
        turn.Say("Triage.NotOpen", Html.Escape(report.Number), ReportCard.StatusName(report.Status, turn.Language));

    private static string StatusFilter(Turn turn, ReportStatus? status) =>
        status is { } s ? ReportCard.StatusName(s, turn.Language) : turn.Text("Triage.List.Open");

    private static string CategoryFilter(Turn turn, ReportCategory? category) =>
        category is { } c ? ReportCard.Category(c, turn.Language) : turn.Text("Triage.List.AnyCategory");

    private static string Chosen(Turn turn, string label, bool chosen) => chosen ? turn.Text("Triage.Button.Chosen", label) : label;

    /// <summary>Both filters from a payload: "all" or an exact name; anything else is a forged button.</summary>
    private static bool TryFilters(string statusCode, string categoryCode, out ReportStatus? status, out ReportCategory? category)
    {
        status = null;
        category = null;
        if (statusCode != All)
        {
            if (!TryParse<ReportStatus>(statusCode, out var parsed))
            {
                return false;
            }

            status = parsed;
        }

        if (categoryCode != All)
        {
            if (!TryParse<ReportCategory>(categoryCode, out var parsed))
            {
                return false;
            }

            category = parsed;
        }

        return true;
    }

    /// <summary>Only a defined value's exact name: Enum.TryParse would also take "7" or "new, closed".</summary>
    private static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (candidate.ToString() == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Code<T>(T? value)
        where T : struct, Enum => value?.ToString() ?? All;

    private static bool TryParseNumber(string text, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    private static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What an officer's conversation waits for: a question (<c>ask</c>) or an internal note (<c>note</c>) on a report.</summary>
public sealed record TriageWait(string Number, string Kind);
