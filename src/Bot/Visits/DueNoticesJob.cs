using Quartz;
using Timpora.Bot.Delivery;

namespace Timpora.Bot.Visits;

/// <summary>
/// A job that asks a Core service what is due and queues it, in its own unit of work. It wakes the dispatcher when it
/// queued something, and logs a failure instead of throwing it, so the scheduler keeps the next firing.
/// </summary>
public abstract class DueNoticesJob(IServiceScopeFactory scopes, ILogger log) : IJob
{
    /// <summary>What the job does, for the log line of a failure, e.g. "the morning schedule".</summary>
    protected abstract string Work { get; }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await QueueDueAsync(scope.ServiceProvider, cancellationToken) > 0)
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
            log.LogError(ex, "Could not queue {Work}; the next firing tries again", Work);
        }
    }

    /// <summary>Queues what is due now and commits it; returns how many recipients got something.</summary>
    protected abstract Task<int> QueueDueAsync(IServiceProvider services, CancellationToken ct);
}
