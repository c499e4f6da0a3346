using Timpora.Core.Messaging;

namespace Timpora.Core.Conversations.Forms;

/// <summary>What an answer shows under the step's prompt; the form adds back, skip and cancel.</summary>
public sealed record Question
{
    public static Question Plain { get; } = new();

    public IReadOnlyList<IReadOnlyList<Button>> Choices { get; init; } = [];

    /// <summary>A keyboard that asks the phone for something (a location, a contact).</summary>
    public ReplyKeyboard? Keyboard { get; init; }

    /// <summary>HTML shown after the prompt, e.g. which windows are still open.</summary>
    public string? Note { get; init; }
}
