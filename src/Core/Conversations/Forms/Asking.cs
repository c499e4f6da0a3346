using Timpora.Core.Messaging;

namespace Timpora.Core.Conversations.Forms;

/// <summary>Where a form is when it asks or reads an answer: the turn, the step, and the draft so far.</summary>
public sealed record Asking(Turn Turn, string Flow, string Step, object Draft)
{
    public Language Language => Turn.Language;

    public DateTimeOffset Now => Turn.Now;

    public string Text(string key, params object?[] args) => Turn.Text(key, args);

    /// <summary>A button that answers this step with <paramref name="value"/> (no colons; it travels in the payload).</summary>
    public Button Choice(string label, string value) => ButtonPress.Button(label, Flow, FormActions.Answer, Step, value);

    public TDraft DraftAs<TDraft>()
        where TDraft : class => (TDraft)Draft;
}

/// <summary>What came back: a pressed choice's value, or the message itself (text, location, contact, photo).</summary>
public sealed record Reply(IncomingMessage Message, string? Pressed)
{
    /// <summary>The typed text, trimmed; null for a press or a message without text.</summary>
    public string? Typed => Pressed is null ? Message.Text?.Trim() : null;
}

/// <summary>The actions of a form's buttons: <c>v1:flow:action:step[:value]</c>.</summary>
public static class FormActions
{
    public const string Answer = "a";
    public const string Back = "back";
    public const string Skip = "skip";
    public const string Confirm = "ok";
    public const string Cancel = "x";
}
