using Timpora.Core.Conversations.Forms;
using Timpora.Core.Messaging;
using Timpora.Core.Parsing;
using Timpora.Core.Scheduling;
using Timpora.Core.Visits;

namespace Timpora.Core.Reports;

/// <summary>When it was seen: today, yesterday, this week or earlier as buttons, or a day typed ("kemarin", "15/11").</summary>
public sealed class SeenAnswer(WorkingCalendar calendar) : IAnswer<Seen>
{
    private static readonly SeenPeriod[] Periods = [SeenPeriod.Today, SeenPeriod.Yesterday, SeenPeriod.ThisWeek, SeenPeriod.Earlier];

    public bool NumbersPickButtons => false;

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        var rows = Periods.Select(p => (IReadOnlyList<Button>)[asking.Choice(asking.Text($"Report.Seen.{p}"), p.ToString())]).ToList();
        return ValueTask.FromResult(new Question { Choices = rows });
    }

    public ValueTask<Parsed<Seen>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        var today = calendar.Today(asking.Now);
        if (reply.Pressed is { } pressed)
        {
            var period = Periods.FirstOrDefault(p => p.ToString() == pressed);
            return Done(period == default ? Parsed<Seen>.Refuse(asking.Text("Form.PickOne")) : Parsed<Seen>.Accept(new Seen(period, null)));
        }

        if (reply.Typed is not { } typed || reply.Message.Kind != IncomingKind.Text)
        {
            return Done(Parsed<Seen>.Refuse(asking.Text("Report.Seen.Expected")));
        }

        if (TypedDate.ParsePast(typed, today) is { } day)
        {
            return Done(Parsed<Seen>.Accept(new Seen(SeenPeriod.OnDate, day)));
        }

        return Done(TypedDate.Parse(typed, today) is { } future && future > today
            ? Parsed<Seen>.Refuse(asking.Text("Report.Seen.Future", WindowText.Day(future, asking.Language)))
            : Parsed<Seen>.Refuse(asking.Text("Report.Seen.Expected")));
    }

    private static ValueTask<Parsed<Seen>> Done(Parsed<Seen> parsed) => ValueTask.FromResult(parsed);
}

/// <summary>When it was seen, as answered: a period, or a day (with <see cref="SeenPeriod.OnDate"/>).</summary>
public sealed record Seen(SeenPeriod Period, DateOnly? Date);
