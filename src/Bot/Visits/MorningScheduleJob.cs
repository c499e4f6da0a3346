using Quartz;
using Timpora.Core.Officers;

namespace Timpora.Bot.Visits;

/// <summary>Sends the officers' day when it is due; <see cref="MorningSchedule"/> decides whether it is and keeps it to once a day.</summary>
[DisallowConcurrentExecution]
public sealed class MorningScheduleJob(IServiceScopeFactory scopes, ILogger<MorningScheduleJob> log) : DueNoticesJob(scopes, log)
{
    public static readonly JobKey Key = new("morning-schedule");

    protected override string Work => "the morning schedule";

    protected override Task<int> QueueDueAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<MorningSchedule>().SendDueAsync(ct);
}
