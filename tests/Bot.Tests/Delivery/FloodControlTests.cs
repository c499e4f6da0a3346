using Timpora.Bot.Delivery;
using Timpora.Bot.Tests.Support;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Delivery;

/// <summary>
/// Its own class so it runs beside the others: every retry also waits for a place in the chat's window
/// (3 per 3 s), so twenty-odd retries take about half a minute.
/// </summary>
public sealed class FloodControlTests
{
    [Fact]
    public async Task Waiting_out_flood_control_does_not_count_as_failing_so_a_long_flood_never_drops_a_message()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api);
        api.FailNext("sendMessage", 429, "Too Many Requests: retry after 0", retryAfter: 0, times: OutboxDispatcher.MaxAttempts + 5);
        api.FailNext("sendMessage", 502, "Bad Gateway");

        await DispatchTests.EnqueueAsync(host, [(8451, "after a long flood")]);
        await api.WaitForMessageAsync(m => m.ChatId == 8451, TimeSpan.FromSeconds(90));

        Assert.Single(api.SentTo(8451));
    }
}
