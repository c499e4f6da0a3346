using Quartz;
using Timpora.Bot.Visits;
using Timpora.Core.Collective;

namespace Timpora.Bot.Collective;

/// <summary>Looks for due collective session reminders; <see cref="SessionReminders"/> decides what is due and keeps each to once.</summary>
[DisallowConcurrentExecution]
public sealed class SessionReminderJob(IServiceScopeFactory scopes, ILogger<SessionReminderJob> log) : DueNoticesJob(scopes, log)
{
    public static readonly JobKey Key = new("session-reminders");

    protected override string Work => "collective session reminders";

    protected override Task<int> QueueDueAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SessionReminders>().SendDueAsync(ct);
}
