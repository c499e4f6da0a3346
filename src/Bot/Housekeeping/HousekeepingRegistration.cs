using Quartz;
using Timpora.Core.Information;

namespace Timpora.Bot.Housekeeping;

public static class HousekeepingRegistration
{
    /// <summary>Nightly housekeeping at 02:30 office time, when nobody is chatting.</summary>
    public static IServiceCollection AddHousekeeping(this IServiceCollection services, IConfiguration configuration)
    {
        var zone = configuration[$"{OfficeOptions.SectionName}:{nameof(OfficeOptions.TimeZone)}"] is { Length: > 0 } id
            && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        services.AddQuartz(q =>
        {
            var key = new JobKey("housekeeping");
            q.AddJob<HousekeepingJob>(j => j.WithIdentity(key));
            q.AddTrigger(t => t.ForJob(key).WithIdentity("housekeeping-nightly")
                .WithCronSchedule("0 30 2 * * ?", c => c.InTimeZone(zone)));
        });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        return services;
    }
}
