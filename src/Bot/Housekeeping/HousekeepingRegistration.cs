using Quartz;

namespace Timpora.Bot.Housekeeping;

public static class HousekeepingRegistration
{
    public static IServiceCollection AddHousekeeping(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            var key = new JobKey("housekeeping");
            q.AddJob<HousekeepingJob>(j => j.WithIdentity(key));
            q.AddTrigger(t => t.ForJob(key).WithIdentity("housekeeping-nightly")
                .WithCronSchedule("0 30 2 * * ?", c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"))));
        });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        return services;
    }
}
