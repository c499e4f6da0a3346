using Microsoft.Extensions.DependencyInjection.Extensions;
using Timpora.Bot.Delivery;

namespace Timpora.Bot.Console;

public static class ConsoleRegistration
{
    public static IServiceCollection AddConsoleChat(this IServiceCollection services)
    {
        services.TryAddSingleton(new ConsoleIo(System.Console.In, System.Console.Out));
        services.AddSingleton<IChannelSender>(sp => new ConsoleChannel(sp.GetRequiredService<ConsoleIo>().Output));
        services.AddHostedService<ConsoleChat>();
        return services;
    }
}
