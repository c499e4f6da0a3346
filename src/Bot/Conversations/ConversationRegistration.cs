using Microsoft.Extensions.Options;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Information;
using Timpora.Core.Menu;
using Timpora.Core.Privacy;

namespace Timpora.Bot.Conversations;

public static class ConversationRegistration
{
    /// <summary>The engine, every flow, and the options they read, checked at start.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<OfficeOptions>(OfficeOptions.SectionName);
        services.AddSection<CollectiveOptions>(CollectiveOptions.SectionName);

        services.AddSingleton(TimeProvider.System);
        // Loaded now, not on first use, so a bad key stops the host at start with a message naming the key.
        var pseudonyms = new Pseudonyms(PseudonymKey.Load(configuration));
        services.AddSingleton(pseudonyms);
        services.AddSingleton<BotProfile>();
        services.AddScoped<Outbox>();
        services.AddScoped<ConversationEngine>();

        services.AddSingleton<IFlow, MenuFlow>();
        services.AddSingleton<IFlow, HelpFlow>();
        services.AddSingleton<IFlow, LanguageFlow>();
        services.AddSingleton<IFlow, InformationFlow>();
        return services;
    }

    private static void AddSection<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new SectionValidator<T>(section));
    }
}
