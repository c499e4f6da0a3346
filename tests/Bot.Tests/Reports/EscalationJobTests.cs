using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using Timpora.Bot.Reports;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Messaging;
using Timpora.Core.Officers;
using Timpora.Core.Reports;
using Timpora.Core.Storage;
using Timpora.Testing;
using OfficerService = Timpora.Core.Officers.Officers;
using ReportService = Timpora.Core.Reports.Reports;

namespace Timpora.Bot.Tests.Reports;

/// <summary>
/// The escalation job in the real host (Program.Build, appsettings.json, a SQLite file) with its clock moved to
/// Monday 5 January 2026, 09:00 WIB. Telegram is off, so what the job queues stays in the outbox to be read.
/// </summary>
public sealed class EscalationJobTests
{
    private const string SupervisorChat = "83001";
    private const string OfficerChat = "83002";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, Wib);

    [Fact]
    public async Task Looks_for_reports_waiting_too_long_every_five_minutes()
    {
        var started = TimeProvider.System.GetUtcNow();
        await using var host = await BotHost.StartAsync(api: null);
        var scheduler = await SchedulerAsync(host);

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey(ReportJobs.EscalationTrigger)));

        Assert.Equal(EscalationJob.Key, trigger.JobKey);
        Assert.Equal(TimeSpan.FromMinutes(5), trigger.RepeatInterval);
        Assert.Equal(Quartz.Impl.Triggers.SimpleTriggerImpl.RepeatIndefinitely, trigger.RepeatCount);
        Assert.InRange(trigger.StartTimeUtc - started, TimeSpan.FromSeconds(-1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Runs_once_right_after_start_without_an_error()
    {
        var ran = new RanJobs();
        await using var host = await BotHost.StartAsync(api: null, configure: b => b.Services.AddQuartz(q => q.AddJobListener(ran, [Matchers.AllJobs()])));

        // The five-minute trigger starts now as well; the start-up run is the one that must not be missing.
        var atStartup = await ran.FirstAsync(EscalationJob.Key, SchedulerConstants.StartupGroup, Patience);

        Assert.Null(atStartup);
        Assert.DoesNotContain("Could not queue report escalations", host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_one_job_and_one_trigger_when_registered_twice()
    {
        await using var host = await BotHost.StartAsync(api: null, configure: b => b.Services.AddReportJobs());
        var scheduler = await SchedulerAsync(host);

        var triggers = await scheduler.GetTriggersOfJob(EscalationJob.Key);

        Assert.Single(triggers, t => t.Key.Name == ReportJobs.EscalationTrigger);
        Assert.Single(host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "QuartzHostedService");
    }

    [Fact]
    public async Task Sends_a_report_nobody_claimed_to_the_supervisors_once_when_it_is_due()
    {
        var clock = new ShiftedTimeProvider(Monday);
        await using var host = await BotHost.StartAsync(api: null, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var supervisor = await EnrolAsync(host, clock, "Dewi", OfficerRole.Supervisor, SupervisorChat);
        await EnrolAsync(host, clock, "Budi", OfficerRole.Officer, OfficerChat);
        var report = await FileAsync(host, clock);

        clock.JumpTo(Monday.AddHours(3).AddMinutes(55));
        await RunAsync(host);
        var early = await EscalationsAsync(host);
        clock.JumpTo(Monday.AddHours(4).AddMinutes(1));
        await RunAsync(host);
        await RunAsync(host);

        Assert.Empty(early);
        var sent = Assert.Single(await EscalationsAsync(host));
        Assert.Equal(Escalations.Key(report.Id, supervisor), sent.IdempotencyKey);
        Assert.Equal(SupervisorChat, sent.ChatKey);
        var card = MessageJson.Read<OutgoingMessage>(sent.Message!);
        Assert.StartsWith($"⏰ <b>Belum ada yang menangani laporan {report.Number}</b>", card.Text, StringComparison.Ordinal);
        Assert.NotNull(await host.InScopeAsync(db => db.Reports.Where(r => r.Id == report.Id).Select(r => r.EscalatedAt).SingleAsync()));
    }

    [Fact]
    public async Task Leaves_a_claimed_report_alone()
    {
        var clock = new ShiftedTimeProvider(Monday);
        await using var host = await BotHost.StartAsync(api: null, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        await EnrolAsync(host, clock, "Dewi", OfficerRole.Supervisor, SupervisorChat);
        var budi = await EnrolAsync(host, clock, "Budi", OfficerRole.Officer, OfficerChat);
        var report = await FileAsync(host, clock);
        await host.InScopeAsync(async db =>
        {
            Assert.True((await db.Reports.SingleAsync(r => r.Id == report.Id)).Claim(budi));
            return await db.SaveChangesAsync();
        });

        clock.JumpTo(Monday.AddDays(2));
        await RunAsync(host);

        Assert.Empty(await EscalationsAsync(host));
        Assert.Null(await host.InScopeAsync(db => db.Reports.Where(r => r.Id == report.Id).Select(r => r.EscalatedAt).SingleAsync()));
    }

    private static async Task RunAsync(BotHost host) =>
        await new EscalationJob(host.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<EscalationJob>.Instance).Execute(null!, CancellationToken.None);

    private static Task<List<Core.Delivery.OutboxMessage>> EscalationsAsync(BotHost host) =>
        host.InScopeAsync(db => db.Outbox.AsNoTracking().Where(o => o.IdempotencyKey != null && o.IdempotencyKey.Contains(":escalate:")).ToListAsync());

    private static async Task<long> EnrolAsync(BotHost host, TimeProvider clock, string name, OfficerRole role, string chat)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var officers = scope.ServiceProvider.GetRequiredService<OfficerService>();
        var db = scope.ServiceProvider.GetRequiredService<TimporaDb>();
        var code = officers.Invite(name, role, clock.GetUtcNow());
        await db.SaveChangesAsync();
        var enrolment = await officers.EnrolAsync(code, new ConversationAddress(Channel.Telegram, chat), clock.GetUtcNow(), CancellationToken.None);
        await db.SaveChangesAsync();
        return enrolment.Officer!.Id;
    }

    private static async Task<Report> FileAsync(BotHost host, TimeProvider clock)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var draft = new ReportDraft { Category = ReportCategory.Overstay, Text = "Dua orang asing tinggal lewat izin di kontrakan.", Seen = SeenPeriod.Today };
        var submitted = await scope.ServiceProvider.GetRequiredService<ReportService>().SubmitAsync(draft, Channel.Telegram, clock.GetUtcNow(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<TimporaDb>().SaveChangesAsync();
        return submitted.Report!;
    }

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

    /// <summary>Each job's first firing by a trigger of each group, with the exception it ended with (null when none).</summary>
    private sealed class RanJobs : IJobListener
    {
        private readonly ConcurrentDictionary<(JobKey, string), TaskCompletionSource<JobExecutionException?>> _first = new();

        public string Name => nameof(RanJobs);

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            First(context.JobDetail.Key, context.Trigger.Key.Group).TrySetResult(jobException);
            return ValueTask.CompletedTask;
        }

        public Task<JobExecutionException?> FirstAsync(JobKey job, string group, TimeSpan patience) => First(job, group).Task.WaitAsync(patience);

        private TaskCompletionSource<JobExecutionException?> First(JobKey job, string group) =>
            _first.GetOrAdd((job, group), _ => new TaskCompletionSource<JobExecutionException?>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
