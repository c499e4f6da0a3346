using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Timpora.Bot.Delivery;
using Timpora.Core;
using Timpora.Core.Collective;
using Timpora.Core.Information;
using Timpora.Core.Messaging;
using Timpora.Core.Places;
using Timpora.Core.Privacy;
using Timpora.Core.Reports;
using Timpora.Core.Scheduling;

namespace Timpora.Bot.Conversations;

public static class ConversationRegistration
{
    /// <summary>The engine, every flow and domain service (Core's list), and the options they read, checked at start.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<OfficeOptions>(OfficeOptions.SectionName);
        services.AddSection<CollectiveOptions>(CollectiveOptions.SectionName);
        services.AddSection<JemputBolaOptions>(JemputBolaOptions.SectionName);
        services.AddSection<CalendarOptions>(CalendarOptions.SectionName);
        services.AddSection<AreaOptions>(AreaOptions.SectionName);
        services.AddSection<ReportsOptions>(ReportsOptions.SectionName);

        services.AddSingleton(TimeProvider.System);
        // Loaded now, not on first use, so a bad key stops the host at start with a message naming the key.
        var pseudonyms = new Pseudonyms(PseudonymKey.Load(configuration));
        services.AddSingleton(pseudonyms);
        services.AddCore();

        // Reports fetch photos through the channel; with no channel that can (the terminal chat), none can be fetched.
        services.TryAddSingleton<IFileSource, NoFiles>();
        return services;
    }

    private static void AddSection<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section));
    }
}
