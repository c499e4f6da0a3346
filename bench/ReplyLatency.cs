using System.Collections.Concurrent;
using System.Diagnostics;
using Timpora.Testing;

namespace Timpora.Bench;

internal sealed record LatencyResult(int Chats, int Sent, Percentiles Latency, int Missing, TimeSpan Elapsed)
{
    public double RepliesPerSecond => Latency.Count / Elapsed.TotalSeconds;
}

internal sealed record LatencyResults(LatencyResult Paced, TimeSpan PacedPeriod, LatencyResult Burst, TimeSpan ClockUncertainty);

/// <summary>
/// Update-to-reply latency through the whole service: the fake Bot API queues an update, the service long-polls it,
/// stores it in the inbox, runs the turn, writes the outbox, and the dispatcher sends the reply. Latency runs from
/// just before the update is queued to the moment the fake accepted the reply's sendMessage, both on Stopwatch clocks.
/// </summary>
internal static class ReplyLatency
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<LatencyResults> RunAsync(int chats, TimeSpan pacedPeriod, int pacedRounds, int bursts)
    {
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { EnforceRateLimits = false });
        await using var service = await ServiceUnderTest.StartAsync(api);
        await WaitForPollingAsync(api);

        var clock = Stopwatch.StartNew();
        var (offset, uncertainty) = await CalibrateAsync(api, clock);
        var lastReply = new ConcurrentDictionary<long, TimeSpan>();

        // One message from the person, and the time until the fake accepted the bot's answer to it.
        async Task<TimeSpan?> RoundTripAsync(long chat)
        {
            var before = lastReply.GetValueOrDefault(chat, TimeSpan.MinValue);
            var sentAt = clock.Elapsed;
            api.SendText(chat, "/bantuan");
            try
            {
                var reply = await api.WaitForMessageAsync(m => m.ChatId == chat && m.At > before, Patience);
                lastReply[chat] = reply.At;
                return reply.At + offset - sentAt;
            }
            catch (TimeoutException)
            {
                return null;
            }
        }

        // Warm-up, not measured: 20 chats, one message each, so the first measured turns do not pay for JIT.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => RoundTripAsync(290_000_000L + i)));

        // The warm-up's replies fill most of the service's one-second sending window (29 messages, under Telegram's
        // 30): let it drain, or the first measured replies wait for it and the paced figure measures the warm-up.
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        var ids = Enumerable.Range(0, chats).Select(i => 300_000_000L + i).ToArray();

        // Paced: each chat writes once per period, the chats evenly staggered, so the offered load
        // (chats / period) stays under Telegram's 30 messages/s and nothing queues for the rate limit.
        var paced = new ConcurrentBag<TimeSpan?>();
        var start = clock.Elapsed + TimeSpan.FromMilliseconds(200);
        await Task.WhenAll(ids.Select((chat, k) => Task.Run(async () =>
        {
            for (var round = 0; round < pacedRounds; round++)
            {
                var due = start + (pacedPeriod * k / chats) + (pacedPeriod * round);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                paced.Add(await RoundTripAsync(chat));
            }
        })));
        var pacedElapsed = clock.Elapsed - start;

        // Burst: every chat writes in the same instant and waits for its answer; the next burst starts when all are
        // answered (and never sooner than 1.1 s, Telegram's per-chat pace). Replies queue for the 30/s limit.
        var burst = new List<TimeSpan?>();
        var burstElapsed = TimeSpan.Zero;
        for (var round = 0; round < bursts; round++)
        {
            var began = clock.Elapsed;
            burst.AddRange(await Task.WhenAll(ids.Select(RoundTripAsync)));
            burstElapsed += clock.Elapsed - began;
            var rest = TimeSpan.FromSeconds(1.1) - (clock.Elapsed - began);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }
        }

        return new LatencyResults(
            Summarise(chats, paced, pacedElapsed),
            pacedPeriod,
            Summarise(chats, burst, burstElapsed),
            uncertainty);
    }

    private static LatencyResult Summarise(int chats, IReadOnlyCollection<TimeSpan?> samples, TimeSpan elapsed) =>
        new(chats, samples.Count, Percentiles.Of(samples.OfType<TimeSpan>()), samples.Count(s => s is null), elapsed);

    /// <summary>Waits until the service has introduced itself (getMe, setMyCommands, deleteWebhook) and polls.</summary>
    internal static async Task WaitForPollingAsync(FakeBotApi api)
    {
        var waited = Stopwatch.StartNew();
        while (api.GetUpdatesCount == 0)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The service never started polling the fake Bot API.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// The offset that turns the fake's clock (Stopwatch since its start) into ours: a call the service never makes,
    /// timed by us around the request, stamped by the fake on arrival. The tightest of 30 round trips wins; the
    /// uncertainty is half its width.
    /// </summary>
    private static async Task<(TimeSpan Offset, TimeSpan Uncertainty)> CalibrateAsync(FakeBotApi api, Stopwatch clock)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var url = new Uri(api.BaseUrl, $"/bot{api.Token}/getMyCommands");
        var best = (Offset: TimeSpan.Zero, Width: TimeSpan.MaxValue);
        for (var i = 0; i < 30; i++)
        {
            var before = clock.Elapsed;
            using (var response = await http.GetAsync(url))
            {
                response.EnsureSuccessStatusCode();
            }

            var after = clock.Elapsed;
            var received = api.CallsOf("getMyCommands")[^1].ReceivedAt;
            if (after - before < best.Width)
            {
                best = (before + ((after - before) / 2) - received, after - before);
            }
        }

        return (best.Offset, best.Width / 2);
    }
}
