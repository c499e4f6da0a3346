using Timpora.Core.Messaging;

namespace Timpora.Bot.Telegram;

/// <summary>Core's buttons and keyboards as Bot API <c>reply_markup</c> objects.</summary>
public static class TelegramMarkup
{
    public static InlineKeyboardMarkup? Inline(IReadOnlyList<IReadOnlyList<Button>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var keyboard = rows
            .Where(row => row.Count > 0)
            .Select(row => (IReadOnlyList<InlineKeyboardButton>)row.Select(button => new InlineKeyboardButton(button.Label, CallbackData: button.Payload)).ToList())
            .ToList();
        return keyboard.Count == 0 ? null : new InlineKeyboardMarkup(keyboard);
    }

    /// <summary>A <see cref="ReplyKeyboardMarkup"/>, a <see cref="ReplyKeyboardRemove"/>, or null for no change.</summary>
    public static object? Keyboard(ReplyKeyboard? keyboard)
    {
        if (keyboard is null)
        {
            return null;
        }

        if (keyboard.Remove)
        {
            return new ReplyKeyboardRemove();
        }

        var rows = keyboard.Rows
            .Where(row => row.Count > 0)
            .Select(row => (IReadOnlyList<KeyboardButton>)row.Select(Key).ToList())
            .ToList();

        // One-time: the keyboard only asks for one answer (a location, a contact) and should not linger after it.
        return rows.Count == 0 ? null : new ReplyKeyboardMarkup(rows) { ResizeKeyboard = true, OneTimeKeyboard = true };
    }

    /// <summary>
    /// The markups of a message in the order its parts should carry them. A Telegram message carries one markup, so
    /// when a message has both, the first part (the text) gets the one that matters most: a keyboard that asks for
    /// something beats inline buttons, and inline buttons beat removing a keyboard (a one-time keyboard has hidden
    /// itself already). The second markup rides on the next part (venue or pin) if there is one.
    /// </summary>
    public static IReadOnlyList<object> InPartOrder(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var inline = Inline(message.Buttons);
        var keyboard = Keyboard(message.Keyboard);
        object?[] ordered = keyboard is ReplyKeyboardMarkup ? [keyboard, inline] : [inline, keyboard];
        return ordered.OfType<object>().ToList();
    }

    private static KeyboardButton Key(KeyButton button) => button.Request switch
    {
        KeyRequest.Location => new KeyboardButton(button.Label, RequestLocation: true),
        KeyRequest.Contact => new KeyboardButton(button.Label, RequestContact: true),
        _ => new KeyboardButton(button.Label),
    };
}
