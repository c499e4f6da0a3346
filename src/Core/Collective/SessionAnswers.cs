using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Conversations;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Parsing;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Visits;

namespace Timpora.Core.Collective;

/// <summary>Whether the office can still go out on a day: after today, a working day, not closed, and not too far ahead.</summary>
public sealed class SessionDays(WorkingCalendar calendar, TimporaDb db, int horizonDays)
{
    public DateOnly Latest(DateOnly today) => today.AddDays(horizonDays);

    /// <summary>Why the day cannot be used (HTML in <paramref name="language"/>), or null.</summary>
    /// <param name="withinHorizon">
    /// A date the office offers must be within the horizon; one the coordinator asked for was checked when asked, and
    /// the office may still honour it.
    /// </param>
    public async Task<string?> ProblemAsync(DateOnly date, DateOnly today, bool withinHorizon, Language language, CancellationToken ct)
    {
        var day = WindowText.Day(date, language);
        if (date <= today)
        {
            return Texts.Format(language, "Session.Day.Past", day);
        }

        if (withinHorizon && date > Latest(today))
        {
            return Texts.Format(language, "Session.Day.TooFar", day, WindowText.Day(Latest(today), language));
        }

        if (calendar.HolidayOn(date) is { } holiday)
        {
            return Texts.Format(language, "Session.Day.Holiday", day, Html.Escape(holiday.Name));
        }

        if (!calendar.IsWorkingDay(date))
        {
            return Texts.Format(language, "Session.Day.NotWorking", day);
        }

        return await db.ClosedDays.AnyAsync(d => d.Date == date, ct) ? Texts.Format(language, "Session.Day.Closed", day) : null;
    }
}

/// <summary>One of the request's preferred dates, as buttons; one no longer possible (past, a closed day) is marked and refused.</summary>
public sealed class SessionPreferredAnswer(SessionDays days, WorkingCalendar calendar) : IAnswer<PreferredDate?>
{
    private const string Gone = "✗ ";

    public async ValueTask<Question> AskAsync(Asking asking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        var today = calendar.Today(asking.Now);
        var rows = new List<IReadOnlyList<Button>>();
        var problems = new List<string>();
        var preferred = asking.DraftAs<DecisionDraft>().PreferredDates;
        foreach (var date in preferred)
        {
            var when = SessionOfficeCard.When(date, asking.Language);
            var problem = await days.ProblemAsync(date.Date, today, withinHorizon: false, asking.Language, ct);
            if (problem is not null)
            {
                problems.Add(asking.Text("Session.Preferred.Gone", when, problem));
            }

            rows.Add([asking.Choice(problem is null ? when : Gone + when, date.Key)]);
        }

        if (problems.Count == preferred.Count)
        {
            problems.Add(asking.Text("Session.Preferred.NoneLeft"));
        }

        return new Question { Choices = rows, Note = problems.Count == 0 ? null : string.Join('\n', problems) };
    }

    public async ValueTask<Parsed<PreferredDate?>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        if (!PreferredDate.TryParseKey(reply.Pressed, out var chosen) || !asking.DraftAs<DecisionDraft>().PreferredDates.Contains(chosen))
        {
            return Parsed<PreferredDate?>.Refuse(asking.Text("Form.PickOne"));
        }

        var problem = await days.ProblemAsync(chosen.Date, calendar.Today(asking.Now), withinHorizon: false, asking.Language, ct);
        return problem is null ? Parsed<PreferredDate?>.Accept(chosen) : Parsed<PreferredDate?>.Refuse(problem);
    }
}

/// <summary>Another date the office offers, typed ("Senin depan", "12/2", "12 Februari"): a working day within the horizon.</summary>
public sealed class SessionDayAnswer(SessionDays days, WorkingCalendar calendar) : IAnswer<DateOnly?>
{
    public bool NumbersPickButtons => false;

    public string Prompt(Turn turn, DecisionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(draft);
        var latest = WindowText.Day(days.Latest(calendar.Today(turn.Now)), turn.Language);
        return turn.Text("Session.Ask.Day", Html.Escape(draft.Code), Html.Escape(draft.Organisation), latest);
    }

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct) => ValueTask.FromResult(Question.Plain);

    public async ValueTask<Parsed<DateOnly?>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        var today = calendar.Today(asking.Now);
        if (TypedDate.Parse(reply.Typed, today) is not { } date)
        {
            return Parsed<DateOnly?>.Refuse(asking.Text("Session.Day.NotUnderstood"));
        }

        var problem = await days.ProblemAsync(date, today, withinHorizon: true, asking.Language, ct);
        return problem is null ? Parsed<DateOnly?>.Accept(date) : Parsed<DateOnly?>.Refuse(problem);
    }
}

/// <summary>
/// When the session starts: buttons every half hour for two hours from the part of day asked for (both parts for a
/// date the office offers), or a typed time such as "09.30" or "9:30", within the office's hours that day.
/// </summary>
public sealed partial class SessionTimeAnswer(CollectiveOptions collective, OfficeOptions office) : IAnswer<TimeOnly?>
{
    private const string KeyFormat = "HHmm";
    private const int StepMinutes = 30;
    private const int Steps = 4;

    public int SetupMinutes => collective.SetupMinutes;

    public bool NumbersPickButtons => false;

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        var draft = asking.DraftAs<DecisionDraft>();
        var date = draft.Date ?? default;
        DayPart[] parts = draft.Chosen is { } chosen ? [chosen.Part] : [DayPart.Morning, DayPart.Afternoon];
        var rows = parts
            .Select(part => (IReadOnlyList<Button>)[.. Around(part).Where(t => Within(date, t)).Select(t => asking.Choice(WindowText.Time(t), Key(t)))])
            .Where(row => row.Count > 0)
            .ToList();
        return ValueTask.FromResult(new Question { Choices = rows });
    }

    public ValueTask<Parsed<TimeOnly?>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        var time = reply.Pressed is { } pressed ? FromKey(pressed) : FromTyped(reply.Typed);
        if (time is not { } starts)
        {
            return Refuse(asking.Text("Session.Time.NotUnderstood"));
        }

        var date = asking.DraftAs<DecisionDraft>().Date ?? default;
        if (!Within(date, starts))
        {
            var hours = Hours(date);
            return Refuse(asking.Text("Session.Time.Outside", WindowText.Time(hours?.Opens ?? default), WindowText.Time(hours?.Closes ?? default)));
        }

        return ValueTask.FromResult(Parsed<TimeOnly?>.Accept(starts));
    }

    private static ValueTask<Parsed<TimeOnly?>> Refuse(string problem) => ValueTask.FromResult(Parsed<TimeOnly?>.Refuse(problem));

    private static string Key(TimeOnly time) => time.ToString(KeyFormat, CultureInfo.InvariantCulture);

    private static TimeOnly? FromKey(string key) =>
        TimeOnly.TryParseExact(key, KeyFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static TimeOnly? FromTyped(string? typed)
    {
        if (typed is null || TypedTime().Match(typed) is not { Success: true } match)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        return hour < 24 && minute < 60 ? new TimeOnly(hour, minute) : null;
    }

    private IEnumerable<TimeOnly> Around(DayPart part)
    {
        var first = part == DayPart.Morning ? collective.MorningStarts : collective.AfternoonStarts;
        return Enumerable.Range(0, Steps + 1).Select(i => first.AddMinutes(i * StepMinutes));
    }

    private OfficeHours? Hours(DateOnly date) => office.Hours.FirstOrDefault(h => h.Days.Contains(date.DayOfWeek));

    private bool Within(DateOnly date, TimeOnly time) => Hours(date) is { } hours && time >= hours.Opens && time < hours.Closes;

    [GeneratedRegex(@"^(?<h>[0-9]{1,2})[.:](?<m>[0-9]{2})(?:\s*wib)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TypedTime();
}

/// <summary>
/// The officers who go: a list of the active officers to tap on and off (✓ marks the chosen) and a Done button. An
/// officer already at another approved session that day is not offered and cannot be chosen. Under the list: how
/// many Jemput Bola visits that day has, and how many field officers would be left for them, because the officers
/// who go are out of that day's plan.
/// </summary>
public sealed class SessionTeamAnswer(Officers.Officers officers, Sessions sessions, TimporaDb db) : IAnswer<List<long>?>
{
    private const string Done = "done";
    private const string Toggle = "t";
    private const string Mark = "✓ ";

    public static string Prompt(Turn turn, DecisionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(draft);
        return turn.Text("Session.Ask.Team", draft.Date is { } date ? WindowText.Day(date, turn.Language) : "");
    }

    public async ValueTask<Question> AskAsync(Asking asking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        var draft = asking.DraftAs<DecisionDraft>();
        var view = await ViewAsync(draft.Date ?? default, ct);
        return new Question { Choices = Buttons(asking, view, draft.Officers), Note = Note(asking, view, draft.Officers) };
    }

    public async ValueTask<Parsed<List<long>?>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        var draft = asking.DraftAs<DecisionDraft>();
        var date = draft.Date ?? default;
        var view = await ViewAsync(date, ct);
        if (reply.Pressed == Done)
        {
            // Someone may have left, or gone to another session, since they were ticked: they drop off the list.
            var problem = Problem(asking.Language, view, date, draft.Officers);
            draft.Officers.RemoveAll(id => !view.Free.Any(o => o.Id == id));
            if (problem is not null)
            {
                return Parsed<List<long>?>.Refuse(problem);
            }

            draft.Names = [.. view.Free.Where(o => draft.Officers.Contains(o.Id)).Select(o => o.Name)];
            return Parsed<List<long>?>.Accept([.. draft.Officers]);
        }

        if (reply.Pressed is not { } pressed || !pressed.StartsWith(Toggle, StringComparison.Ordinal)
            || !long.TryParse(pressed.AsSpan(Toggle.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Parsed<List<long>?>.Refuse(asking.Text("Form.PickOne"));
        }

        if (view.Away.FirstOrDefault(o => o.Id == id) is { } away)
        {
            return Parsed<List<long>?>.Refuse(asking.Text("Session.Team.IsAway", Html.Escape(away.Name), WindowText.Day(date, asking.Language)));
        }

        if (!view.Free.Any(o => o.Id == id))
        {
            return Parsed<List<long>?>.Refuse(asking.Text("Session.Team.Gone"));
        }

        if (!draft.Officers.Remove(id))
        {
            draft.Officers.Add(id);
        }

        var prompt = Prompt(asking.Turn, draft) + "\n\n" + Note(asking, view, draft.Officers);
        return Parsed<List<long>?>.Narrow(prompt, new Question { Choices = Buttons(asking, view, draft.Officers) });
    }

    /// <summary>Why these officers cannot go on the date (HTML), or null; checked again when the decision is confirmed.</summary>
    public async Task<string?> ProblemAsync(DateOnly date, IReadOnlyCollection<long> chosen, Language language, CancellationToken ct) =>
        Problem(language, await ViewAsync(date, ct), date, chosen);

    private static string? Problem(Language language, TeamView view, DateOnly date, IReadOnlyCollection<long> chosen)
    {
        if (view.Away.FirstOrDefault(o => chosen.Contains(o.Id)) is { } away)
        {
            return Texts.Format(language, "Session.Team.IsAway", Html.Escape(away.Name), WindowText.Day(date, language));
        }

        if (chosen.Any(id => !view.Free.Any(o => o.Id == id)))
        {
            return Texts.Get(language, "Session.Team.Gone");
        }

        return chosen.Count == 0 ? Texts.Get(language, "Session.Team.NoneChosen") : null;
    }

    private static List<IReadOnlyList<Button>> Buttons(Asking asking, TeamView view, List<long> chosen)
    {
        var rows = view.Free
            .Select(o => asking.Choice(chosen.Contains(o.Id) ? Mark + o.Name : o.Name, Toggle + o.Id.ToString(CultureInfo.InvariantCulture)))
            .Chunk(2)
            .Select(row => (IReadOnlyList<Button>)row)
            .ToList();
        rows.Add([asking.Choice(asking.Text("Session.Button.Done"), Done)]);
        return rows;
    }

    private static string Note(Asking asking, TeamView view, List<long> chosen)
    {
        var lines = new List<string>();
        if (view.Free.Count == 0)
        {
            lines.Add(asking.Text("Session.Team.NoOfficers"));
        }

        var names = view.Free.Where(o => chosen.Contains(o.Id)).Select(o => Html.Escape(o.Name)).ToList();
        lines.Add(names.Count == 0 ? asking.Text("Session.Team.NoneYet") : asking.Text("Session.Team.Chosen", string.Join(", ", names)));
        if (view.Away.Count > 0)
        {
            lines.Add(asking.Text("Session.Team.Away", string.Join(", ", view.Away.Select(o => Html.Escape(o.Name)))));
        }

        var remaining = view.Field.Count(o => !chosen.Contains(o.Id) && !view.Away.Any(a => a.Id == o.Id));
        lines.Add(asking.Text("Session.Team.Visits", view.Visits, remaining));
        return string.Join('\n', lines);
    }

    private async Task<TeamView> ViewAsync(DateOnly date, CancellationToken ct)
    {
        var active = await officers.ActiveAsync(ct);
        var awayIds = await sessions.OfficersPromisedAsync(date, ct);
        var visits = await db.Visits.CountAsync(v => v.Date == date && v.Status == VisitStatus.Booked, ct);

        // The same pool the day's plan draws from: the field officers, or everyone when no one has that role.
        var field = active.Where(o => o.Role == OfficerRole.Officer).ToList();
        return new TeamView(
            [.. active.Where(o => !awayIds.Contains(o.Id))],
            [.. active.Where(o => awayIds.Contains(o.Id))],
            field.Count > 0 ? field : active,
            visits);
    }

    private sealed record TeamView(IReadOnlyList<Officer> Free, IReadOnlyList<Officer> Away, IReadOnlyList<Officer> Field, int Visits);
}
