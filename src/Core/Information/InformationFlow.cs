using Microsoft.Extensions.Options;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Core.Information;

/// <summary>Answers the questions people phone the office about: requirements, fees, services, place, hours.</summary>
public sealed class InformationFlow(IOptions<OfficeOptions> office, IOptions<CollectiveOptions> collective) : IFlow
{
    public const string FlowName = "info";

    private static readonly string[] Topics = ["passport", "fees", "jb", "collective", "office", "area", "contact"];

    public string Name => FlowName;

    public IReadOnlyList<string> Commands { get; } = ["info", "informasi"];

    public Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.Stay(this);
        turn.Say(TopicList(turn, turn.Text("Info.Prompt")));
        return Task.CompletedTask;
    }

    public Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(press);
        switch (press.Action)
        {
            case "topics":
                return StartAsync(turn, ct);
            case "back":
                return turn.StartAsync(ConversationEngine.MenuFlow, ct);
            case "topic" when press.Args.Count == 1 && Topics.Contains(press.Args[0]):
                turn.Stay(this);
                Answer(turn, press.Args[0]);
                return Task.CompletedTask;
            default:
                return turn.SayStaleAsync(ct);
        }
    }

    private void Answer(Turn turn, string topic)
    {
        var o = office.Value;
        var hours = OfficeFacts.Hours(o, turn.Language);
        var text = topic switch
        {
            "passport" => turn.Text("Info.Passport"),
            "fees" => turn.Text("Info.Fees"),
            "jb" => turn.Text("Info.JemputBola"),
            "collective" => turn.Text("Info.Collective", collective.Value.MinimumApplicants),
            "office" => turn.Text("Info.Office", Html.Escape(o.Name), Html.Escape(o.Address), hours),
            "area" => turn.Text("Info.Area", OfficeFacts.Area(o)),
            _ => turn.Text("Info.Contact", Html.Escape(o.Phone), Html.Escape(o.Email), Html.Escape(o.Website), hours),
        };
        turn.Say(AfterAnswer(turn, text));
        if (topic == "office")
        {
            // The pin comes after the words that announce it; the buttons stay on the text above.
            turn.Say(new OutgoingMessage { Venue = new Venue(new GeoPoint(o.Latitude, o.Longitude), turn.Text("Info.VenueTitle", o.Name), o.Address) });
        }
    }

    private OutgoingMessage TopicList(Turn turn, string html)
    {
        var buttons = Topics.Select(t => ButtonPress.Button(turn.Text(LabelKey(t)), Name, "topic", t)).ToList();
        return new OutgoingMessage
        {
            Text = html,
            Buttons = [.. buttons.Chunk(2), [ButtonPress.Button(turn.Text("Info.Back"), Name, "back")]],
        };
    }

    private OutgoingMessage AfterAnswer(Turn turn, string html) => new()
    {
        Text = html,
        Buttons =
        [
            [
                ButtonPress.Button(turn.Text("Info.Topics"), Name, "topics"),
                ButtonPress.Button(turn.Text("Info.Back"), Name, "back"),
            ],
        ],
    };

    private static string LabelKey(string topic) => topic switch
    {
        "passport" => "Info.Topic.Passport",
        "fees" => "Info.Topic.Fees",
        "jb" => "Info.Topic.JemputBola",
        "collective" => "Info.Topic.Collective",
        "office" => "Info.Topic.Office",
        "area" => "Info.Topic.Area",
        _ => "Info.Topic.Contact",
    };
}
