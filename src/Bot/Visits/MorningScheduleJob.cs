using Quartz;
using Timpora.Bot.Delivery;
using Timpora.Core.Officers;

namespace Timpora.Bot.Visits;

/// <summary>Sends the officers' day when it is due; <see cref="MorningSchedule"/> decides whether it is and keeps it to once a day.</summary>
[DisallowConcurrentExecution]
public sealed class MorningScheduleJob(IServiceScopeFactory scopes, ILogger<MorningScheduleJob> log) : IJob
{
    public static readonly JobKey Key = new("morning-schedule");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var officers = await scope.ServiceProvider.GetRequiredService<MorningSchedule>().SendDueAsync(cancellationToken);
            if (officers > 0)
            {
                scope.ServiceProvider.GetService<OutboxDispatcher>()?.Wake();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping; the next start catches up.
        }
        catch (Exception ex)
        {
            // Logged, not thrown: the scheduler must keep the next firing.
            log.LogError(ex, "The morning schedule could not be sent");
        }
    }
}
