using Timpora.Core.Messaging;

namespace Timpora.Core.Conversations.Forms;

/// <summary>The buttons every step gets (back, skip, cancel) and how a question is put on screen.</summary>
internal static class FormNavigation
{
    public static IReadOnlyList<Button> Row(Asking asking, bool optional)
    {
        List<Button> row = [ButtonPress.Button(asking.Text("Form.Back"), asking.Flow, FormActions.Back, asking.Step)];
        if (optional)
        {
            row.Add(ButtonPress.Button(asking.Text("Form.Skip"), asking.Flow, FormActions.Skip, asking.Step));
        }

        row.Add(ButtonPress.Button(asking.Text("Form.Cancel"), asking.Flow, FormActions.Cancel));
        return row;
    }

    /// <summary>
    /// A Telegram message carries either inline buttons or a keyboard, so a question that asks the phone for a
    /// location or contact comes as two messages: the prompt with the keyboard, then the buttons.
    /// </summary>
    public static void Show(Turn turn, string text, IReadOnlyList<IReadOnlyList<Button>> rows, ReplyKeyboard? keyboard)
    {
        if (keyboard is null)
        {
            turn.Say(new OutgoingMessage { Text = text, Buttons = rows });
            return;
        }

        turn.Say(new OutgoingMessage { Text = text, Keyboard = keyboard });
        turn.Say(new OutgoingMessage { Text = turn.Text("Form.OrButtons"), Buttons = rows });
    }
}
