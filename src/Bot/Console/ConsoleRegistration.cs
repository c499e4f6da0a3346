using Timpora.Bot.Delivery;

namespace Timpora.Bot.Console;

public static class ConsoleRegistration
{
    public static IServiceCollection AddConsoleChat(this IServiceCollection services)
    {
        services.AddSingleton<IChannelSender>(_ => new ConsoleChannel(System.Console.Out));
        services.AddHostedService(sp => new ConsoleChat(
            sp.GetRequiredService<Inbox>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            System.Console.In,
            System.Console.Out));
        return services;
    }
}
