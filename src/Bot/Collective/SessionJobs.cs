using Quartz;

namespace Timpora.Bot.Collective;

/// <summary>
/// The collective sessions' clockwork: every minute, and once at every start so what fell due while the service was
/// down goes out, the reminder job asks the database what is due. The reminders go out at Collective:ReminderAt on
/// their day; a minute's look is late by at most a minute.
/// </summary>
public static class SessionJobs
{
    public const string ReminderTrigger = "session-reminders-every-minute";

    public static IServiceCollection AddSessionJobs(this IServiceCollection services)
    {
        // Quartz refuses a job added twice; a second call (a test host on top of Program.cs) changes nothing.
        if (services.Any(d => d.ServiceType == typeof(SessionReminderJob)))
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            q.AddJob<SessionReminderJob>(j => j.WithIdentity(SessionReminderJob.Key));
            q.AddTrigger(t => t.ForJob(SessionReminderJob.Key).WithIdentity(ReminderTrigger)
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));
            q.RunAtStartup(SessionReminderJob.Key);
        });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        return services;
    }
}
