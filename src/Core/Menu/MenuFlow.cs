using Microsoft.Extensions.Options;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Reports;
using Timpora.Core.Visits;

namespace Timpora.Core.Menu;

/// <summary>The main menu: where every conversation starts and every finished or cancelled flow returns.</summary>
public sealed class MenuFlow(IOptions<OfficeOptions> office) : IFlow
{
    public string Name => ConversationEngine.MenuFlow;

    public IReadOnlyList<string> Commands { get; } = ["start", "menu"];

    public Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.End();
        turn.Stay(this);
        turn.Say(Menu(turn, turn.Text("Menu.Prompt", Html.Escape(office.Value.Name))));
        return Task.CompletedTask;
    }

    public Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(press);
        switch (press.Action)
        {
            case "jb":
                return turn.StartAsync(BookingFlow.FlowName, ct);
            case "visits":
                return turn.StartAsync(VisitsFlow.FlowName, ct);
            case "col":
                return turn.StartAsync(CollectiveFlow.FlowName, ct);
            case "rep":
                // A reporter with a receipt code is as likely to come here as a new one.
                turn.SayWithButtons(
                    turn.Text("Menu.Report.Choose"),
                    [ButtonPress.Button(turn.Text("Menu.Report.New"), Name, "repnew")],
                    [ButtonPress.Button(turn.Text("Menu.Report.Status"), Name, "repst")],
                    [ButtonPress.Button(turn.Text("Menu.Back"), Name, "show")]);
                return Task.CompletedTask;
            case "repnew":
                return turn.StartAsync(ReportFlow.FlowName, ct);
            case "repst":
                return turn.StartAsync(StatusFlow.FlowName, ct);
            case "info":
                return turn.StartAsync(InformationFlow.FlowName, ct);
            case "lang":
                return turn.StartAsync(LanguageFlow.FlowName, ct);
            case "show":
                return StartAsync(turn, ct);
            default:
                return turn.SayStaleAsync(ct);
        }
    }

    private OutgoingMessage Menu(Turn turn, string html) => new()
    {
        Text = html,
        Keyboard = ReplyKeyboard.Removed,
        Buttons =
        [
            [ButtonPress.Button(turn.Text("Menu.JemputBola"), Name, "jb")],
            [ButtonPress.Button(turn.Text("Menu.MyVisits"), Name, "visits")],
            [ButtonPress.Button(turn.Text("Menu.Collective"), Name, "col")],
            [ButtonPress.Button(turn.Text("Menu.Report"), Name, "rep")],
            [ButtonPress.Button(turn.Text("Menu.Information"), Name, "info")],
            [ButtonPress.Button(turn.Text("Menu.Language"), Name, "lang")],
        ],
    };
}
