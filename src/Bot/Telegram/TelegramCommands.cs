using Timpora.Core.Conversations;

namespace Timpora.Bot.Telegram;

/// <summary>The command list Telegram shows in the menu button, in the person's language.</summary>
public static class TelegramCommands
{
    public static IReadOnlyList<BotCommand> For(Language language)
    {
        var names = language == Language.English
            ? new[] { "start", "menu", "visit", "visits", "collective", "roster", "report", "status", "cancel", "help", "language" }
            : new[] { "start", "menu", "jemputbola", "kunjungan", "kolektif", "rombongan", "lapor", "status", "batal", "bantuan", "bahasa" };
        var keys = new[]
        {
            "Commands.Start", "Commands.Menu", "Commands.Book", "Commands.Visits", "Commands.Collective", "Commands.Roster", "Commands.Report",
            "Commands.Status",
            "Commands.Cancel", "Commands.Help", "Commands.Language",
        };
        return names.Zip(keys, (name, key) => new BotCommand(name, Texts.Get(language, key))).ToList();
    }
}
