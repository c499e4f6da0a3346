using Timpora.Core.Conversations.Forms;
using Timpora.Core.Messaging;
using Timpora.Core.Parsing;
using Timpora.Core.Scheduling;

namespace Timpora.Core.Visits;

/// <summary>
/// A visit window: the next open ones as buttons, or a typed day ("besok", "Senin depan", "5/1", "5 Januari") whose
/// open windows are then offered. A full, past or closed window is explained, with the reason, and never taken.
/// </summary>
public sealed class SlotAnswer(Bookings bookings, Availability availability, WorkingCalendar calendar, IReadOnlyList<VisitWindow> windows, Func<Asking, int> applicants)
    : IAnswer<Slot>
{
    /// <summary>Enough for the next few working days without scrolling on a small phone.</summary>
    private const int Offered = 8;

    public async ValueTask<Question> AskAsync(Asking asking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        var open = await bookings.OpenSlotsAsync(asking.Now, applicants(asking), Offered, ct);
        return new Question
        {
            Choices = Buttons(asking, open, withDay: true),
            Note = asking.Text(open.Count == 0 ? "Slot.NoneOpen" : "Slot.TypeADay"),
        };
    }

    public async ValueTask<Parsed<Slot>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Pressed is { } pressed)
        {
            if (!Slot.TryParseKey(pressed, windows, out var slot))
            {
                return Parsed<Slot>.Refuse(asking.Text("Slot.Problem.NoSuchWindow"));
            }

            var problem = await bookings.CheckAsync(slot, asking.Now, applicants(asking), ct);
            return problem is null ? Parsed<Slot>.Accept(slot) : Parsed<Slot>.Refuse(Explain(asking, problem.Value, slot.Date));
        }

        if (TypedDate.Parse(reply.Typed, calendar.Today(asking.Now)) is not { } day)
        {
            return Parsed<Slot>.Refuse(asking.Text("Slot.NotUnderstood"));
        }

        // The day's windows, each checked as a press would be, so what is offered can be booked.
        var open = new List<Slot>();
        SlotProblem? first = null;
        foreach (var window in availability.WindowsOn(day))
        {
            var problem = await bookings.CheckAsync(window, asking.Now, applicants(asking), ct);
            if (problem is null)
            {
                open.Add(window);
            }
            else
            {
                first ??= problem;
            }
        }

        if (open.Count > 0)
        {
            var prompt = asking.Text("Slot.OnDay", WindowText.Day(day, asking.Language));
            return Parsed<Slot>.Narrow(prompt, new Question { Choices = Buttons(asking, open, withDay: false) });
        }

        return Parsed<Slot>.Refuse(Explain(asking, first ?? SlotProblem.NotWorkingDay, day));
    }

    private static List<IReadOnlyList<Button>> Buttons(Asking asking, IReadOnlyList<Slot> slots, bool withDay) =>
        [.. slots.Select(s => (IReadOnlyList<Button>)[asking.Choice(Label(asking, s, withDay), s.Key)])];

    private static string Label(Asking asking, Slot slot, bool withDay)
    {
        var time = $"{WindowText.Time(slot.Starts)}–{WindowText.Time(slot.Ends)}";
        return withDay ? $"{WindowText.ShortDay(slot.Date, asking.Language)} · {time}" : time;
    }

    private string Explain(Asking asking, SlotProblem problem, DateOnly day)
    {
        var dayText = WindowText.Day(day, asking.Language);
        var holiday = calendar.HolidayOn(day)?.Name ?? "";
        // The collective sessions' book words the day their officers are away, next to the sessions' other texts.
        var key = problem == SlotProblem.OfficersAway ? "SessionNotice.Slot.OfficersAway" : $"Slot.Problem.{problem}";
        return asking.Text(key, dayText, Html.Escape(holiday));
    }
}
