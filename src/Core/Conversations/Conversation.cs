namespace Timpora.Core.Conversations;

/// <summary>
/// What the bot remembers of one conversation. It is keyed by a keyed hash of the address, never the address
/// itself, so a person who only asked questions or reported anonymously leaves nothing that names them.
/// </summary>
public sealed class Conversation
{
    private Conversation()
    {
    }

    public Conversation(string pseudonym, Language language, DateTime nowUtc)
    {
        Pseudonym = pseudonym;
        Language = language;
        UpdatedAt = nowUtc;
    }

    public long Id { get; private set; }

    public string Pseudonym { get; private set; } = "";

    public Language Language { get; set; }

    /// <summary>True once the person chose a language, so the app's hint no longer overrides it.</summary>
    public bool LanguageChosen { get; set; }

    /// <summary>The active flow's name, or null at the menu.</summary>
    public string? Flow { get; private set; }

    /// <summary>The active flow's typed state as JSON.</summary>
    public string? FlowState { get; private set; }

    /// <summary>The buttons last shown, so a typed label or number can stand for a press.</summary>
    public string? Choices { get; set; }

    /// <summary>True after the channel said the person blocked the bot; cleared when they write again.</summary>
    public bool Unreachable { get; set; }

    /// <summary>Bumped on every save: two turns that read the same state cannot both write it.</summary>
    public int Version { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Enter(string flow, string? state)
    {
        Flow = flow;
        FlowState = state;
    }

    public void Leave()
    {
        Flow = null;
        FlowState = null;
        Choices = null;
    }

    public void Touch(DateTime nowUtc)
    {
        Version++;
        UpdatedAt = nowUtc;
    }
}
