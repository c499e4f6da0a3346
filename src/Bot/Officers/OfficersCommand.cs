using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Timpora.Bot.Console;
using Timpora.Bot.Storage;
using Timpora.Bot.Telegram;
using Timpora.Core.Collective;
using Timpora.Core.Officers;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;
using Timpora.Core.Visits;

namespace Timpora.Bot.Officers;

/// <summary>
/// <c>dotnet run --project src/Bot -- officers invite|list|remove</c>: the office admin's side of enrolment. It runs
/// against the same database as the service, with the service's configuration, and exits without starting the
/// service (so it never polls Telegram alongside a running bot). Arguments that are not its own (such as
/// <c>--ConnectionStrings:Timpora=…</c>) are settings for the host and are left to it.
/// </summary>
public static class OfficersCommand
{
    public const string Verb = "officers";

    public const int Succeeded = 0;
    public const int NotFound = 1;
    public const int BadArguments = 2;

    private const int MaxNameLength = 100;

    private const string Usage = """
        Usage:
          officers invite --name "Full Name" [--role officer|supervisor]   one-time enrolment code and link (valid 7 days)
          officers list                                                   active officers and unused invites
          officers remove <id>                                            removes an officer; their open visits are shared out again
        """;

    public static bool IsVerb(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count > 0 && args[0] == Verb;
    }

    /// <param name="args">What follows the verb, e.g. <c>invite --name "Siti Aminah" --role supervisor</c>.</param>
    /// <returns>The process exit code: 0 done, 1 no such officer, 2 bad arguments.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, ConsoleIo io, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(io);
        var output = io.Output;
        var request = Parse(args, out var problem);
        if (request is null)
        {
            if (problem is not null)
            {
                await output.WriteLineAsync(problem);
            }

            await output.WriteLineAsync(Usage);
            return BadArguments;
        }

        await services.MigrateDatabaseAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var result = request switch
        {
            Invite invite => await InviteAsync(provider, invite, output, ct),
            Remove remove => await RemoveAsync(provider, remove.OfficerId, output, ct),
            _ => await ListAsync(provider, output, ct),
        };
        await output.FlushAsync(ct);
        return result;
    }

    private static async Task<int> InviteAsync(IServiceProvider provider, Invite invite, TextWriter output, CancellationToken ct)
    {
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var code = provider.GetRequiredService<Core.Officers.Officers>().Invite(invite.Name, invite.Role, now);
        await provider.GetRequiredService<TimporaDb>().SaveChangesAsync(ct);

        var role = RoleName(invite.Role);
        await output.WriteLineAsync($"Invite for {invite.Name} ({role}). It works once and expires {Local(provider, now + Core.Officers.Officers.InviteLifetime)}.");
        await output.WriteLineAsync($"  Code: {code}");
        if (await BotUsernameAsync(provider, output, ct) is { } username)
        {
            await output.WriteLineAsync($"  Link: https://t.me/{username}?start={code}");
            await output.WriteLineAsync($"Send the link only to {invite.Name}: whoever opens it first becomes the {role}.");
        }
        else
        {
            await output.WriteLineAsync($"Ask {invite.Name} to send this message to the bot in a private chat:  /start {code}");
            await output.WriteLineAsync($"Send it only to {invite.Name}: whoever uses it first becomes the {role}.");
        }

        return Succeeded;
    }

    private static async Task<int> ListAsync(IServiceProvider provider, TextWriter output, CancellationToken ct)
    {
        var officers = provider.GetRequiredService<Core.Officers.Officers>();
        var active = await officers.ActiveAsync(ct);
        await output.WriteLineAsync(active.Count == 0 ? "No active officers." : "Active officers (id, name, role, enrolled):");
        foreach (var officer in active)
        {
            var enrolled = officer.EnrolledAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"  {officer.Id,4}  {officer.Name}  {RoleName(officer.Role)}  {enrolled}");
        }

        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var pending = await officers.PendingInvitesAsync(now, ct);
        await output.WriteLineAsync(pending.Count == 0 ? "No pending invites." : "Pending invites (name, role, expires):");
        foreach (var invite in pending)
        {
            await output.WriteLineAsync($"  {invite.Name}  {RoleName(invite.Role)}  {Local(provider, new DateTimeOffset(invite.ExpiresAt, TimeSpan.Zero))}");
        }

        return Succeeded;
    }

    private static async Task<int> RemoveAsync(IServiceProvider provider, long officerId, TextWriter output, CancellationToken ct)
    {
        var db = provider.GetRequiredService<TimporaDb>();
        var open = await db.Visits.CountAsync(v => v.OfficerId == officerId && v.Status == VisitStatus.Booked, ct);
        var sessions = await PromisedSessionsAsync(provider, db, officerId, ct);
        var removed = await provider.GetRequiredService<Core.Officers.Officers>().RemoveAsync(officerId, ct);
        if (removed is null)
        {
            await output.WriteLineAsync($"No active officer has id {officerId}; 'officers list' shows who is enrolled.");
            return NotFound;
        }

        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync(
            $"Removed officer {officerId} ({removed.Name}). Their chat is forgotten, and {open} open visit(s) will be shared out again with the next schedule.");
        foreach (var session in sessions)
        {
            // A collective session is not shared out like visits: the supervisor chose who goes, so the office must know.
            await output.WriteLineAsync(session.Others > 0
                ? string.Create(CultureInfo.InvariantCulture, $"They were to go to collective session {session.Code} on {session.Date:yyyy-MM-dd} ({session.Status}); {session.Others} other officer(s) still go.")
                : string.Create(CultureInfo.InvariantCulture, $"They were to go to collective session {session.Code} on {session.Date:yyyy-MM-dd} ({session.Status}) and nobody else goes: arrange another team with the coordinator."));
        }

        return Succeeded;
    }

    /// <summary>The approved or proposed sessions from today on that the officer was to go to, with how many others go.</summary>
    private static async Task<IReadOnlyList<PromisedSession>> PromisedSessionsAsync(IServiceProvider provider, TimporaDb db, long officerId, CancellationToken ct)
    {
        var today = provider.GetRequiredService<WorkingCalendar>().Today(provider.GetRequiredService<TimeProvider>().GetUtcNow());
        var sessions = await db.SessionOfficers
            .Where(o => o.OfficerId == officerId)
            .Join(
                db.Sessions.Where(s => (s.Status == SessionStatus.Approved || s.Status == SessionStatus.Proposed) && s.Date >= today),
                o => o.SessionId,
                s => s.Id,
                (_, s) => new { s.Id, s.Code, Date = s.Date!.Value, s.Status })
            .OrderBy(s => s.Date)
            .ToListAsync(ct);
        var promised = new List<PromisedSession>(sessions.Count);
        foreach (var s in sessions)
        {
            var others = await db.SessionOfficers.CountAsync(o => o.SessionId == s.Id && o.OfficerId != officerId, ct);
            promised.Add(new PromisedSession(s.Code, s.Date, s.Status, others));
        }

        return promised;
    }

    /// <summary>The bot's username from Telegram itself, so the link is right for whichever bot the token belongs to.</summary>
    private static async Task<string?> BotUsernameAsync(IServiceProvider provider, TextWriter output, CancellationToken ct)
    {
        // Registered only when a token is configured (and never in the terminal chat).
        if (provider.GetService<TelegramClient>() is not { } telegram)
        {
            return null;
        }

        try
        {
            var me = await telegram.GetMeAsync(ct);
            return string.IsNullOrWhiteSpace(me.Username) ? null : me.Username;
        }
        catch (Exception ex) when (ex is TelegramApiException or TelegramTransportException)
        {
            // The messages name the method and the status, never the token.
            await output.WriteLineAsync($"(Could not ask Telegram for the bot's username, so there is no link: {ex.Message})");
            return null;
        }
    }

    private static string Local(IServiceProvider provider, DateTimeOffset instant)
    {
        var zone = provider.GetRequiredService<WorkingCalendar>().Zone;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} ({zone.Id})");
    }

    private static string RoleName(OfficerRole role) => role == OfficerRole.Supervisor ? "supervisor" : "officer";

    private static Request? Parse(string[] args, out string? problem)
    {
        problem = null;
        var words = new List<string>();
        string? name = null;
        string? role = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                words.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? arg[2..] : arg[2..equals];
            var value = equals >= 0 ? arg[(equals + 1)..]
                : i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i]
                : null;
            if (key.Equals("name", StringComparison.OrdinalIgnoreCase))
            {
                name = value;
            }
            else if (key.Equals("role", StringComparison.OrdinalIgnoreCase))
            {
                role = value;
            }

            // Anything else is a host setting, e.g. --ConnectionStrings:Timpora=..., which the host has already read.
        }

        switch (words)
        {
            case ["invite"]:
                return InviteOf(name, role, out problem);
            case ["list"]:
                return new ListAll();
            case ["remove", var id] when long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var officerId) && officerId > 0:
                return new Remove(officerId);
            case ["remove", ..]:
                problem = "Give one officer id, as 'officers list' shows it, e.g. officers remove 3.";
                return null;
            default:
                return null;
        }
    }

    private static Invite? InviteOf(string? name, string? role, out string? problem)
    {
        problem = null;
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNameLength)
        {
            problem = $"Give the officer's name (1 to {MaxNameLength} characters) with --name \"Full Name\".";
            return null;
        }

        OfficerRole? parsed = role?.Trim().ToUpperInvariant() switch
        {
            null or "OFFICER" or "PETUGAS" => OfficerRole.Officer,
            "SUPERVISOR" => OfficerRole.Supervisor,
            _ => null,
        };
        if (parsed is not { } officerRole)
        {
            problem = $"The role must be 'officer' or 'supervisor', not '{role}'.";
            return null;
        }

        return new Invite(trimmed, officerRole);
    }

    private abstract record Request;

    private sealed record Invite(string Name, OfficerRole Role) : Request;

    private sealed record ListAll : Request;

    private sealed record Remove(long OfficerId) : Request;
}

internal sealed record PromisedSession(string Code, DateOnly Date, SessionStatus Status, int Others);
