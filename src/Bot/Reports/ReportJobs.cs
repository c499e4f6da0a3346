using Quartz;

namespace Timpora.Bot.Reports;

/// <summary>
/// The reports' clockwork: every five minutes, and once at every start so what fell due while the service was down
/// goes out, the escalation job looks for reports waiting too long. Office time is counted in Core; a five-minute
/// look is late by at most five minutes of a four-hour wait.
/// </summary>
public static class ReportJobs
{
    public const string EscalationTrigger = "report-escalations-every-5-minutes";

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddReportJobs(this IServiceCollection services)
    {
        // Quartz refuses a job added twice; a second call (a test host on top of Program.cs) changes nothing.
        if (services.Any(d => d.ServiceType == typeof(EscalationJob)))
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            q.AddJob<EscalationJob>(j => j.WithIdentity(EscalationJob.Key));
            q.AddTrigger(t => t.ForJob(EscalationJob.Key).WithIdentity(EscalationTrigger)
                .WithSimpleSchedule(s => s.WithInterval(Interval).RepeatForever()));
            q.RunAtStartup(EscalationJob.Key);
        });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        return services;
    }
}
