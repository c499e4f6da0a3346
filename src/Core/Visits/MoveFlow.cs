using Microsoft.Extensions.Options;
using Timpora.Core.Conversations;
using Timpora.Core.Conversations.Forms;
using Timpora.Core.Scheduling;

namespace Timpora.Core.Visits;

/// <summary>Moving one of the citizen's visits to another window: pick, confirm. Started from the visit list or a notice.</summary>
public sealed class MoveFlow(Bookings bookings, Availability availability, WorkingCalendar calendar, IOptions<JemputBolaOptions> options)
    : FormFlow<MoveDraft>
{
    public const string FlowName = "move";

    public override string Name => FlowName;

    public override IReadOnlyList<string> Commands { get; } = [];

    /// <summary>Starts for a visit the caller has checked belongs to this chat.</summary>
    public Task StartForAsync(Turn turn, Visit visit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return BeginAsync(turn, new MoveDraft { VisitId = visit.Id, Code = visit.Code, Applicants = visit.Applicants, From = visit.Status == VisitStatus.Booked ? visit.Slot : null }, ct);
    }

    /// <summary>Without a visit there is nothing to move: the list shows what there is.</summary>
    public override Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.StartAsync(VisitsFlow.FlowName, ct);
    }

    protected override Form<MoveDraft> Build(Form<MoveDraft> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form
            .Ask("slot", (turn, d) => turn.Text("Visits.Ask.NewSlot", d.Code), new SlotAnswer(bookings, availability, calendar, options.Value.Windows, a => a.DraftAs<MoveDraft>().Applicants), (d, v) => d.To = v)
            .Confirm((turn, d) => turn.Text(
                "Visits.ConfirmMove",
                d.Code,
                d.From is { } from ? WindowText.Describe(from, turn.Language) : turn.Text("Visits.NoWindow"),
                WindowText.Describe(d.To!, turn.Language)))
            .Finish(MoveAsync);
    }

    private async Task<Finished> MoveAsync(Turn turn, MoveDraft d, CancellationToken ct)
    {
        var visit = await bookings.OwnAsync(turn.Message.Address, d.VisitId, ct);
        if (visit is not { IsOpen: true })
        {
            turn.Say("Visits.NotFound");
            await turn.StartAsync(VisitsFlow.FlowName, ct);
            return Finished.Done;
        }

        if (await bookings.MoveAsync(visit, d.To!, turn.Now, ct) is not null)
        {
            return Finished.Return("slot", turn.Text("Visit.SlotTaken"));
        }

        turn.Say("Visits.Moved", visit.Code, WindowText.Describe(visit.Slot, turn.Language));
        await turn.StartAsync(ConversationEngine.MenuFlow, ct);
        return Finished.Done;
    }
}

public sealed class MoveDraft
{
    public long VisitId { get; set; }

    public string Code { get; set; } = "";

    public int Applicants { get; set; }

    public Slot? From { get; set; }

    public Slot? To { get; set; }
}
