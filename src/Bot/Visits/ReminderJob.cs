using Quartz;
using Timpora.Core.Visits;

namespace Timpora.Bot.Visits;

/// <summary>Looks for due visit reminders; <see cref="Reminders"/> decides what is due and keeps each to once.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(IServiceScopeFactory scopes, ILogger<ReminderJob> log) : DueNoticesJob(scopes, log)
{
    public static readonly JobKey Key = new("visit-reminders");

    protected override string Work => "visit reminders";

    protected override Task<int> QueueDueAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<Reminders>().SendDueAsync(ct);
}
