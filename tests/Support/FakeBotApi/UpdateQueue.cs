using System.Text.Json.Nodes;

namespace Timpora.Testing;

internal sealed record PendingUpdate(long UpdateId, string Kind, long? ChatId, JsonObject Json);

/// <summary>
/// Telegram's per-bot update store: updates wait here until a getUpdates offset confirms them
/// or the webhook accepts them. <see cref="Changed"/> pulses on every enqueue and removal.
/// </summary>
internal sealed class UpdateQueue(long firstUpdateId)
{
    // What Telegram delivers when allowed_updates was never given or given as [].
    private static readonly string[] OptInKinds = ["chat_member", "message_reaction", "message_reaction_count"];

    private static readonly HashSet<string> KnownKinds =
    [
        "message", "edited_message", "channel_post", "edited_channel_post", "business_connection", "business_message",
        "edited_business_message", "deleted_business_messages", "message_reaction", "message_reaction_count",
        "inline_query", "chosen_inline_result", "callback_query", "shipping_query", "pre_checkout_query",
        "purchased_paid_media", "poll", "poll_answer", "my_chat_member", "chat_member", "chat_join_request",
        "chat_boost", "removed_chat_boost",
    ];

    private readonly Lock _gate = new();
    private readonly List<PendingUpdate> _pending = [];
    private long _nextId = firstUpdateId;
    private HashSet<string>? _allowed;

    public Signal Changed { get; } = new();

    /// <summary>
    /// Adds an update built around the next update_id (or <paramref name="explicitId"/>). Like Telegram, an update whose kind
    /// the bot's allowed_updates excludes is never stored; its id is still used up.
    /// </summary>
    public long Enqueue(string kind, long? chatId, Func<long, JsonObject> build, long? explicitId = null)
    {
        long id;
        lock (_gate)
        {
            id = explicitId ?? _nextId;
            _nextId = Math.Max(_nextId, id + 1);
            if (!IsAllowed(kind))
            {
                return id;
            }
            _pending.Add(new PendingUpdate(id, kind, chatId, build(id)));
        }
        Changed.Pulse();
        return id;
    }

    /// <summary>getUpdates offset semantics: a positive offset forgets everything below it, a negative one keeps only the last -offset.</summary>
    public void Confirm(long offset)
    {
        int removed;
        lock (_gate)
        {
            if (offset > 0)
            {
                removed = _pending.RemoveAll(u => u.UpdateId < offset);
            }
            else
            {
                removed = Math.Max(0, _pending.Count - (int)Math.Min(int.MaxValue, -offset));
                _pending.RemoveRange(0, removed);
            }
        }
        if (removed > 0)
        {
            Changed.Pulse();
        }
    }

    public IReadOnlyList<PendingUpdate> Peek(int limit)
    {
        lock (_gate)
        {
            return _pending.Take(limit).ToArray();
        }
    }

    public bool Remove(long updateId)
    {
        bool removed;
        lock (_gate)
        {
            removed = _pending.RemoveAll(u => u.UpdateId == updateId) > 0;
        }
        if (removed)
        {
            Changed.Pulse();
        }
        return removed;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
        Changed.Pulse();
    }

    public bool IsPending(long updateId)
    {
        lock (_gate)
        {
            return _pending.Exists(u => u.UpdateId == updateId);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Null when the bot never chose (Telegram's default set applies).</summary>
    public IReadOnlyList<string>? AllowedUpdates
    {
        get
        {
            lock (_gate)
            {
                return _allowed?.Order(StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>An empty list restores the default set, as in Telegram.</summary>
    public void SetAllowed(IEnumerable<string> kinds)
    {
        lock (_gate)
        {
            var set = kinds.ToHashSet(StringComparer.Ordinal);
            _allowed = set.Count == 0 ? null : set;
        }
    }

    private bool IsAllowed(string kind) =>
        // Kinds this fake does not know (SendRaw) always get through: the point of sending them is to test robustness.
        !KnownKinds.Contains(kind) || (_allowed is null ? !OptInKinds.Contains(kind) : _allowed.Contains(kind));
}
