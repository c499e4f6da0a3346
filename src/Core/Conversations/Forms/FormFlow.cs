using Timpora.Core.Messaging;

namespace Timpora.Core.Conversations.Forms;

/// <summary>
/// A flow that is a form. It gives every step back, cancel, skip (for optional steps), re-asking with the reason on
/// bad input, stale-button handling, the summary and the confirmation; a subclass only says what to ask.
/// </summary>
public abstract class FormFlow<TDraft> : IFlow
    where TDraft : class, new()
{
    private Form<TDraft>? _form;

    public abstract string Name { get; }

    public abstract IReadOnlyList<string> Commands { get; }

    public virtual int StateVersion => 1;

    private Form<TDraft> Form => _form ??= Build(new Form<TDraft>());

    public virtual Task StartAsync(Turn turn, CancellationToken ct) => BeginAsync(turn, new TDraft(), ct);

    public Task ShowAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.State<FormState<TDraft>>(this) is { } state ? AskAsync(turn, state, ct) : StartAsync(turn, ct);
    }

    public async Task ContinueAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.State<FormState<TDraft>>(this) is not { } state)
        {
            await StartAsync(turn, ct);
            return;
        }

        if (Step(state.Step) is AskingStep<TDraft> step)
        {
            await AnswerAsync(turn, state, step, new Reply(turn.Message, Pressed: null), ct);
            return;
        }

        turn.AskToChoose();
    }

    public async Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(press);
        var state = turn.State<FormState<TDraft>>(this);
        if (press.Action == FormActions.Cancel && state is not null)
        {
            await CancelAsync(turn, ct);
            return;
        }

        // Every other button belongs to one step; one from an earlier question is stale, not an answer to this one.
        var forThisStep = state is not null && press.Args.Count > 0 && press.Args[0] == state.Step;
        switch (press.Action)
        {
            case FormActions.Answer when forThisStep && press.Args.Count > 1 && Step(state!.Step) is AskingStep<TDraft> step:
                await AnswerAsync(turn, state, step, new Reply(turn.Message, string.Join(':', press.Args.Skip(1))), ct);
                return;
            case FormActions.Back when forThisStep:
                await BackAsync(turn, state!, ct);
                return;
            case FormActions.Skip when forThisStep && Step(state!.Step) is AskingStep<TDraft> { Optional: true } optional:
                optional.Clear(state.Draft);
                await MoveOnAsync(turn, state, IndexOf(state.Step), ct);
                return;
            case FormActions.Confirm when state?.Step == ConfirmStep<TDraft>.StepKey:
                await FinishAsync(turn, state, ct);
                return;
            default:
                await turn.SayStaleAsync(ct);
                return;
        }
    }

    /// <summary>What to ask, in order. Called once per flow instance.</summary>
    protected abstract Form<TDraft> Build(Form<TDraft> form);

    /// <summary>Starts the form with answers already given (e.g. a new booking that reuses the last one's contact).</summary>
    protected Task BeginAsync(Turn turn, TDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return MoveOnAsync(turn, new FormState<TDraft>("", [], draft), -1, ct);
    }

    /// <summary>Leaves the form for the menu; nothing of the draft is kept.</summary>
    protected virtual async Task CancelAsync(Turn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.End();
        turn.Say(new OutgoingMessage { Text = turn.Text("Form.Cancelled"), Keyboard = ReplyKeyboard.Removed });
        await turn.StartAsync(ConversationEngine.MenuFlow, ct);
    }

    private async Task AnswerAsync(Turn turn, FormState<TDraft> state, AskingStep<TDraft> step, Reply reply, CancellationToken ct)
    {
        var asking = new Asking(turn, Name, step.Key!, state.Draft);
        if (!await step.ReadAsync(asking, reply, ct))
        {
            turn.Stay(this, state);
        }
        else if (state.Returned && Form.Steps.OfType<ConfirmStep<TDraft>>().Any())
        {
            // Sent back from the confirmation to change one answer: the others stand, so straight back to it.
            await AskAsync(turn, state with { Step = ConfirmStep<TDraft>.StepKey, Trail = [.. state.Trail, state.Step], Returned = false }, ct);
        }
        else
        {
            await MoveOnAsync(turn, state, IndexOf(step.Key!), ct);
        }
    }

    /// <summary>Runs the steps after <paramref name="from"/> until one asks something (or the form stops).</summary>
    private async Task MoveOnAsync(Turn turn, FormState<TDraft> state, int from, CancellationToken ct)
    {
        var steps = Form.Steps;
        for (var i = from + 1; i < steps.Count; i++)
        {
            var step = steps[i];
            if (!step.Applies(state.Draft))
            {
                // An answer given on another branch (before going back and choosing differently) must not linger.
                (step as AskingStep<TDraft>)?.Clear(state.Draft);
                continue;
            }

            switch (step)
            {
                case TellStep<TDraft> tell:
                    turn.Say(OutgoingMessage.Say(tell.Html(turn, state.Draft)));
                    continue;
                case StopStep<TDraft> stop:
                    turn.End();
                    turn.Say(new OutgoingMessage { Text = stop.Html(turn, state.Draft), Keyboard = ReplyKeyboard.Removed });
                    await turn.StartAsync(ConversationEngine.MenuFlow, ct);
                    return;
                default:
                    var trail = state.Step.Length == 0 ? state.Trail : [.. state.Trail, state.Step];
                    await AskAsync(turn, state with { Step = step.Key!, Trail = trail }, ct);
                    return;
            }
        }

        turn.End();
    }

    private async Task AskAsync(Turn turn, FormState<TDraft> state, CancellationToken ct)
    {
        turn.Stay(this, state);
        switch (Step(state.Step))
        {
            case AskingStep<TDraft> step:
                await step.AskAsync(new Asking(turn, Name, step.Key!, state.Draft), ct);
                return;
            case ConfirmStep<TDraft> confirm:
                turn.NumbersChooseButtons = true;
                turn.SayWithButtons(
                    confirm.Summary(turn, state.Draft),
                    [ButtonPress.Button(turn.Text("Form.Confirm"), Name, FormActions.Confirm)],
                    [
                        ButtonPress.Button(turn.Text("Form.Back"), Name, FormActions.Back, ConfirmStep<TDraft>.StepKey),
                        ButtonPress.Button(turn.Text("Form.Cancel"), Name, FormActions.Cancel),
                    ]);
                return;
            default:
                // A step a deploy removed: start again rather than guess.
                await StartAsync(turn, ct);
                return;
        }
    }

    private async Task BackAsync(Turn turn, FormState<TDraft> state, CancellationToken ct)
    {
        if (Step(state.Step) is AskingStep<TDraft> { UsesKeyboard: true })
        {
            // The share-location or share-contact keyboard belongs to the step being left.
            turn.Say(new OutgoingMessage { Text = turn.Text("Form.WentBack"), Keyboard = ReplyKeyboard.Removed });
        }

        if (state.Trail.Count == 0)
        {
            turn.End();
            await turn.StartAsync(ConversationEngine.MenuFlow, ct);
            return;
        }

        await AskAsync(turn, state with { Step = state.Trail[^1], Trail = state.Trail[..^1], Returned = false }, ct);
    }

    private async Task FinishAsync(Turn turn, FormState<TDraft> state, CancellationToken ct)
    {
        var finisher = Form.Finisher ?? throw new InvalidOperationException($"Form '{Name}' has a confirmation but nothing to finish with.");

        // Ended first, so a finisher that hands over (to the menu) is not undone; a return to a step re-enters below.
        turn.End();
        var finished = await finisher(turn, state.Draft, ct);
        if (finished.BackToStep is not { } back)
        {
            return;
        }

        turn.Say(OutgoingMessage.Say(finished.Problem!));
        var kept = state.Trail.IndexOf(back) is var at and >= 0 ? state.Trail.Take(at).ToList() : state.Trail;
        await AskAsync(turn, state with { Step = back, Trail = kept, Returned = true }, ct);
    }

    private FormStep<TDraft>? Step(string key) => Form.Steps.FirstOrDefault(s => s.Key == key);

    private int IndexOf(string key) => Form.Steps.ToList().FindIndex(s => s.Key == key);
}

/// <summary>A form's place: the step being asked, the steps asked before it (for back), and the answers so far.</summary>
/// <param name="Returned">Sent back from the confirmation (the finisher returned here): answering goes straight back to it.</param>
public sealed record FormState<TDraft>(string Step, List<string> Trail, TDraft Draft, bool Returned = false);
