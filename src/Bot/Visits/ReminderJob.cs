using Quartz;
using Timpora.Bot.Delivery;
using Timpora.Core.Visits;

namespace Timpora.Bot.Visits;

/// <summary>Looks for due visit reminders; <see cref="Reminders"/> decides what is due and keeps each to once.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(IServiceScopeFactory scopes, ILogger<ReminderJob> log) : IJob
{
    public static readonly JobKey Key = new("visit-reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reminders = await scope.ServiceProvider.GetRequiredService<Reminders>().SendDueAsync(cancellationToken);
            if (reminders > 0)
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
            log.LogError(ex, "Visit reminders could not be checked");
        }
    }
}
