using System.Collections.Concurrent;
using Quartz;
using Timpora.Bot.Tests.Support;
using Timpora.Bot.Visits;

namespace Timpora.Bot.Tests.Visits;

public sealed class VisitJobsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Sends_the_morning_schedule_daily_at_six_office_time()
    {
        var started = TimeProvider.System.GetUtcNow();
        await using var host = await BotHost.StartAsync(api: null, configure: WithVisitJobs);
        var scheduler = await SchedulerAsync(host);

        var daily = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey(VisitJobs.MorningTrigger)));

        Assert.Equal(MorningScheduleJob.Key, daily.JobKey);
        Assert.Equal("0 0 6 * * ?", daily.CronExpressionString);
        Assert.Equal("Asia/Jakarta", daily.TimeZone.Id);
        var next = daily.NextFireTimeUtc!.Value;
        Assert.Equal(new TimeSpan(23, 0, 0), next.UtcDateTime.TimeOfDay);
        Assert.InRange(next - started, TimeSpan.Zero, TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task Runs_both_jobs_once_right_after_start_to_catch_up()
    {
        var ran = new RanJobs();
        await using var host = await BotHost.StartAsync(api: null, configure: b =>
        {
            WithVisitJobs(b);
            b.Services.AddQuartz(q => q.AddJobListener(ran, [Matchers.AllJobs()]));
        });

        var morning = await ran.FirstAsync(MorningScheduleJob.Key, Patience);
        var reminders = await ran.FirstAsync(ReminderJob.Key, Patience);

        Assert.Equal(SchedulerConstants.StartupGroup, morning.Group);
        Assert.NotNull(reminders);
    }

    [Fact]
    public async Task Looks_for_due_reminders_every_minute()
    {
        var started = TimeProvider.System.GetUtcNow();
        await using var host = await BotHost.StartAsync(api: null, configure: WithVisitJobs);
        var scheduler = await SchedulerAsync(host);

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey(VisitJobs.ReminderTrigger)));

        Assert.Equal(ReminderJob.Key, trigger.JobKey);
        Assert.Equal(TimeSpan.FromMinutes(1), trigger.RepeatInterval);
        Assert.Equal(Quartz.Impl.Triggers.SimpleTriggerImpl.RepeatIndefinitely, trigger.RepeatCount);
        Assert.InRange(trigger.StartTimeUtc - started, TimeSpan.FromSeconds(-1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Takes_the_time_of_the_schedule_from_configuration()
    {
        await using var host = await BotHost.StartAsync(api: null, tweak: s => s["JemputBola:ScheduleAt"] = "05:30", configure: WithVisitJobs);
        var scheduler = await SchedulerAsync(host);

        var daily = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey(VisitJobs.MorningTrigger)));

        Assert.Equal("0 30 5 * * ?", daily.CronExpressionString);
    }

    [Fact]
    public async Task Keeps_the_other_jobs_and_one_scheduler_even_when_added_twice()
    {
        await using var host = await BotHost.StartAsync(api: null, configure: b =>
        {
            WithVisitJobs(b);
            WithVisitJobs(b);
        });
        var scheduler = await SchedulerAsync(host);

        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup());
        var morning = await scheduler.GetTriggersOfJob(MorningScheduleJob.Key);
        var reminders = await scheduler.GetTriggersOfJob(ReminderJob.Key);

        Assert.Contains(new JobKey("housekeeping"), jobs);
        Assert.Contains(MorningScheduleJob.Key, jobs);
        Assert.Contains(ReminderJob.Key, jobs);
        Assert.Single(morning, t => t.Key.Name == VisitJobs.MorningTrigger);
        Assert.Single(reminders, t => t.Key.Name == VisitJobs.ReminderTrigger);
        Assert.Equal(SchedulerStatus.Running, scheduler.Status);
        Assert.Single(host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "QuartzHostedService");
    }

    [Fact]
    public async Task Logs_a_failure_instead_of_throwing_it_into_the_scheduler()
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var empty = new ServiceCollection().BuildServiceProvider();
        var scopes = empty.GetRequiredService<IServiceScopeFactory>();

        await new ReminderJob(scopes, factory.CreateLogger<ReminderJob>()).Execute(null!, CancellationToken.None);
        await new MorningScheduleJob(scopes, factory.CreateLogger<MorningScheduleJob>()).Execute(null!, CancellationToken.None);

        Assert.Equal(2, logs.Lines.Count(l => l.StartsWith("Error", StringComparison.Ordinal)));
    }

    /// <summary>Program.cs may not list the jobs yet; adding them here twice would also have to be harmless.</summary>
    private static void WithVisitJobs(WebApplicationBuilder builder) => builder.Services.AddVisitJobs(builder.Configuration);

    /// <summary>The host's scheduler once Quartz's hosted service has started it (it does so after the host starts).</summary>
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
