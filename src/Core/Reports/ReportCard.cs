using System.Text;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;
using Timpora.Core.Visits;

namespace Timpora.Core.Reports;

/// <summary>
/// How a report reads: for officers (everything, with their buttons), for a partner agency (nothing the office keeps
/// internal) and for the reporter (status and the conversation with the officers).
/// </summary>
public sealed class ReportCard(WorkingCalendar calendar)
{
    /// <summary>The officers' flow, whose buttons the card carries.</summary>
    public const string TriageFlow = "triage";

    public const string Claim = "claim";
    public const string Ask = "ask";
    public const string Note = "note";
    public const string Forward = "fwd";
    public const string Status = "st";

    private const int ThreadShown = 10;

    /// <param name="thread">The report's entries, oldest first; the last ones are shown.</param>
    /// <param name="claimedBy">The name of the officer who claimed it, when claimed.</param>
    public OutgoingMessage ForStaff(Report report, IReadOnlyList<ReportThreadLine> thread, string? claimedBy, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(thread);
        var text = new StringBuilder();
        text.Append(Texts.Format(language, "Triage.Card.Title", Html.Escape(report.Number), Category(report.Category, language)));
        var claim = claimedBy is { } name
            ? Texts.Format(language, "Triage.Card.ClaimedBy", Html.Escape(name))
            : Texts.Get(language, "Triage.Card.Unclaimed");
        text.Append('\n').Append(Texts.Format(language, "Triage.Card.Status", StatusName(report.Status, language), claim));
        text.Append('\n').Append(Texts.Format(language, "Triage.Card.Submitted", Hour(report.SubmittedAt, language)));
        AppendFacts(text, report, language);
        text.Append("\n\n").Append(Html.Escape(report.Text));

        var shown = thread.TakeLast(ThreadShown).ToList();
        if (shown.Count > 0)
        {
            text.Append("\n\n").Append(Texts.Get(language, "Triage.Card.Thread"));
            foreach (var line in shown)
            {
                text.Append('\n').Append(Line(line, language));
            }
        }

        var id = report.Number;
        var rows = new List<IReadOnlyList<Button>>();
        if (report.IsOpen)
        {
            var first = new List<Button>();
            if (report.ClaimedBy is null)
            {
                first.Add(ButtonPress.Button(Texts.Get(language, "Triage.Button.Claim"), TriageFlow, Claim, id));
            }

            first.Add(ButtonPress.Button(Texts.Get(language, "Triage.Button.Ask"), TriageFlow, Ask, id));
            rows.Add(first);
            rows.Add(
            [
                ButtonPress.Button(Texts.Get(language, "Triage.Button.Status"), TriageFlow, Status, id),
                ButtonPress.Button(Texts.Get(language, "Triage.Button.Forward"), TriageFlow, Forward, id),
            ]);
        }

        rows.Add([ButtonPress.Button(Texts.Get(language, "Triage.Button.Note"), TriageFlow, Note, id)]);
        return new OutgoingMessage { Text = text.ToString(), Buttons = rows };
    }

    /// <summary>For a partner agency: what was reported and what the reporter added; no notes, no officers, no buttons.</summary>
    public OutgoingMessage ForPartner(Report report, IReadOnlyList<ReportThreadLine> thread, string officeName)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(thread);
        var language = ReportDesk.StaffLanguage;
        var text = new StringBuilder();
        text.Append(Texts.Format(language, "Triage.Partner.Title", Html.Escape(officeName), Html.Escape(report.Number), Category(report.Category, language)));
        text.Append('\n').Append(Texts.Format(language, "Triage.Card.Submitted", Hour(report.SubmittedAt, language)));
        AppendFacts(text, report, language);
        text.Append("\n\n").Append(Html.Escape(report.Text));
        var fromReporter = thread.Where(l => !ReportEntry.Internal(l.Kind)).ToList();
        if (fromReporter.Count > 0)
        {
            text.Append("\n\n").Append(Texts.Get(language, "Triage.Card.Thread"));
            foreach (var line in fromReporter)
            {
                text.Append('\n').Append(Line(line with { Officer = null }, language));
            }
        }

        text.Append("\n\n").Append(Texts.Get(language, "Triage.Partner.Footer"));
        return OutgoingMessage.Say(text.ToString());
    }

    /// <summary>For the reporter under /status: the status and the questions and answers, never notes or officers' names.</summary>
    public string ForReporter(Report report, IReadOnlyList<ReportThreadLine> thread, int photos, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(thread);
        var text = new StringBuilder();
        text.Append(Texts.Format(language, "Status.Card.Title", Category(report.Category, language), StatusName(report.Status, language)));
        text.Append('\n').Append(Texts.Get(language, $"Status.Card.Meaning.{report.Status}"));
        text.Append('\n').Append(Texts.Format(language, "Status.Card.Submitted", Hour(report.SubmittedAt, language), photos));
        var visible = thread.Where(l => !ReportEntry.Internal(l.Kind)).TakeLast(ThreadShown).ToList();
        if (visible.Count > 0)
        {
            text.Append("\n\n").Append(Texts.Get(language, "Status.Card.Thread"));
            foreach (var line in visible)
            {
                text.Append('\n').Append(Line(line with { Officer = null }, language));
            }
        }

        return text.ToString();
    }

    public static string Category(ReportCategory category, Language language) => Texts.Get(language, $"Report.Category.{category}");

    public static string StatusName(ReportStatus status, Language language) => Texts.Get(language, $"Report.Status.{status}");

    /// <summary>"Minggu, 22 November 2026, 10.00–11.00": the hour (office time) a report or addition arrived, never the minute.</summary>
    public string Hour(DateTime hourUtc, Language language)
    {
        var local = calendar.Local(hourUtc);
        var day = WindowText.Day(DateOnly.FromDateTime(local), language);
        var from = TimeOnly.FromDateTime(local);
        return Texts.Format(language, "Triage.Card.Hour", day, WindowText.Time(from), WindowText.Time(from.AddHours(1)));
    }

    private static void AppendFacts(StringBuilder text, Report report, Language language)
    {
        text.Append('\n').Append(Texts.Format(language, "Triage.Card.Seen", Seen(report, language)));
        var place = report.PlaceText is { } typed
            ? Html.Escape(typed)
            : Texts.Get(language, "Triage.Card.PinBelow");
        text.Append('\n').Append(Texts.Format(language, "Triage.Card.Place", place));
        if (report.OutsideArea)
        {
            text.Append('\n').Append(Texts.Get(language, "Triage.Card.Outside"));
        }

        if (report.People is { } people)
        {
            text.Append('\n').Append(Texts.Format(language, "Triage.Card.People", people));
        }

        if (report.Nationality is { } nationality)
        {
            text.Append('\n').Append(Texts.Format(language, "Triage.Card.Nationality", Html.Escape(nationality)));
        }
    }

    public static string Seen(Report report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var day = WindowText.Day(report.SeenOn, language);
        return Texts.Format(language, $"Report.Seen.On.{report.Seen}", day);
    }

    private static string Line(ReportThreadLine line, Language language)
    {
        var who = line.Officer is { } officer ? Html.Escape(officer) : "";
        return Texts.Format(language, $"Triage.Thread.{line.Kind}", who, Html.Escape(line.Text));
    }
}

/// <summary>One thread entry as shown: the kind, the text, and the officer's name where one wrote it.</summary>
public sealed record ReportThreadLine(ReportEntryKind Kind, string Text, string? Officer);
