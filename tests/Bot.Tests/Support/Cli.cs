using System.Text.RegularExpressions;
using Timpora.Bot.Console;
using Timpora.Bot.Officers;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Support;

/// <summary>What the office admin runs from the command line, against the service's database.</summary>
public static partial class Cli
{
    /// <summary><c>officers invite</c>: returns the one-time code it printed.</summary>
    public static async Task<string> InviteOfficerAsync(string folder, FakeBotApi api, string name, string role = "officer")
    {
        ArgumentNullException.ThrowIfNull(api);
        string[] words = ["invite", "--name", name, "--role", role];
        string[] settings = [.. BotHost.Settings(api, folder).Select(s => $"--{s.Key}={s.Value}")];
        await using var app = Program.Build([OfficersCommand.Verb, .. words, .. settings]);
        var output = new StringWriter();
        var exit = await OfficersCommand.RunAsync(app.Services, [.. words, .. settings], new ConsoleIo(TextReader.Null, output), CancellationToken.None);
        Assert.Equal(OfficersCommand.Succeeded, exit);
        Assert.Contains($"https://t.me/{api.BotUsername}?start=", output.ToString(), StringComparison.Ordinal);
        return InviteCode().Match(output.ToString()).Value;
    }

    [GeneratedRegex("of_[a-z0-9]{20}")]
    private static partial Regex InviteCode();
}
