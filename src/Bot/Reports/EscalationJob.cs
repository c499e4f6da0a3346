using Quartz;
using Timpora.Bot.Visits;
using Timpora.Core.Reports;

namespace Timpora.Bot.Reports;

/// <summary>Tells the supervisors about reports nobody claimed in time; <see cref="Escalations"/> decides which and keeps each to once.</summary>
[DisallowConcurrentExecution]
public sealed class EscalationJob(IServiceScopeFactory scopes, ILogger<EscalationJob> log) : DueNoticesJob(scopes, log)
{
    public static readonly JobKey Key = new("report-escalations");

    protected override string Work => "report escalations";

    protected override Task<int> QueueDueAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<Escalations>().SendDueAsync(ct);
}
