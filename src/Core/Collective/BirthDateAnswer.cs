using Timpora.Core.Conversations.Forms;
using Timpora.Core.Scheduling;

namespace Timpora.Core.Collective;

/// <summary>A typed date of birth (<see cref="BirthDates.Parse"/>), checked against today in office time.</summary>
public sealed class BirthDateAnswer(WorkingCalendar calendar) : IAnswer<DateOnly>
{
    public bool NumbersPickButtons => false;

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct) => ValueTask.FromResult(Question.Plain);

    public ValueTask<Parsed<DateOnly>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Typed is not { } text || reply.Message.Kind != Messaging.IncomingKind.Text)
        {
            return ValueTask.FromResult(Parsed<DateOnly>.Refuse(asking.Text("Join.BirthDate.Empty", BirthDates.OldestYears)));
        }

        var check = BirthDates.Parse(text, calendar.Today(asking.Now));
        return ValueTask.FromResult(check.IsValid
            ? Parsed<DateOnly>.Accept(check.Date.Value)
            : Parsed<DateOnly>.Refuse(asking.Text($"Join.BirthDate.{check.Problem}", BirthDates.OldestYears)));
    }
}
