using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Privacy;
using Timpora.Core.Storage;

namespace Timpora.Core.Conversations;

/// <summary>
/// Runs one turn: loads the conversation, routes the message (commands, then buttons, then the active flow,
/// then the menu), and writes the new state, the replies (into the outbox) and the inbox entry's completion in
/// one transaction. Turns of one conversation must not run concurrently; the caller queues them.
/// </summary>
public sealed class ConversationEngine(
    TimporaDb db,
    IEnumerable<IFlow> flows,
    Pseudonyms pseudonyms,
    Outbox outbox,
    BotProfile profile,
    TimeProvider clock,
    ILogger<ConversationEngine> log)
{
    /// <summary>The longest text a person may send in one message; longer ones are refused, not cut.</summary>
    public const int MaxIncomingText = 4096;

    public const string MenuFlow = "menu";

    private const string StartCommand = "start";

    private static readonly string[] CancelCommands = ["batal", "cancel"];

    private readonly Dictionary<string, IFlow> _byName = flows.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Runs the turn and commits it; returns what was said (for the terminal chat and tests).</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> RunTurnAsync(IncomingMessage message, long? inboxEntryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);

        // A concurrency conflict means another instance wrote this conversation meanwhile: run the turn again on
        // the fresh state rather than overwrite it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(message, inboxEntryId, ct);
            }
            catch (DbUpdateException ex) when (attempt < 3 && ex is DbUpdateConcurrencyException or { InnerException: not null })
            {
                log.LogWarning(ex, "Turn conflicted with a concurrent write (attempt {Attempt}); running it again", attempt);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<IReadOnlyList<OutgoingMessage>> RunOnceAsync(IncomingMessage message, long? inboxEntryId, CancellationToken ct)
    {
        // Another instance (or an earlier attempt of this one) may have run this update meanwhile: never answer twice.
        // Found (and tracked) here, so marking it done below costs no second query.
        if (inboxEntryId is { } handled && await db.Inbox.FindAsync([handled], ct) is { Done: true })
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var conversation = await LoadAsync(message, now, ct);
        var turn = NewTurn(message, conversation, now);
        try
        {
            await RouteAsync(turn, conversation, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Whatever broke, the person hears about it and lands at the menu, so nobody is stuck in a loop of
            // the same error; nothing the failed flow did is kept.
            log.LogError(ex, "Flow {Flow} failed in conversation {ConversationId}; apologising and resetting to the menu", conversation.Flow, conversation.Id);
            db.ChangeTracker.Clear();
            conversation = await LoadAsync(message, now, ct);
            conversation.Leave();
            turn = NewTurn(message, conversation, now);
            turn.Say("Error.Apology");
            await StartAsync(turn, MenuFlow, ct);
        }

        Remember(turn, conversation);
        foreach (var reply in turn.Replies)
        {
            outbox.Enqueue(message.Address, reply);
        }

        if (inboxEntryId is { } id && await db.Inbox.FindAsync([id], ct) is { } entry)
        {
            entry.MarkDone();
        }

        conversation.Touch(now.UtcDateTime);
        await db.SaveChangesAsync(ct);
        foreach (var change in turn.Committed)
        {
            change();
        }

        return turn.Replies;
    }

    private async Task<Conversation> LoadAsync(IncomingMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var pseudonym = pseudonyms.Of(message.Address);
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Pseudonym == pseudonym, ct);
        if (conversation is null)
        {
            conversation = new Conversation(pseudonym, Texts.FromHint(message.LanguageHint), now.UtcDateTime);
            db.Conversations.Add(conversation);
        }
        else if (!conversation.LanguageChosen && message.LanguageHint is not null)
        {
            conversation.Language = Texts.FromHint(message.LanguageHint);
        }

        // A flow removed by a deploy leaves no dangling state: the person lands at the menu.
        if (conversation.Flow is { } stored && !_byName.ContainsKey(stored))
        {
            conversation.Leave();
        }

        // Whoever writes can be written to again.
        conversation.Unreachable = false;
        return conversation;
    }

    private Turn NewTurn(IncomingMessage message, Conversation conversation, DateTimeOffset now) =>
        new(message, conversation, now, StartAsync, ShowAsync);

    private async Task RouteAsync(Turn turn, Conversation conversation, CancellationToken ct)
    {
        var message = turn.Message;
        if (message.PressedInGroup is not null)
        {
            if (ButtonPress.TryParse(message.Payload, out var inGroup) && _byName.TryGetValue(inGroup.Flow, out var tool) && tool.TakesGroupPresses)
            {
                await tool.PressAsync(turn, inGroup, ct);
            }
            else
            {
                // Only a group tool's buttons mean anything in a group; an answer in the presser's chat would puzzle them.
                log.LogInformation("A button pressed in a group was not a group tool's; ignored");
            }

            return;
        }

        if (message.InGroup)
        {
            // Services are personal: in a group the bot only points to the private chat, and only when addressed.
            if (message.Kind == IncomingKind.Command)
            {
                turn.Say("Group.PrivateOnly", Html.Escape(profile.Username));
            }

            return;
        }

        if (message.Kind == IncomingKind.Unsupported)
        {
            var kind = $"Input.Kind.{message.UnsupportedKind}";
            var noun = Texts.Get(turn.Language, KnownKinds.Contains(kind) ? kind : "Input.Kind.other");
            turn.Say("Input.Unsupported", noun);
            return;
        }

        if (message.Text?.Length > MaxIncomingText)
        {
            turn.Say("Input.TooLong", MaxIncomingText);
            return;
        }

        if (message.Kind == IncomingKind.Command)
        {
            await CommandAsync(turn, conversation, message.Command ?? "", ct);
            return;
        }

        var payload = message.Kind == IncomingKind.Button ? message.Payload : ChosenByTyping(conversation, message);
        if (payload is not null)
        {
            if (ButtonPress.TryParse(payload, out var press) && _byName.TryGetValue(press.Flow, out var owner))
            {
                await owner.PressAsync(turn, press, ct);
            }
            else
            {
                log.LogInformation("Stale or forged button in conversation {ConversationId}", conversation.Id);
                await turn.SayStaleAsync(ct);
            }

            return;
        }

        if (conversation.Flow is { } active)
        {
            await _byName[active].ContinueAsync(turn, ct);
            return;
        }

        await StartAsync(turn, MenuFlow, ct);
    }

    private async Task CommandAsync(Turn turn, Conversation conversation, string command, CancellationToken ct)
    {
        if (CancelCommands.Contains(command))
        {
            var hadFlow = conversation.Flow is not null and not MenuFlow;
            var cancelled = conversation.Flow is { } active ? _byName.GetValueOrDefault(active) : null;
            turn.End();
            if (cancelled is not null)
            {
                await cancelled.CancelledAsync(turn, ct);
            }

            turn.Say(hadFlow ? "Cancel.Done" : "Cancel.Nothing");
            await StartAsync(turn, MenuFlow, ct);
            return;
        }

        if (command == StartCommand && turn.Message.CommandArgument is { Length: > 0 } payload
            && _byName.Values.FirstOrDefault(f => f.LinkPrefix is { } prefix && payload.StartsWith(prefix, StringComparison.Ordinal)) is { } linked)
        {
            await linked.OpenLinkAsync(turn, payload, ct);
            return;
        }

        var flow = _byName.Values.FirstOrDefault(f => f.Commands.Contains(command));
        if (flow is null)
        {
            turn.Say("Input.UnknownCommand", Html.Escape("/" + command));
            return;
        }

        await flow.StartAsync(turn, ct);
    }

    private static string? ChosenByTyping(Conversation conversation, IncomingMessage message)
    {
        if (message.Kind != IncomingKind.Text || conversation.Choices is null)
        {
            return null;
        }

        return MessageJson.Read<Choices>(conversation.Choices).Match(message.Text);
    }

    private static void Remember(Turn turn, Conversation conversation)
    {
        var withButtons = turn.Replies.LastOrDefault(r => r.Buttons.Count > 0);
        if (withButtons is not null)
        {
            conversation.Choices = MessageJson.Write(Choices.From(withButtons, turn.NumbersChooseButtons));
        }
        else if (conversation.Flow is null)
        {
            conversation.Choices = null;
        }
    }

    private Task StartAsync(Turn turn, string flow, CancellationToken ct) => Flow(flow).StartAsync(turn, ct);

    private Task ShowAsync(Turn turn, string flow, CancellationToken ct) => Flow(flow).ShowAsync(turn, ct);

    private IFlow Flow(string name) =>
        _byName.TryGetValue(name, out var flow) ? flow : throw new InvalidOperationException($"No flow named '{name}' is registered.");

    private static readonly HashSet<string> KnownKinds =
    [
        "Input.Kind.sticker", "Input.Kind.voice", "Input.Kind.video", "Input.Kind.audio", "Input.Kind.animation", "Input.Kind.poll",
    ];
}
