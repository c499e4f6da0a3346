using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Timpora.Bot.Delivery;
using Timpora.Core.Messaging;

namespace Timpora.Bot.Telegram;

public static class TelegramRegistration
{
    /// <summary>The Telegram channel; with no token it stays off and the host says how to turn it on.</summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        var enabled = !string.IsNullOrEmpty(configuration[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.BotToken)}"]);
        if (!enabled)
        {
            services.AddHostedService<TelegramOffNotice>();
            services.TryAddSingleton<IFileSource, NoFiles>();
            return services;
        }

        // No per-client timeout: long polls need more than the default 100 s on a slow day; each call sets its own.
        services.AddHttpClient<TelegramClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<TelegramSender>();

        // Replace, not add: a host may have registered NoFiles as the default before Telegram came in.
        services.Replace(ServiceDescriptor.Singleton<IFileSource, TelegramFiles>());
        services.AddSingleton<TelegramChannel>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<TelegramChannel>());
        services.AddSingleton<TelegramReceiver>();
        services.AddHostedService<TelegramPolling>();
        return services;
    }

    private sealed class TelegramOffNotice(ILogger<TelegramOffNotice> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            log.LogWarning("Telegram is off: no bot token. Set the environment variable Telegram__BotToken (from @BotFather) to turn it on; meanwhile try the bot with 'dotnet run --project src/Bot -- chat'");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
