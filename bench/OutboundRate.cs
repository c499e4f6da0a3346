using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Bot.Delivery;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Storage;
using Timpora.Testing;

namespace Timpora.Bench;

internal sealed record OutboundResult(int Messages, int Accepted, int RateLimited, TimeSpan FirstToLast, TimeSpan WakeToLast, int LeftInOutbox, int Limit)
{
    /// <summary>Accepted sends per second between the first and the last accepted one.</summary>
    public double PerSecond => FirstToLast > TimeSpan.Zero ? (Accepted - 1) / FirstToLast.TotalSeconds : 0;

    public double PercentOfLimit => 100 * PerSecond / Limit;
}

/// <summary>
/// How fast the outbox dispatcher empties a backlog to many chats against a Bot API that answers 429 to anything
/// beyond Telegram's limits (30 messages/s overall, sliding one-second window).
/// </summary>
internal static class OutboundRate
{
    public static async Task<OutboundResult> RunAsync(int messages)
    {
        var options = new FakeBotApiOptions { EnforceRateLimits = true };
        await using var api = await FakeBotApi.StartAsync(options);
        await using var service = await ServiceUnderTest.StartAsync(api);
        await ReplyLatency.WaitForPollingAsync(api);

        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
            var outbox = new Outbox(db, TimeProvider.System);
            for (var i = 0; i < messages; i++)
            {
                var chat = (400_000_000L + i).ToString(CultureInfo.InvariantCulture);
                outbox.Enqueue(new ConversationAddress(Channel.Telegram, chat), OutgoingMessage.Say($"Pengingat <b>{i}</b>: kunjungan besok pukul 09.00."));
            }

            await db.SaveChangesAsync();
        }

        var woken = Stopwatch.StartNew();
        service.Services.GetRequiredService<OutboxDispatcher>().Wake();
        await api.WaitForSentCountAsync(messages, TimeSpan.FromSeconds(30 + (messages / 10)));
        var wakeToLast = woken.Elapsed;

        var sent = api.Sent;
        int left;
        await using (var scope = service.Services.CreateAsyncScope())
        {
            // The dispatcher deletes a message once sent; give the last deletions a moment to commit.
            var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
            var waited = Stopwatch.StartNew();
            while ((left = await db.Outbox.CountAsync()) > 0 && waited.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(50);
            }
        }

        return new OutboundResult(messages, sent.Count, api.RateLimitedCount, sent[^1].At - sent[0].At, wakeToLast, left, options.GlobalMessagesPerSecond);
    }
}
