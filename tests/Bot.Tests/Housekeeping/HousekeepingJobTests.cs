using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Timpora.Bot.Housekeeping;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Reports;
using Timpora.Core.Storage;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Housekeeping;

public sealed class HousekeepingJobTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 19, 30, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    public HousekeepingJobTests() => _connection.Open();

    [Fact]
    public async Task Forgets_old_handled_updates_and_settled_messages_but_keeps_what_still_matters()
    {
        await using (var db = Open())
        {
            await db.Database.EnsureCreatedAsync();
            db.Inbox.Add(Entry("old-done", Now.AddDays(-4), done: true));
            db.Inbox.Add(Entry("old-pending", Now.AddDays(-4), done: false));
            db.Inbox.Add(Entry("recent-done", Now.AddHours(-2), done: true));
            db.Outbox.Add(Settled(key: null, Now.AddDays(-31)));
            db.Outbox.Add(Settled(key: "visit:1:reminder:day-before", Now.AddDays(-31)));
            db.Outbox.Add(new OutboxMessage("telegram", "1", "{}", null, Now.AddDays(-40).UtcDateTime));
            await db.SaveChangesAsync();
        }

        await using (var db = Open())
        {
            await new HousekeepingJob(db, new FakeTimeProvider(Now), NullLogger<HousekeepingJob>.Instance).Execute(null!, CancellationToken.None);
        }

        await using var check = Open();
        Assert.Equal(["old-pending", "recent-done"], await check.Inbox.OrderBy(e => e.UpdateId).Select(e => e.UpdateId).ToListAsync());
        Assert.Equal(2, await check.Outbox.CountAsync());
        Assert.True(await check.Outbox.AnyAsync(m => m.IdempotencyKey == "visit:1:reminder:day-before"));
        Assert.True(await check.Outbox.AnyAsync(m => m.Status == OutboxStatus.Pending));
    }

    [Fact]
    public async Task Erases_a_report_draft_abandoned_for_a_day_and_leaves_fresh_drafts_and_other_flows_alone()
    {
        await using (var db = Open())
        {
            await db.Database.EnsureCreatedAsync();
            db.Conversations.Add(InFlow("abandoned", ReportFlow.FlowName, """{"v":1,"s":{"draft":"orang asing di gang"}}""", Now.AddHours(-25)));
            db.Conversations.Add(InFlow("fresh", ReportFlow.FlowName, """{"v":1,"s":{"draft":"baru saja"}}""", Now.AddHours(-2)));
            db.Conversations.Add(InFlow("booking", "jb", """{"v":1,"s":{}}""", Now.AddDays(-3)));
            await db.SaveChangesAsync();
        }

        await using (var db = Open())
        {
            await new HousekeepingJob(db, new FakeTimeProvider(Now), NullLogger<HousekeepingJob>.Instance).Execute(null!, CancellationToken.None);
        }

        await using var check = Open();
        var conversations = await check.Conversations.ToDictionaryAsync(c => c.Pseudonym);
        Assert.Null(conversations["abandoned"].Flow);
        Assert.Null(conversations["abandoned"].FlowState);
        Assert.Equal(ReportFlow.FlowName, conversations["fresh"].Flow);
        Assert.Contains("baru saja", conversations["fresh"].FlowState, StringComparison.Ordinal);
        Assert.Equal("jb", conversations["booking"].Flow);
    }

    public void Dispose() => _connection.Dispose();

    private static Conversation InFlow(string pseudonym, string flow, string state, DateTimeOffset at)
    {
        var conversation = new Conversation(pseudonym, Language.Indonesian, at.UtcDateTime);
        conversation.Enter(flow, state);
        return conversation;
    }

    private TimporaDb Open() => new(new DbContextOptionsBuilder<TimporaDb>().UseSqlite(_connection).Options);

    private static InboxEntry Entry(string updateId, DateTimeOffset at, bool done)
    {
        var entry = new InboxEntry("telegram", updateId, "pseudonym", "{}", at.UtcDateTime);
        if (done)
        {
            entry.MarkDone();
        }

        return entry;
    }

    private static OutboxMessage Settled(string? key, DateTimeOffset at)
    {
        var message = new OutboxMessage("telegram", "1", "{}", key, at.UtcDateTime);
        message.MarkSent();
        return message;
    }
}
