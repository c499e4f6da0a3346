namespace Timpora.Bot.Delivery;

public static class DeliveryRegistration
{
    /// <summary>The inbox, the turns it feeds and the outbox dispatcher.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddSingleton<Inbox>();
        services.AddSingleton<Reachability>();
        services.AddSingleton<TurnRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnRunner>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
