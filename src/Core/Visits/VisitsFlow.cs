using System.Globalization;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Core.Visits;

/// <summary>
/// The citizen's upcoming visits (<c>/kunjungan</c>), each with reschedule and cancel. Visit ids in buttons are user
/// input: every press looks the visit up among this chat's own.
/// </summary>
public sealed class VisitsFlow(Bookings bookings, MoveFlow move) : IFlow
{
    public const string FlowName = "visits";

    public string Name => FlowName;

    public IReadOnlyList<string> Commands { get; } = ["kunjungan", "visits"];

    public async Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.End();
        var visits = await bookings.UpcomingAsync(turn.Message.Address, turn.Now, ct);
        if (visits.Count == 0)
        {
            turn.SayWithButtons(
                turn.Text("Visits.None"),
                [ButtonPress.Button(turn.Text("Visits.BookOne"), Name, "book")],
                [ButtonPress.Button(turn.Text("Visits.Menu"), Name, "menu")]);
            return;
        }

        turn.Say("Visits.Header", visits.Count);
        foreach (var visit in visits)
        {
            turn.SayWithButtons(
                Describe(turn, visit),
                [
                    ButtonPress.Button(turn.Text("Visits.Move"), Name, "move", Id(visit)),
                    ButtonPress.Button(turn.Text("Visits.Cancel"), Name, "cancel", Id(visit)),
                ],
                [ButtonPress.Button(turn.Text("Visits.Menu"), Name, "menu")]);
        }
    }

    public async Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(press);
        switch (press.Action)
        {
            case "book":
                await turn.StartAsync(BookingFlow.FlowName, ct);
                return;
            case "menu":
                await turn.StartAsync(ConversationEngine.MenuFlow, ct);
                return;
            case "show":
                await StartAsync(turn, ct);
                return;
        }

        var visit = press.Args.Count == 1 && long.TryParse(press.Args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await bookings.OwnAsync(turn.Message.Address, id, ct)
            : null;
        if (visit is not { IsOpen: true } || (visit.Status == VisitStatus.Booked && visit.StartsAt <= turn.Now.UtcDateTime))
        {
            // Someone else's visit, a forged id, or one already done or cancelled: nothing to say about it.
            turn.Say("Visits.NotFound");
            await StartAsync(turn, ct);
            return;
        }

        switch (press.Action)
        {
            case "move":
                await move.StartForAsync(turn, visit, ct);
                return;
            case "cancel":
                turn.SayWithButtons(
                    turn.Text("Visits.ConfirmCancel", Describe(turn, visit)),
                    [ButtonPress.Button(turn.Text("Visits.CancelYes"), Name, "cancelok", Id(visit))],
                    [ButtonPress.Button(turn.Text("Visits.CancelNo"), Name, "show")]);
                return;
            case "cancelok":
                await bookings.CancelAsync(visit, turn.Now, ct);
                turn.Say("Visits.Cancelled", visit.Code);
                await turn.StartAsync(ConversationEngine.MenuFlow, ct);
                return;
            default:
                await turn.SayStaleAsync(ct);
                return;
        }
    }

    private static string Describe(Turn turn, Visit visit) => turn.Text(
        "Visits.Item",
        visit.Code,
        visit.Status == VisitStatus.NeedsNewDate ? turn.Text("Visits.NeedsNewDate") : WindowText.Describe(visit.Slot, turn.Language),
        turn.Text($"Visit.Service.{visit.Service}"),
        visit.Applicants,
        Html.Escape(visit.PlaceDetails));

    private static string Id(Visit visit) => visit.Id.ToString(CultureInfo.InvariantCulture);
}
