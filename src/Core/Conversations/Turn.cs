using System.Text.Json;
using Timpora.Core.Messaging;

namespace Timpora.Core.Conversations;

/// <summary>
/// One incoming message and everything a flow may do about it: read it, say things, keep or drop its state,
/// hand over to another flow. Nothing here touches a channel or commits anything; the engine does that.
/// </summary>
public sealed class Turn
{
    private readonly List<OutgoingMessage> _replies = [];
    private readonly List<Action> _afterCommit = [];
    private readonly Conversation _conversation;
    private readonly Func<Turn, string, CancellationToken, Task> _start;
    private readonly Func<Turn, string, CancellationToken, Task> _show;

    internal Turn(
        IncomingMessage message,
        Conversation conversation,
        DateTimeOffset now,
        Func<Turn, string, CancellationToken, Task> start,
        Func<Turn, string, CancellationToken, Task> show)
    {
        Message = message;
        _conversation = conversation;
        Now = now;
        _start = start;
        _show = show;
    }

    public IncomingMessage Message { get; }

    public DateTimeOffset Now { get; }

    public Language Language => _conversation.Language;

    public string? ActiveFlow => _conversation.Flow;

    public IReadOnlyList<OutgoingMessage> Replies => _replies;

    /// <summary>What runs once the turn is committed, in order; a turn that fails or runs again never runs it.</summary>
    internal IReadOnlyList<Action> Committed => _afterCommit;

    /// <summary>False for a step whose answer may itself be a number, so "2" is not read as the second button.</summary>
    public bool NumbersChooseButtons { get; set; } = true;

    /// <summary>The internal id of the conversation, for log lines (never the address). 0 until its first save.</summary>
    public long ConversationId => _conversation.Id;

    /// <summary>
    /// The conversation's pseudonym (a keyed hash of the address): stable from the very first message, unlike the id,
    /// so in-memory limits and sessions can key on it. Never for logs or the database beyond the conversation row.
    /// </summary>
    public string Pseudonym => _conversation.Pseudonym;

    public string Text(string key, params object?[] args) =>
        args.Length == 0 ? Texts.Get(Language, key) : Texts.Format(Language, key, args);

    public void Say(OutgoingMessage message) => _replies.Add(message);

    /// <summary>
    /// A change outside the database (an in-memory count or session) that must happen only if the turn commits: the
    /// engine may run a turn again after a conflict, and a turn that throws is undone.
    /// </summary>
    public void AfterCommit(Action change) => _afterCommit.Add(change);

    public void Say(string key, params object?[] args) => Say(OutgoingMessage.Say(Text(key, args)));

    public void SayWithButtons(string html, params IReadOnlyList<Button>[] rows) =>
        Say(new OutgoingMessage { Text = html, Buttons = rows });

    /// <summary>The state the flow left last time, or null when it is new, another flow's, or an older shape.</summary>
    public T? State<T>(IFlow flow)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(flow);
        if (_conversation.Flow != flow.Name || _conversation.FlowState is null)
        {
            return null;
        }

        try
        {
            var envelope = MessageJson.Read<StateEnvelope<T>>(_conversation.FlowState);
            return envelope.V == flow.StateVersion ? envelope.S : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Makes the flow the active one, with this state, for the next message.</summary>
    public void Stay<T>(IFlow flow, T? state)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(flow);
        var json = state is null ? null : MessageJson.Write(new StateEnvelope<T>(flow.StateVersion, state));
        _conversation.Enter(flow.Name, json);
    }

    public void Stay(IFlow flow) => Stay<object>(flow, null);

    /// <summary>Ends the active flow; the next message lands at the menu.</summary>
    public void End() => _conversation.Leave();

    public void ChooseLanguage(Language language)
    {
        _conversation.Language = language;
        _conversation.LanguageChosen = true;
    }

    /// <summary>Hands the rest of this turn to another flow, e.g. a menu button that opens a service.</summary>
    public Task StartAsync(string flow, CancellationToken ct) => _start(this, flow, ct);

    /// <summary>
    /// The answer to something typed where a button was expected: asks again, with the buttons last shown.
    /// </summary>
    public void AskToChoose()
    {
        var rows = _conversation.Choices is { } choices ? MessageJson.Read<Choices>(choices).Rows() : [];
        Say(new OutgoingMessage { Text = Text("Input.ChooseButton"), Buttons = rows });
    }

    /// <summary>
    /// The polite answer to a button that no longer means anything. The apology points to "the message below",
    /// so the active flow (or the menu) shows where the person is now.
    /// </summary>
    public Task SayStaleAsync(CancellationToken ct)
    {
        Say("Input.StaleButton");
        return _show(this, ActiveFlow ?? ConversationEngine.MenuFlow, ct);
    }

    private sealed record StateEnvelope<T>(int V, T S);
}
