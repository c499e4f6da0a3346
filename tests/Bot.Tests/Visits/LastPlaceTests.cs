using Microsoft.EntityFrameworkCore;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Visits;

/// <summary>
/// Two relatives confirm the last place of a window at the same moment, in the real host on a SQLite file: turns of
/// different chats run in parallel there, so only the database can decide.
/// </summary>
public sealed class LastPlaceTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Exactly_one_of_two_simultaneous_bookings_gets_the_last_place_and_the_other_is_offered_other_windows()
    {
        var clock = new ShiftedTimeProvider(Monday);
        await using var host = await BotHost.StartAsync(api: null, configure: b => b.Services.AddSingleton<TimeProvider>(clock));

        // Three of the window's four places are taken; two relatives each want one of the last.
        await BookToConfirmAsync(host, "91001", applicants: 3);
        await TurnAsync(host, "91001", Press("v1:jb:ok"));
        await BookToConfirmAsync(host, "91002", applicants: 1);
        await BookToConfirmAsync(host, "91003", applicants: 1);

        using var start = new SemaphoreSlim(0, 2);
        var first = Task.Run(async () => { await start.WaitAsync(); return await TurnAsync(host, "91002", Press("v1:jb:ok")); });
        var second = Task.Run(async () => { await start.WaitAsync(); return await TurnAsync(host, "91003", Press("v1:jb:ok")); });
        start.Release(2);
        var replies = await Task.WhenAll(first, second);

        var visits = await host.InScopeAsync(db => db.Visits.AsNoTracking().Where(v => v.Date == new DateOnly(2026, 11, 24) && v.Starts == new TimeOnly(13, 0)).ToListAsync());
        Assert.Equal(2, visits.Count);
        Assert.Equal(4, visits.Sum(v => v.Applicants));
        var loser = Assert.Single(replies, r => r[0].Text == Texts.Get(Language.Indonesian, "Visit.SlotTaken"));
        Assert.DoesNotContain("v1:jb:a:slot:20261124-1300", loser[1].Buttons.SelectMany(row => row).Select(b => b.Payload));
        Assert.Contains("v1:jb:a:slot:20261125-0900", loser[1].Buttons.SelectMany(row => row).Select(b => b.Payload));
        var load = await host.InScopeAsync(db => db.SlotLoads.AsNoTracking().SingleAsync(l => l.Date == new DateOnly(2026, 11, 24) && l.Starts == new TimeOnly(13, 0)));
        Assert.Equal(4, load.Units);
    }

    private static async Task BookToConfirmAsync(BotHost host, string chat, int applicants)
    {
        IncomingMessage[] steps =
        [
            Command(chat, "jemputbola"),
            Press("v1:jb:a:why:InHospital"),
            Press("v1:jb:a:svc:NewPassport"),
            Press($"v1:jb:a:n:{applicants}"),
            new(Address(chat), IncomingKind.Location) { Location = new GeoPoint(-6.1189, 106.1543) },
            Text("RSUD dr. Dradjat Prawiranegara, ruang Melati"),
            Press("v1:jb:a:slot:20261124-1300"),
            Text("Siti Aminah"),
            Text("3604014501900003"),
            Text("081234567890"),
            Press("v1:jb:skip:letter"),
        ];
        foreach (var step in steps)
        {
            await TurnAsync(host, chat, step);
        }
    }

    private static async Task<IReadOnlyList<OutgoingMessage>> TurnAsync(BotHost host, string chat, IncomingMessage message)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<ConversationEngine>();
        return await engine.RunTurnAsync(message with { Address = Address(chat) }, null, CancellationToken.None);
    }

    private static ConversationAddress Address(string chat) => new(Channel.Telegram, chat);

    private static IncomingMessage Command(string chat, string command) =>
        new(Address(chat), IncomingKind.Command) { Command = command, Text = "/" + command, LanguageHint = "id" };

    private static IncomingMessage Press(string payload) =>
        new(Address("0"), IncomingKind.Button) { Payload = payload, LanguageHint = "id" };

    private static IncomingMessage Text(string text) =>
        new(Address("0"), IncomingKind.Text) { Text = text, LanguageHint = "id" };
}
