namespace Timpora.Bot.Console;

/// <summary>The terminal the chat reads and writes; a test hands in its own.</summary>
public sealed record ConsoleIo(TextReader Input, TextWriter Output);
