using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Core.Menu;

/// <summary>/bahasa: the person's own choice of language, which from then on beats their app's setting.</summary>
public sealed class LanguageFlow : IFlow
{
    public const string FlowName = "language";

    public string Name => FlowName;

    public IReadOnlyList<string> Commands { get; } = ["bahasa", "language"];

    public Task StartAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.Stay(this);
        turn.Say(Choice(turn, turn.Text("Language.Prompt")));
        return Task.CompletedTask;
    }

    public Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(press);
        Language? chosen = press.Action switch
        {
            "id" => Language.Indonesian,
            "en" => Language.English,
            _ => null,
        };
        if (chosen is not { } language)
        {
            return turn.SayStaleAsync(ct);
        }

        turn.ChooseLanguage(language);
        turn.Say("Language.Changed");
        return turn.StartAsync(ConversationEngine.MenuFlow, ct);
    }

    private OutgoingMessage Choice(Turn turn, string html) => new()
    {
        Text = html,
        Buttons =
        [
            [
                ButtonPress.Button(turn.Text("Language.Indonesian"), Name, "id"),
                ButtonPress.Button(turn.Text("Language.English"), Name, "en"),
            ],
        ],
    };
}
