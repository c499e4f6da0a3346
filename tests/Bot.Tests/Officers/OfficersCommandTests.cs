using System.Text.RegularExpressions;
using Timpora.Bot.Console;
using Timpora.Bot.Officers;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Visits;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Officers;

/// <summary>Alone, because one test runs the real program, which writes to the process's console.</summary>
[CollectionDefinition(OfficersCommandTests.Collection, DisableParallelization = true)]
public sealed class OfficersCommandCollection;

[Collection(Collection)]
public sealed partial class OfficersCommandTests
{
    public const string Collection = "officers command";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Invite_prints_a_one_time_code_that_enrols_through_the_engine()
    {
        var folder = BotHost.NewFolder();

        var (exit, output) = await RunAsync(folder, "invite", "--name", "Siti Aminah", "--role", "supervisor");

        Assert.Equal(OfficersCommand.Succeeded, exit);
        var code = InviteCode().Match(output).Value;
        Assert.Contains("Invite for Siti Aminah (supervisor)", output, StringComparison.Ordinal);
        Assert.Matches(@"expires \d{4}-\d\d-\d\d \d\d:\d\d \(Asia/Jakarta\)", output);
        Assert.Contains($"/start {code}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("t.me", output, StringComparison.Ordinal);

        var replies = await StartAsync(folder, code);

        Assert.Equal(Texts.Format(Language.Indonesian, "Officer.Welcome.Supervisor", "Siti Aminah", "supervisor", "06.00"), Assert.Single(replies).Text);
        var again = await StartAsync(folder, code, chat: "5002");
        Assert.Equal(Texts.Get(Language.Indonesian, "Officer.InviteRefused"), Assert.Single(again).Text);
    }

    [Fact]
    public async Task Invite_prints_the_deep_link_with_the_username_Telegram_gives()
    {
        await using var api = await FakeBotApi.StartAsync();
        var folder = BotHost.NewFolder();

        var (exit, output) = await RunAsync(folder, api, "invite", "--name=Budi Santoso");

        Assert.Equal(OfficersCommand.Succeeded, exit);
        var code = InviteCode().Match(output).Value;
        Assert.Contains($"https://t.me/{api.BotUsername}?start={code}", output, StringComparison.Ordinal);
        Assert.Contains("Invite for Budi Santoso (officer)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Token, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_active_officers_and_pending_invites()
    {
        var folder = BotHost.NewFolder();
        var (_, first) = await RunAsync(folder, "invite", "--name", "Budi Santoso", "--role", "officer");
        await StartAsync(folder, InviteCode().Match(first).Value);
        await RunAsync(folder, "invite", "--name", "Dewi Lestari", "--role", "supervisor");

        var (exit, output) = await RunAsync(folder, "list");

        Assert.Equal(OfficersCommand.Succeeded, exit);
        Assert.Matches(@"Active officers.*\n\s+1\s+Budi Santoso\s+officer\s+\d{4}-\d\d-\d\d", output);
        Assert.Matches(@"Pending invites.*\n\s+Dewi Lestari\s+supervisor\s+\d{4}-\d\d-\d\d \d\d:\d\d", output);
        Assert.DoesNotContain("of_", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_so_when_nobody_is_enrolled_or_invited()
    {
        var (exit, output) = await RunAsync(BotHost.NewFolder(), "list");

        Assert.Equal(OfficersCommand.Succeeded, exit);
        Assert.Contains("No active officers.", output, StringComparison.Ordinal);
        Assert.Contains("No pending invites.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removes_an_officer_and_shares_their_open_visits_out_again()
    {
        var folder = BotHost.NewFolder();
        var (_, invite) = await RunAsync(folder, "invite", "--name", "Budi Santoso");
        await StartAsync(folder, InviteCode().Match(invite).Value);
        var visitId = await AssignedVisitAsync(folder, officerId: 1);

        var (exit, output) = await RunAsync(folder, "remove", "1");

        Assert.Equal(OfficersCommand.Succeeded, exit);
        Assert.Contains("Removed officer 1 (Budi Santoso)", output, StringComparison.Ordinal);
        Assert.Contains("1 open visit(s)", output, StringComparison.Ordinal);
        await using var app = Build(folder, null, []);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
        Assert.Null((await db.Visits.FindAsync(visitId))!.OfficerId);
        var officer = Assert.Single(db.Officers);
        Assert.False(officer.Active);
        Assert.Null(officer.ChatKey);
        var (_, list) = await RunAsync(folder, "list");
        Assert.Contains("No active officers.", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_the_collective_sessions_the_removed_officer_was_to_go_to_and_whether_anyone_else_goes()
    {
        var folder = BotHost.NewFolder();
        var (_, budi) = await RunAsync(folder, "invite", "--name", "Budi Santoso");
        await StartAsync(folder, InviteCode().Match(budi).Value);
        var (_, rudi) = await RunAsync(folder, "invite", "--name", "Rudi Hartono");
        await StartAsync(folder, InviteCode().Match(rudi).Value, chat: "3002");
        var alone = await PromisedSessionAsync(folder, SessionStatus.Approved, [1]);
        var together = await PromisedSessionAsync(folder, SessionStatus.Proposed, [1, 2]);
        var elsewhere = await PromisedSessionAsync(folder, SessionStatus.Approved, [2]);

        var (exit, output) = await RunAsync(folder, "remove", "1");

        Assert.Equal(OfficersCommand.Succeeded, exit);
        Assert.Contains($"collective session {alone} on", output, StringComparison.Ordinal);
        Assert.Contains("(Approved) and nobody else goes", output, StringComparison.Ordinal);
        Assert.Contains($"collective session {together} on", output, StringComparison.Ordinal);
        Assert.Contains("(Proposed); 1 other officer(s) still go.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_so_for_an_unknown_id_and_exits_with_one()
    {
        var (exit, output) = await RunAsync(BotHost.NewFolder(), "remove", "42");

        Assert.Equal(OfficersCommand.NotFound, exit);
        Assert.Contains("No active officer has id 42", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("invite")]
    [InlineData("invite", "--name")]
    [InlineData("invite", "--name", " ")]
    [InlineData("invite", "--name", "Budi", "--role", "boss")]
    [InlineData("remove")]
    [InlineData("remove", "abc")]
    [InlineData("remove", "0")]
    [InlineData("remove", "1", "2")]
    [InlineData("list", "everyone")]
    [InlineData("promote", "1")]
    public async Task Prints_the_usage_for_bad_arguments_exits_with_two_and_touches_nothing(params string[] words)
    {
        var folder = BotHost.NewFolder();

        var (exit, output) = await RunAsync(folder, words);

        Assert.Equal(OfficersCommand.BadArguments, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("officers invite --name", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "timpora.db")));
    }

    [Fact]
    public void Knows_its_verb()
    {
        Assert.True(OfficersCommand.IsVerb(["officers", "list"]));
        Assert.False(OfficersCommand.IsVerb(["chat"]));
        Assert.False(OfficersCommand.IsVerb([]));
    }

    /// <summary>
    /// <c>dotnet run --project src/Bot -- officers …</c> end to end: the program's own entry point, its console and its
    /// exit code. It needs the <c>officers</c> lines in Program.cs.
    /// </summary>
    [Fact]
    public async Task Runs_as_a_verb_of_the_program_and_exits_with_its_code()
    {
        var folder = BotHost.NewFolder();

        // An options error stops the service at start: should the verb fall through to the service, the program
        // fails at once instead of serving until the test gives up.
        string[] settings = [.. Settings(BotHost.Settings(null, folder)), "--Collective:MinimumApplicants=0"];

        var (invited, output) = await MainAsync(["officers", "invite", "--name", "Budi Santoso", .. settings]);
        var (refused, usage) = await MainAsync(["officers", "invite", .. settings]);
        var (missing, _) = await MainAsync(["officers", "remove", "7", .. settings]);

        Assert.Equal(0, invited);
        Assert.Matches(InviteCode(), output);
        Assert.Equal(2, refused);
        Assert.Contains("Usage:", usage, StringComparison.Ordinal);
        Assert.Equal(1, missing);
    }

    private static Task<(int Exit, string Output)> RunAsync(string folder, params string[] words) => RunAsync(folder, null, words);

    /// <summary>As the program runs the verb: the host built from the same arguments, not started.</summary>
    private static async Task<(int Exit, string Output)> RunAsync(string folder, FakeBotApi? api, params string[] words)
    {
        var settings = Settings(BotHost.Settings(api, folder));
        await using var app = Build(folder, api, [OfficersCommand.Verb, .. words, .. settings]);
        var output = new StringWriter();
        var exit = await OfficersCommand.RunAsync(app.Services, [.. words, .. settings], new ConsoleIo(TextReader.Null, output), CancellationToken.None);
        return (exit, output.ToString());
    }

    private static WebApplication Build(string folder, FakeBotApi? api, string[] args) =>
        Program.Build(args.Length > 0 ? args : [.. Settings(BotHost.Settings(api, folder))]);

    private static string[] Settings(IDictionary<string, string?> settings) => [.. settings.Select(s => $"--{s.Key}={s.Value}")];

    /// <summary>A person opening the invite link: <c>/start code</c> through the real engine.</summary>
    private static async Task<IReadOnlyList<OutgoingMessage>> StartAsync(string folder, string code, string chat = "5001")
    {
        await using var app = Build(folder, null, []);
        await using var scope = app.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ConversationEngine>();
        var start = new IncomingMessage(new ConversationAddress(Channel.Telegram, chat), IncomingKind.Command)
        {
            Text = $"/start {code}",
            Command = "start",
            CommandArgument = code,
            LanguageHint = "id",
        };
        return await engine.RunTurnAsync(start, null, CancellationToken.None);
    }

    private static async Task<string> PromisedSessionAsync(string folder, SessionStatus status, long[] officers)
    {
        await using var app = Build(folder, null, []);
        await using var scope = app.Services.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<Sessions>();
        var now = TimeProvider.System.GetUtcNow();
        var facts = new SessionFacts(
            OrganisationKind.Pesantren, "Pondok Pesantren Al-Falah", "Ustadz Hasan", "+6281111111111", SessionPurpose.Umrah, 40,
            null, "Kab. Serang", "Aula", [new PreferredDate(DateOnly.FromDateTime(now.UtcDateTime).AddDays(10), DayPart.Morning)]);
        var session = await sessions.RequestAsync(new ConversationAddress(Channel.Telegram, "5001"), Language.Indonesian, facts, now, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<TimporaDb>().SaveChangesAsync();
        await sessions.ScheduleAsync(session, status, DateOnly.FromDateTime(now.UtcDateTime).AddDays(10), new TimeOnly(8, 0), officers, now, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<TimporaDb>().SaveChangesAsync();
        return session.Code;
    }

    private static async Task<long> AssignedVisitAsync(string folder, long officerId)
    {
        await using var app = Build(folder, null, []);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var facts = new VisitFacts(
            VisitReason.InHospital, null, VisitService.NewPassport, 1, null, "Kota Serang", "RSUD Serang, Ruang Melati 3",
            "Siti Aminah", "3604014101900003", "+6281234567890", null);
        var date = DateOnly.FromDateTime(now).AddDays(3);
        var visit = new Visit("JB-7K3Q9X", new ConversationAddress(Channel.Telegram, "2001"), Language.Indonesian, facts, new Slot(date, new(9, 0), new(11, 0)), new DateTimeOffset(now.AddDays(3)), now);
        visit.AssignTo(officerId, now);
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return visit.Id;
    }

    /// <summary>Runs the program's entry point as <c>dotnet run</c> would, reading what it writes to the console.</summary>
    private static async Task<(int Exit, string Output)> MainAsync(string[] args)
    {
        var main = typeof(Program).Assembly.EntryPoint ?? throw new InvalidOperationException("The bot has no entry point.");
        var console = new StringWriter();
        var previous = System.Console.Out;
        System.Console.SetOut(TextWriter.Synchronized(console));
        try
        {
            var result = await Task.Run(() => main.Invoke(null, [args])).WaitAsync(Patience);
            var exit = result is Task<int> running ? await running.WaitAsync(Patience) : (int)result!;
            return (exit, console.ToString());
        }
        finally
        {
            System.Console.SetOut(previous);
        }
    }

    [GeneratedRegex("of_[a-z0-9]{20}")]
    private static partial Regex InviteCode();
}
