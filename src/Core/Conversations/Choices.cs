using Timpora.Core.Messaging;

namespace Timpora.Core.Conversations;

/// <summary>
/// The buttons last shown in a conversation. A person may type a button's label, or its number where numbers are
/// not a possible answer themselves, instead of pressing it: that is how the terminal chat and old phones work.
/// </summary>
public sealed record Choices(IReadOnlyList<Choice> Items, bool ByNumber)
{
    public static Choices? From(OutgoingMessage message, bool byNumber)
    {
        ArgumentNullException.ThrowIfNull(message);
        var items = message.Buttons.SelectMany((row, index) => row.Select(b => new Choice(b.Label, b.Payload, index))).ToList();
        return items.Count == 0 ? null : new Choices(items, byNumber);
    }

    /// <summary>The same buttons, in the same rows, to show again.</summary>
    public IReadOnlyList<IReadOnlyList<Button>> Rows() =>
        Items.GroupBy(c => c.Row).Select(row => (IReadOnlyList<Button>)row.Select(c => new Button(c.Label, c.Payload)).ToList()).ToList();

    public string? Match(string? text)
    {
        var typed = text?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return null;
        }

        if (ByNumber && int.TryParse(typed, out var number) && number >= 1 && number <= Items.Count)
        {
            return Items[number - 1].Payload;
        }

        return Items.FirstOrDefault(c => string.Equals(c.Label.Trim(), typed, StringComparison.OrdinalIgnoreCase))?.Payload;
    }
}

public sealed record Choice(string Label, string Payload, int Row = 0);
