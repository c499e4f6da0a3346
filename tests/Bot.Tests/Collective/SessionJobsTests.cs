using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Timpora.Bot.Collective;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;
using Timpora.Core.Storage;

namespace Timpora.Bot.Tests.Collective;

public sealed class SessionJobsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Runs_the_session_reminders_once_right_after_start_and_queues_what_fell_due_while_it_was_down()
    {
        var folder = BotHost.NewFolder();
        long sessionId;
        await using (var before = await BotHost.StartAsync(api: null, folder: folder))
        {
            sessionId = await SeedDueSessionAsync(before);
        }

        var ran = new RanJobs();
        await using var host = await BotHost.StartAsync(api: null, folder: folder, configure: b =>
        {
            WithSessionJobs(b);
            b.Services.AddQuartz(q => q.AddJobListener(ran, [Matchers.AllJobs()]));
        });

        // The start-up run and the every-minute trigger's first firing come at the same moment; either may be first.
        var first = await ran.FirstAsync(SessionReminderJob.Key, Patience);

        Assert.NotNull(first);
        await using var scope = host.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<TimporaDb>().Outbox
            .Where(o => o.IdempotencyKey != null && o.IdempotencyKey.StartsWith(Sessions.KeyPrefix(sessionId)))
            .Select(o => o.IdempotencyKey!)
            .ToListAsync();
        Assert.Contains(keys, k => k.Contains(":coord:WeekBefore:", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.Contains(":ThreeDaysBefore:", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("collective session reminders", StringComparison.Ordinal) && l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Looks_for_due_session_reminders_every_minute()
    {
        var started = TimeProvider.System.GetUtcNow();
        await using var host = await BotHost.StartAsync(api: null, configure: WithSessionJobs);
        var scheduler = await SchedulerAsync(host);

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey(SessionJobs.ReminderTrigger)));

        Assert.Equal(SessionReminderJob.Key, trigger.JobKey);
        Assert.Equal(TimeSpan.FromMinutes(1), trigger.RepeatInterval);
        Assert.Equal(Quartz.Impl.Triggers.SimpleTriggerImpl.RepeatIndefinitely, trigger.RepeatCount);
        Assert.InRange(trigger.StartTimeUtc - started, TimeSpan.FromSeconds(-1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Keeps_one_job_and_the_other_jobs_even_when_added_twice()
    {
        await using var host = await BotHost.StartAsync(api: null, configure: b =>
        {
            WithSessionJobs(b);
            WithSessionJobs(b);
        });
        var scheduler = await SchedulerAsync(host);

        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup());
        var triggers = await scheduler.GetTriggersOfJob(SessionReminderJob.Key);

        Assert.Contains(new JobKey("housekeeping"), jobs);
        Assert.Contains(SessionReminderJob.Key, jobs);
        Assert.Single(triggers, t => t.Key.Name == SessionJobs.ReminderTrigger);
        Assert.Equal(SchedulerStatus.Running, scheduler.Status);
        Assert.Single(host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "QuartzHostedService");
    }

    [Fact]
    public async Task Resolves_the_reminders_in_a_scope_of_the_host()
    {
        await using var host = await BotHost.StartAsync(api: null, configure: WithSessionJobs);
        await using var scope = host.Services.CreateAsyncScope();

        var sent = await scope.ServiceProvider.GetRequiredService<SessionReminders>().SendDueAsync(CancellationToken.None);

        Assert.Equal(0, sent);
    }

    [Fact]
    public async Task Logs_a_failure_instead_of_throwing_it_into_the_scheduler()
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var empty = new ServiceCollection().BuildServiceProvider();

        await new SessionReminderJob(empty.GetRequiredService<IServiceScopeFactory>(), factory.CreateLogger<SessionReminderJob>()).Execute(null!, CancellationToken.None);

        Assert.Single(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("collective session reminders", StringComparison.Ordinal));
    }

    /// <summary>
    /// A session approved for the day after tomorrow at 08.00 with one applicant who joined by the link: the
    /// coordinator's week stage (the roster is short) and the applicant's three-day stage are both due already.
    /// </summary>
    private static async Task<long> SeedDueSessionAsync(BotHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var sessions = services.GetRequiredService<Sessions>();
        var db = services.GetRequiredService<TimporaDb>();
        var now = TimeProvider.System.GetUtcNow();
        var date = services.GetRequiredService<WorkingCalendar>().Today(now).AddDays(2);
        var facts = new SessionFacts(
            OrganisationKind.Pesantren, "Pesantren Al-Hidayah", "Ustaz Hasan", "+6281298765432", SessionPurpose.Umrah, 40,
            null, "Kec. Cikeusal, Kabupaten Serang", "Aula pesantren", [new PreferredDate(date, DayPart.Morning)]);
        var session = await sessions.RequestAsync(new ConversationAddress(Channel.Telegram, "7001"), Language.Indonesian, facts, now, CancellationToken.None);
        await db.SaveChangesAsync();
        await sessions.ScheduleAsync(session, SessionStatus.Approved, date, new TimeOnly(8, 0), [1], now, CancellationToken.None);
        await sessions.AddAsync(
            session,
            new ApplicantFacts("Ahmad Yani", "3604010101900001", new DateOnly(1990, 1, 1), PassportKind.New, "+6281234567890"),
            ApplicantSource.Link,
            new ConversationAddress(Channel.Telegram, "6001"),
            Language.Indonesian,
            now.AddDays(-7),
            CancellationToken.None);
        await db.SaveChangesAsync();
        return session.Id;
    }

    /// <summary>Program.cs adds the jobs; adding them here again must be harmless (and covers a Program.cs without them).</summary>
    private static void WithSessionJobs(WebApplicationBuilder builder) => builder.Services.AddSessionJobs();

    private static async Task<IScheduler> SchedulerAsync(BotHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        using var patience = new CancellationTokenSource(Patience);
        while (scheduler.Status != SchedulerStatus.Running)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), patience.Token);
        }

        return scheduler;
    }

    /// <summary>The trigger of each job's first firing, as the scheduler ran them.</summary>
    private sealed class RanJobs : IJobListener
    {
        private readonly ConcurrentDictionary<JobKey, TaskCompletionSource<TriggerKey>> _first = new();

        public string Name => nameof(RanJobs);

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            First(context.JobDetail.Key).TrySetResult(context.Trigger.Key);
            return ValueTask.CompletedTask;
        }

        public Task<TriggerKey> FirstAsync(JobKey job, TimeSpan patience) => First(job).Task.WaitAsync(patience);

        private TaskCompletionSource<TriggerKey> First(JobKey job) =>
            _first.GetOrAdd(job, _ => new TaskCompletionSource<TriggerKey>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
