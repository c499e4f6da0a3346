using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Timpora.Bot.Delivery;
using Timpora.Bot.Telegram;
using Timpora.Core.Messaging;

namespace Timpora.Bot.Tests.Telegram;

public sealed class TelegramRegistrationTests
{
    [Fact]
    public void With_a_token_files_come_from_telegram()
    {
        using var services = Build(token: "123456:TEST-token-abc");

        Assert.IsType<TelegramFiles>(services.GetRequiredService<IFileSource>());
    }

    [Fact]
    public void Without_a_token_there_is_still_a_file_source_and_it_has_no_files()
    {
        using var services = Build(token: null);

        Assert.IsType<NoFiles>(services.GetRequiredService<IFileSource>());
    }

    [Fact]
    public void Telegram_takes_the_place_of_a_default_registered_before_it()
    {
        using var services = Build(token: "123456:TEST-token-abc", before: s => s.TryAddSingleton<IFileSource, NoFiles>());

        Assert.IsType<TelegramFiles>(Assert.Single(services.GetServices<IFileSource>()));
    }

    private static ServiceProvider Build(string? token, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Telegram:BotToken"] = token })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        before?.Invoke(services);
        services.AddTelegram(configuration);
        return services.BuildServiceProvider();
    }
}
