namespace Timpora.Core.Conversations.Forms;

/// <summary>
/// A form written as the conversation reads: ask, ask, tell, confirm, finish. Steps run in order; a step with a
/// condition is passed by when the draft says it does not apply, so branching is a condition, not another flow.
/// </summary>
public sealed class Form<TDraft>
    where TDraft : class
{
    private readonly List<FormStep<TDraft>> _steps = [];

    internal IReadOnlyList<FormStep<TDraft>> Steps => _steps;

    internal Func<Turn, TDraft, CancellationToken, Task<Finished>>? Finisher { get; private set; }

    /// <param name="key">Short and stable: it travels in button payloads (64 bytes in all) and in stored state.</param>
    public Form<TDraft> Ask<T>(string key, string promptKey, IAnswer<T> answer, Action<TDraft, T> store, Func<TDraft, bool>? when = null) =>
        Ask(key, (turn, _) => turn.Text(promptKey), answer, store, when);

    public Form<TDraft> Ask<T>(string key, Func<Turn, TDraft, string> prompt, IAnswer<T> answer, Action<TDraft, T> store, Func<TDraft, bool>? when = null) =>
        Add(new AskStep<TDraft, T>(key, prompt, answer, (d, v) => store(d, v!), Optional: false, when));

    /// <summary>A step the person may skip; skipping stores the type's default.</summary>
    public Form<TDraft> Optional<T>(string key, string promptKey, IAnswer<T> answer, Action<TDraft, T?> store, Func<TDraft, bool>? when = null) =>
        Optional(key, (turn, _) => turn.Text(promptKey), answer, store, when);

    public Form<TDraft> Optional<T>(string key, Func<Turn, TDraft, string> prompt, IAnswer<T> answer, Action<TDraft, T?> store, Func<TDraft, bool>? when = null) =>
        Add(new AskStep<TDraft, T>(key, prompt, answer, store, Optional: true, when));

    /// <summary>Something to say when the form passes here going forward, e.g. the checklist after a service is chosen.</summary>
    public Form<TDraft> Tell(Func<Turn, TDraft, string> html, Func<TDraft, bool>? when = null) =>
        Add(new TellStep<TDraft>(html, when));

    /// <summary>Ends the form politely with a message when the draft shows it cannot go on (e.g. not eligible).</summary>
    public Form<TDraft> StopIf(Func<TDraft, bool> condition, Func<Turn, TDraft, string> html) =>
        Add(new StopStep<TDraft>(html, condition));

    /// <summary>The full facts read back, with confirm, back and cancel: nothing happens before this is confirmed.</summary>
    public Form<TDraft> Confirm(Func<Turn, TDraft, string> summary) => Add(new ConfirmStep<TDraft>(summary));

    /// <summary>What confirming does. It may send the person back to a step (e.g. the window was just taken).</summary>
    public Form<TDraft> Finish(Func<Turn, TDraft, CancellationToken, Task<Finished>> act)
    {
        Finisher = act;
        return this;
    }

    private Form<TDraft> Add(FormStep<TDraft> step)
    {
        if (step.Key is { } key && _steps.Any(s => s.Key == key))
        {
            throw new InvalidOperationException($"The form already has a step '{key}'.");
        }

        if (step.Key is { } k && k.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Step key '{k}' may not contain ':' (it travels in button payloads).", nameof(step));
        }

        _steps.Add(step);
        return this;
    }
}

/// <summary>What finishing a form did.</summary>
public sealed record Finished(string? BackToStep, string? Problem)
{
    /// <summary>Done: the finisher said what happened and the form ends.</summary>
    public static Finished Done { get; } = new(null, null);

    /// <summary>Not done: say why and ask that step again, keeping every other answer.</summary>
    public static Finished Return(string step, string problemHtml) => new(step, problemHtml);

    /// <summary>Not done, but nothing to change: say why and show the confirmation again, e.g. to try once more.</summary>
    public static Finished Reconfirm(string problemHtml) => new(ConfirmStep<object>.StepKey, problemHtml);
}

internal abstract record FormStep<TDraft>(string? Key, Func<TDraft, bool>? When)
    where TDraft : class
{
    public bool Applies(TDraft draft) => When?.Invoke(draft) ?? true;
}

internal sealed record TellStep<TDraft>(Func<Turn, TDraft, string> Html, Func<TDraft, bool>? When) : FormStep<TDraft>(null, When)
    where TDraft : class;

internal sealed record StopStep<TDraft>(Func<Turn, TDraft, string> Html, Func<TDraft, bool> Condition) : FormStep<TDraft>(null, Condition)
    where TDraft : class;

internal sealed record ConfirmStep<TDraft>(Func<Turn, TDraft, string> Summary) : FormStep<TDraft>(ConfirmStep<TDraft>.StepKey, null)
    where TDraft : class
{
    public const string StepKey = "confirm";
}

internal abstract record AskingStep<TDraft>(string Key, bool Optional, Func<TDraft, bool>? When) : FormStep<TDraft>(Key, When)
    where TDraft : class
{
    public abstract Task AskAsync(Asking asking, CancellationToken ct);

    /// <summary>Stores the answer and returns true, or says why not and asks again.</summary>
    public abstract Task<bool> ReadAsync(Asking asking, Reply reply, CancellationToken ct);

    public abstract bool UsesKeyboard { get; }

    public abstract void Clear(TDraft draft);
}

internal sealed record AskStep<TDraft, T>(
    string Key,
    Func<Turn, TDraft, string> Prompt,
    IAnswer<T> Answer,
    Action<TDraft, T?> Store,
    bool Optional,
    Func<TDraft, bool>? When) : AskingStep<TDraft>(Key, Optional, When)
    where TDraft : class
{
    public override async Task AskAsync(Asking asking, CancellationToken ct)
    {
        var question = await Answer.AskAsync(asking, ct);
        var prompt = Prompt(asking.Turn, asking.DraftAs<TDraft>());
        var text = question.Note is { } note ? $"{prompt}\n\n{note}" : prompt;
        var rows = question.Choices.Append(FormNavigation.Row(asking, Optional)).ToList();
        FormNavigation.Show(asking.Turn, text, rows, question.Keyboard);
        asking.Turn.NumbersChooseButtons = Answer.NumbersPickButtons;
    }

    public override async Task<bool> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        var parsed = await Answer.ReadAsync(asking, reply, ct);
        if (parsed is { Ok: false, Instead: { } instead })
        {
            FormNavigation.Show(asking.Turn, parsed.Problem!, [.. instead.Choices, FormNavigation.Row(asking, Optional)], instead.Keyboard);
            asking.Turn.NumbersChooseButtons = Answer.NumbersPickButtons;
            return false;
        }

        if (!parsed.Ok)
        {
            asking.Turn.Say(Messaging.OutgoingMessage.Say(parsed.Problem!));
            await AskAsync(asking, ct);
            return false;
        }

        Store(asking.DraftAs<TDraft>(), parsed.Value);
        if (Answer.UsesKeyboard)
        {
            // The share-location or share-contact keyboard has done its job; take it away.
            asking.Turn.Say(new Messaging.OutgoingMessage { Text = asking.Text("Form.Received"), Keyboard = Messaging.ReplyKeyboard.Removed });
        }

        return true;
    }

    public override bool UsesKeyboard => Answer.UsesKeyboard;

    public override void Clear(TDraft draft) => Store(draft, default);
}
