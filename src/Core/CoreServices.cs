using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Information;
using Timpora.Core.Menu;
using Timpora.Core.Officers;
using Timpora.Core.Places;
using Timpora.Core.Reports;
using Timpora.Core.Scheduling;
using Timpora.Core.Visits;

namespace Timpora.Core;

/// <summary>
/// What the service does, as one list: the engine, every flow and the domain services. The host binds the options
/// from configuration and the database; tests give their own. Flows are scoped because they work in the turn's unit
/// of work: a booking and the reply that confirms it commit together.
/// </summary>
public static class CoreServices
{
    public static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.AddSingleton<BotProfile>();
        services.AddScoped<Outbox>();
        services.AddScoped<ConversationEngine>();

        services.AddSingleton<WorkingCalendar>();
        services.AddSingleton<Availability>();
        services.AddSingleton<WorkingArea>();
        services.AddScoped<Bookings>();
        services.AddScoped<Officers.Officers>();
        services.AddScoped<DayPlan>();
        services.AddScoped<MorningSchedule>();
        services.AddScoped<Reminders>();

        // Reports: the in-memory limits are singletons on purpose; they must never reach the database.
        services.AddSingleton<ReportQuota>();
        services.AddSingleton<ReceiptAttempts>();
        services.AddSingleton<StatusSessions>();
        services.AddSingleton<ReportCard>();
        services.AddScoped<ReportDesk>();
        services.AddScoped<Reports.Reports>();
        services.AddSingleton<OfficeClock>();
        services.AddScoped<Triage>();
        services.AddScoped<Escalations>();
        services.AddScoped<IFlow, TriageFlow>();

        services.AddScoped<IFlow, MenuFlow>();
        services.AddScoped<IFlow, HelpFlow>();
        services.AddScoped<IFlow, LanguageFlow>();
        services.AddScoped<IFlow, InformationFlow>();
        services.AddScoped<IFlow, BookingFlow>();
        services.AddScoped<IFlow, VisitsFlow>();
        services.AddScoped<MoveFlow>();
        services.AddScoped<IFlow>(sp => sp.GetRequiredService<MoveFlow>());
        services.AddScoped<IFlow, DutyFlow>();
        services.AddScoped<IFlow, ReportFlow>();
        services.AddScoped<IFlow, StatusFlow>();

        services.AddScoped<Sessions>();
        services.AddScoped<SessionDesk>();
        services.AddScoped<SessionReminders>();
        services.AddScoped<IFlow, CollectiveFlow>();
        services.AddScoped<IFlow, JoinFlow>();
        services.AddScoped<IFlow, RosterFlow>();
        services.AddScoped<IFlow, SessionFlow>();
        return services;
    }
}
