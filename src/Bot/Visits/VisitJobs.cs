using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;
using Timpora.Core.Scheduling;

namespace Timpora.Bot.Visits;

/// <summary>
/// The Jemput Bola clockwork: the officers' morning schedule and the applicants' reminders. The database decides
/// what is due; Quartz only decides when to look. Both jobs also run once at every start, so a service that was
/// down at ScheduleAt or at a reminder time catches up.
/// </summary>
public static class VisitJobs
{
    public const string MorningTrigger = "morning-schedule-daily";
    public const string ReminderTrigger = "visit-reminders-every-minute";

    /// <remarks>
    /// The time and zone come from the same options Core reads (JemputBola:ScheduleAt, Office:TimeZone), when the
    /// scheduler is built, so they have been bound and validated by then.
    /// </remarks>
    public static IServiceCollection AddVisitJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Quartz refuses a job added twice; a second call (a test host on top of Program.cs) changes nothing.
        if (services.Any(d => d.ServiceType == typeof(MorningScheduleJob)))
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            q.AddJob<MorningScheduleJob>(j => j.WithIdentity(MorningScheduleJob.Key));
            q.AddTrigger((sp, t) => t.ForJob(MorningScheduleJob.Key).WithIdentity(MorningTrigger)
                .WithCronSchedule(
                    DailyAt(sp.GetRequiredService<IOptions<JemputBolaOptions>>().Value.ScheduleAt),
                    c => c.InTimeZone(sp.GetRequiredService<WorkingCalendar>().Zone)));
            q.RunAtStartup(MorningScheduleJob.Key);

            q.AddJob<ReminderJob>(j => j.WithIdentity(ReminderJob.Key));
            q.AddTrigger(t => t.ForJob(ReminderJob.Key).WithIdentity(ReminderTrigger)
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));
            q.RunAtStartup(ReminderJob.Key);
        });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>Quartz cron (seconds first) for every day at <paramref name="time"/>; the job itself skips days off.</summary>
    public static string DailyAt(TimeOnly time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Second} {time.Minute} {time.Hour} * * ?");
}
