using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Privacy;
using Timpora.Core.Reports;
using Timpora.Core.Storage;
using Timpora.Testing;

namespace Timpora.Core.Tests.Support;

/// <summary>
/// The bot as a person meets it: the real flows and engine over a real SQLite database, one turn per call, each in a
/// fresh unit of work and through the inbox, like the host runs them.
/// </summary>
public sealed class EngineHarness : IDisposable
{
    public const string Chat = "1001";
    public const string GroupChat = "-1001987654321";

    private readonly ServiceProvider _services;
    private int _lastUpdateId;

    /// <param name="configure">Replaces options or services after the defaults, e.g. a tighter capacity.</param>
    public EngineHarness(
        OfficeOptions? office = null,
        CollectiveOptions? collective = null,
        ReportsOptions? reports = null,
        IReadOnlyList<IFlow>? extraFlows = null,
        Action<IServiceCollection>? configure = null)
    {
        Office = office ?? Some.Office();
        var services = new ServiceCollection();
        services.AddCore();
        services.AddLogging();
        services.AddSingleton(Options.Create(Office));
        services.AddSingleton(Options.Create(collective ?? Some.Collective()));
        services.AddSingleton(Options.Create(Some.JemputBola()));
        services.AddSingleton(Options.Create(Some.Calendar()));
        services.AddSingleton(Options.Create(Some.Area()));
        services.AddSingleton(Options.Create(reports ?? Some.Reports()));
        services.AddSingleton<IFileSource>(Files);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Pseudonyms);
        services.AddSingleton(Profile);
        services.AddScoped(_ => Database.NewDb());
        foreach (var flow in extraFlows ?? [])
        {
            services.AddSingleton(flow);
        }

        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public TestDatabase Database { get; } = new();

    /// <summary>The files people "sent": register bytes under a file id, or make fetching fail.</summary>
    public FakeFiles Files { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Some.Now);

    public Pseudonyms Pseudonyms { get; } = new(Some.PseudonymKey());

    public BotProfile Profile { get; } = new() { Username = Some.BotUsername };

    public OfficeOptions Office { get; }

    /// <summary>The inbox entry of the last turn, as the engine got it.</summary>
    public long LastInboxEntryId { get; private set; }

    public static ConversationAddress Address(string chat) => new(Channel.Telegram, chat);

    /// <summary>Text as typed; a leading "/" makes it a command, e.g. "/start abc".</summary>
    public Task<IReadOnlyList<OutgoingMessage>> SendAsync(string textOrCommand, string chat = Chat, string? languageHint = "id") =>
        RunAsync(Typed(textOrCommand, chat, languageHint));

    public Task<IReadOnlyList<OutgoingMessage>> PressAsync(string payload, string chat = Chat, string? languageHint = "id") =>
        RunAsync(new IncomingMessage(Address(chat), IncomingKind.Button) { Payload = payload, LanguageHint = languageHint });

    public Task<IReadOnlyList<OutgoingMessage>> SendLocationAsync(double latitude, double longitude, string chat = Chat, string? languageHint = "id") =>
        RunAsync(new IncomingMessage(Address(chat), IncomingKind.Location) { Location = new GeoPoint(latitude, longitude), LanguageHint = languageHint });

    /// <summary>A file sent as a document (not a compressed photo), as the channel describes it; its bytes are in <see cref="Files"/>.</summary>
    public Task<IReadOnlyList<OutgoingMessage>> SendDocumentAsync(string fileId, string? fileName, string? mimeType, long? size, string chat = Chat, string? languageHint = "id") =>
        RunAsync(new IncomingMessage(Address(chat), IncomingKind.Document) { File = new IncomingFile(fileId, size, mimeType, fileName, IsPhoto: false), LanguageHint = languageHint });

    /// <summary>Something the bot cannot use, e.g. "sticker" or "voice".</summary>
    public Task<IReadOnlyList<OutgoingMessage>> SendUnsupportedAsync(string kind, string chat = Chat, string? languageHint = "id") =>
        RunAsync(new IncomingMessage(Address(chat), IncomingKind.Unsupported) { UnsupportedKind = kind, LanguageHint = languageHint });

    public Task<IReadOnlyList<OutgoingMessage>> SendInGroupAsync(string textOrCommand, string group = GroupChat) =>
        RunAsync(Typed(textOrCommand, group, "id") with { InGroup = true });

    /// <summary>A button pressed under a message in a group: the presser's own turn, as the Telegram translator makes it.</summary>
    public Task<IReadOnlyList<OutgoingMessage>> PressInGroupAsync(string payload, string presser, string group = GroupChat) =>
        RunAsync(new IncomingMessage(Address(presser), IncomingKind.Button) { Payload = payload, LanguageHint = "id", PressedInGroup = Address(group) });

    /// <summary>
    /// Stores the message in the inbox, then runs its turn in a fresh unit of work on the message as read back from
    /// the inbox, like the host's turn runner.
    /// </summary>
    public async Task<IReadOnlyList<OutgoingMessage>> RunAsync(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (entryId, stored) = await StoreInInboxAsync(message);
        LastInboxEntryId = entryId;
        await using var scope = _services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ConversationEngine>();
        return await engine.RunTurnAsync(MessageJson.Read<IncomingMessage>(stored), entryId, CancellationToken.None);
    }

    /// <summary>Runs the last inbox entry's turn once more, as a second instance racing the first would.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> RunLastEntryAgainAsync()
    {
        var entry = InboxRows().Single(e => e.Id == LastInboxEntryId);
        await using var scope = _services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ConversationEngine>();
        return await engine.RunTurnAsync(new IncomingMessage(Address(Chat), IncomingKind.Command) { Command = "start" }, entry.Id, CancellationToken.None);
    }

    public Conversation? ConversationOf(string chat = Chat)
    {
        using var db = Database.NewDb();
        var pseudonym = Pseudonyms.Of(Address(chat));
        return db.Conversations.AsNoTracking().SingleOrDefault(c => c.Pseudonym == pseudonym);
    }

    public Conversation Conversation(string chat = Chat) =>
        ConversationOf(chat) ?? throw new InvalidOperationException($"No conversation for chat {chat}.");

    public IReadOnlyList<OutboxMessage> OutboxRows()
    {
        using var db = Database.NewDb();
        return db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToList();
    }

    /// <summary>What is waiting to be sent to a chat, in order.</summary>
    public IReadOnlyList<OutgoingMessage> Queued(string chat = Chat) =>
        OutboxRows().Where(o => o.ChatKey == chat).Select(o => MessageJson.Read<OutgoingMessage>(o.Message!)).ToList();

    public IReadOnlyList<InboxEntry> InboxRows()
    {
        using var db = Database.NewDb();
        return db.Inbox.AsNoTracking().OrderBy(e => e.Id).ToList();
    }

    /// <summary>What the dispatcher does once the platform accepted everything.</summary>
    public void MarkOutboxSent()
    {
        using var db = Database.NewDb();
        foreach (var message in db.Outbox)
        {
            message.MarkSent();
        }

        db.SaveChanges();
    }

    /// <summary>Runs something in its own unit of work with the harness's services, as a job or a second instance would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) =>
        InScopeAsync<bool>(async provider =>
        {
            await work(provider);
            return true;
        });

    /// <summary>
    /// An officer invited (as the CLI does) and enrolled from <paramref name="chat"/>, without the welcome message, so
    /// what a test finds in that chat's outbox is only what the test itself caused. Returns the officer's id.
    /// </summary>
    public Task<long> EnrolOfficerAsync(string name, OfficerRole role, string chat) =>
        InScopeAsync(async services =>
        {
            var officers = services.GetRequiredService<Core.Officers.Officers>();
            var db = services.GetRequiredService<TimporaDb>();
            var code = officers.Invite(name, role, Clock.GetUtcNow());
            await db.SaveChangesAsync();
            var enrolment = await officers.EnrolAsync(code, Address(chat), Clock.GetUtcNow(), CancellationToken.None);
            await db.SaveChangesAsync();
            return enrolment.Officer?.Id ?? throw new InvalidOperationException($"{name} did not enrol.");
        });

    public void Dispose()
    {
        _services.Dispose();
        Database.Dispose();
    }

    private static IncomingMessage Typed(string textOrCommand, string chat, string? languageHint)
    {
        ArgumentNullException.ThrowIfNull(textOrCommand);
        var message = new IncomingMessage(Address(chat), IncomingKind.Text) { Text = textOrCommand, LanguageHint = languageHint };
        if (!textOrCommand.StartsWith('/'))
        {
            return message;
        }

        var parts = textOrCommand[1..].Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var command = parts.Length > 0 ? parts[0].Split('@')[0].ToLowerInvariant() : "";
        return message with
        {
            Kind = IncomingKind.Command,
            Command = command,
            CommandArgument = parts.Length > 1 ? parts[1] : null,
        };
    }

    private async Task<(long Id, string Message)> StoreInInboxAsync(IncomingMessage message)
    {
        await using var db = Database.NewDb();
        var now = Clock.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var updateId = (++_lastUpdateId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entry = new InboxEntry(message.Address.Channel, updateId, Pseudonyms.Of(message.Address), MessageJson.Write(message), hour);
        db.Inbox.Add(entry);
        await db.SaveChangesAsync();
        return (entry.Id, entry.Message!);
    }
}
