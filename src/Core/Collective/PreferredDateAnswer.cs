using System.Globalization;
using Timpora.Core.Conversations;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Messaging;
using Timpora.Core.Parsing;
using Timpora.Core.Scheduling;
using Timpora.Core.Visits;

namespace Timpora.Core.Collective;

/// <summary>
/// One preferred date with morning or afternoon. The next suitable days are buttons; any other day can be typed
/// ("Senin depan", "20/1", "20 Januari", "20/1 pagi"). A day without a part is asked "morning or afternoon?". A day
/// that cannot be proposed is explained: past, weekend, the holiday by name, too soon with the earliest day, too far
/// with the latest, or already chosen.
/// </summary>
/// <param name="earlier">The dates chosen at the steps before this one: the same date twice is no second choice.</param>
public sealed class PreferredDateAnswer(PreferredDateRules rules, Func<Asking, IReadOnlyCollection<DateOnly>> earlier) : IAnswer<PreferredDate>
{
    private const string DayFormat = "yyyyMMdd";

    /// <summary>Two weeks of working days fit on a phone screen without scrolling.</summary>
    private const int Offered = 6;

    private static readonly Dictionary<string, DayPart> PartWords = new(StringComparer.Ordinal)
    {
        ["pagi"] = DayPart.Morning,
        ["morning"] = DayPart.Morning,
        ["siang"] = DayPart.Afternoon,
        ["sore"] = DayPart.Afternoon,
        ["afternoon"] = DayPart.Afternoon,
    };

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        var today = rules.Today(asking.Now);
        var taken = earlier(asking);
        var days = rules.OpenDays(today, taken).Take(Offered).ToList();
        var buttons = days
            .Select(d => asking.Choice(WindowText.ShortDay(d, asking.Language), d.ToString(DayFormat, CultureInfo.InvariantCulture)))
            .Chunk(3)
            .Select(row => (IReadOnlyList<Button>)row)
            .ToList();
        return ValueTask.FromResult(new Question
        {
            Choices = buttons,
            Note = asking.Text("Collective.Date.Hint", Day(asking, rules.Earliest(today, taken)), Day(asking, rules.Latest(today, taken))),
        });
    }

    public ValueTask<Parsed<PreferredDate>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        return ValueTask.FromResult(Read(asking, reply));
    }

    /// <summary>"Senin, 12 Januari 2026, pagi (mulai 08.00 WIB)", for summaries and messages.</summary>
    public static string Describe(PreferredDate preferred, Language language, CollectiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(preferred);
        ArgumentNullException.ThrowIfNull(options);
        var part = preferred.Part == DayPart.Morning
            ? Texts.Format(language, "Collective.Date.Morning", WindowText.Time(options.MorningStarts))
            : Texts.Format(language, "Collective.Date.Afternoon", WindowText.Time(options.AfternoonStarts));
        return Texts.Format(language, "Collective.Date.Line", WindowText.Day(preferred.Date, language), part);
    }

    private Parsed<PreferredDate> Read(Asking asking, Reply reply)
    {
        if (reply.Pressed is { } pressed)
        {
            if (PreferredDate.TryParseKey(pressed, out var chosen))
            {
                return Checked(asking, chosen.Date, chosen.Part);
            }

            return DateOnly.TryParseExact(pressed, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? Checked(asking, day, part: null)
                : Parsed<PreferredDate>.Refuse(asking.Text("Collective.Date.NoSuchChoice"));
        }

        var (text, typedPart) = SplitPart(reply.Typed);
        return TypedDate.Parse(text, rules.Today(asking.Now)) is { } typed
            ? Checked(asking, typed, typedPart)
            : Parsed<PreferredDate>.Refuse(asking.Text("Collective.Date.NotUnderstood"));
    }

    // A button or a typed day goes through the same rules: a forged or stale press proposes nothing it could not type.
    private Parsed<PreferredDate> Checked(Asking asking, DateOnly day, DayPart? part)
    {
        if (rules.Problem(asking.Turn, day, earlier(asking)) is { } problem)
        {
            return Parsed<PreferredDate>.Refuse(problem);
        }

        if (part is { } known)
        {
            return Parsed<PreferredDate>.Accept(new PreferredDate(day, known));
        }

        var options = rules.Options;
        var morning = new PreferredDate(day, DayPart.Morning);
        var afternoon = new PreferredDate(day, DayPart.Afternoon);
        return Parsed<PreferredDate>.Narrow(
            asking.Text("Collective.Date.ChoosePart", Day(asking, day)),
            new Question
            {
                Choices =
                [
                    [asking.Choice(asking.Text("Collective.Date.MorningButton", WindowText.Time(options.MorningStarts)), morning.Key)],
                    [asking.Choice(asking.Text("Collective.Date.AfternoonButton", WindowText.Time(options.AfternoonStarts)), afternoon.Key)],
                ],
            });
    }

    // "20/1 pagi" or "next Monday, afternoon": the part at the end, the day before it.
    private static (string? Text, DayPart? Part) SplitPart(string? typed)
    {
        var words = (typed ?? "").Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && PartWords.TryGetValue(words[^1].ToLowerInvariant(), out var part)
            ? (string.Join(' ', words[..^1]), part)
            : (typed, null);
    }

    private static string Day(Asking asking, DateOnly day) => WindowText.Day(day, asking.Language);
}

/// <summary>
/// Which days a group may propose (domain.md §2): a working day, neither a holiday nor cuti bersama, at least
/// MinimumLeadDays and at most HorizonDays ahead of today in office time, and not one already chosen.
/// </summary>
public sealed class PreferredDateRules(WorkingCalendar calendar, CollectiveOptions options)
{
    public CollectiveOptions Options => options;

    public DateOnly Today(DateTimeOffset now) => calendar.Today(now);

    /// <summary>Every day that may be proposed, in order.</summary>
    public IEnumerable<DateOnly> PossibleDays(DateOnly today) =>
        calendar.WorkingDaysFrom(today.AddDays(options.MinimumLeadDays)).TakeWhile(d => d <= today.AddDays(options.HorizonDays));

    /// <summary>The days that may still be proposed: possible and not already chosen.</summary>
    public IEnumerable<DateOnly> OpenDays(DateOnly today, IReadOnlyCollection<DateOnly> taken) => PossibleDays(today).Where(d => !taken.Contains(d));

    public DateOnly Earliest(DateOnly today, IReadOnlyCollection<DateOnly> taken) =>
        OpenDays(today, taken).DefaultIfEmpty(today.AddDays(options.MinimumLeadDays)).First();

    public DateOnly Latest(DateOnly today, IReadOnlyCollection<DateOnly> taken) =>
        OpenDays(today, taken).DefaultIfEmpty(today.AddDays(options.HorizonDays)).Last();

    /// <summary>Why the day cannot be proposed, in the person's language; null when it can.</summary>
    public string? Problem(Turn turn, DateOnly day, IReadOnlyCollection<DateOnly> taken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(taken);
        var today = Today(turn.Now);
        var dayText = WindowText.Day(day, turn.Language);
        if (day < today)
        {
            return turn.Text("Collective.Date.Past", dayText);
        }

        if (calendar.HolidayOn(day) is { } holiday)
        {
            return turn.Text(holiday.CutiBersama ? "Collective.Date.CutiBersama" : "Collective.Date.Holiday", dayText, Html.Escape(holiday.Name));
        }

        if (!calendar.IsWorkingDay(day))
        {
            return turn.Text("Collective.Date.NotWorkingDay", dayText);
        }

        if (day < today.AddDays(options.MinimumLeadDays))
        {
            return turn.Text("Collective.Date.TooSoon", dayText, options.MinimumLeadDays, WindowText.Day(Earliest(today, taken), turn.Language));
        }

        if (day > today.AddDays(options.HorizonDays))
        {
            return turn.Text("Collective.Date.BeyondHorizon", dayText, options.HorizonDays, WindowText.Day(Latest(today, taken), turn.Language));
        }

        return taken.Contains(day) ? turn.Text("Collective.Date.Repeated", dayText) : null;
    }
}
