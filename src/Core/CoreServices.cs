using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Information;
using Timpora.Core.Menu;
using Timpora.Core.Officers;
using Timpora.Core.Places;
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

        services.AddScoped<IFlow, MenuFlow>();
        services.AddScoped<IFlow, HelpFlow>();
        services.AddScoped<IFlow, LanguageFlow>();
        services.AddScoped<IFlow, InformationFlow>();
        services.AddScoped<IFlow, BookingFlow>();
        services.AddScoped<IFlow, VisitsFlow>();
        services.AddScoped<MoveFlow>();
        services.AddScoped<IFlow>(sp => sp.GetRequiredService<MoveFlow>());
        services.AddScoped<IFlow, DutyFlow>();
        return services;
    }
}
