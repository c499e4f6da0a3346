using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Timpora.Bot.Telegram;

/// <summary>
/// The endpoint Telegram posts updates to in webhook mode. It answers 200 only once the update is stored, so
/// Telegram keeps retrying anything we could not take; a request without the right secret is refused.
/// </summary>
public static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static WebApplication MapTelegramWebhook(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!settings.Enabled || !settings.UsesWebhook)
        {
            return app;
        }

        var path = new Uri(settings.WebhookUrl!).AbsolutePath;
        var secret = Encoding.UTF8.GetBytes(settings.WebhookSecret!);
        app.MapPost(path, async (HttpRequest request, TelegramReceiver receiver, ILoggerFactory logs, CancellationToken ct) =>
        {
            var given = Encoding.UTF8.GetBytes(request.Headers[SecretHeader].ToString());
            if (!CryptographicOperations.FixedTimeEquals(given, secret))
            {
                return Results.Unauthorized();
            }

            Update update;
            try
            {
                update = TelegramJson.ReadUpdate(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, TelegramJson.Options, ct));
            }
            catch (JsonException ex)
            {
                // Retrying a body we cannot read would fail the same way: take it and move on.
                logs.CreateLogger(typeof(TelegramWebhook)).LogWarning(ex, "Unreadable webhook body skipped");
                return Results.Ok();
            }

            await receiver.ReceiveAsync([update], ct);
            return Results.Ok();
        });
        return app;
    }
}
