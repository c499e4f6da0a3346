using System.Globalization;
using Serilog;
using Timpora.Bot;
using Timpora.Bot.Console;
using Timpora.Bot.Conversations;
using Timpora.Bot.Delivery;
using Timpora.Bot.Housekeeping;
using Timpora.Bot.Storage;
using Timpora.Bot.Telegram;
using Timpora.Core.Privacy;

var chat = args.Length > 0 && args[0] == "chat";
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateLogger();
try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = chat ? args[1..] : args,

        // appsettings.json sits at the repository root and is copied next to the binary; use whichever is here.
        ContentRootPath = File.Exists("appsettings.json") ? Directory.GetCurrentDirectory() : AppContext.BaseDirectory,
    });
    if (chat)
    {
        builder.WebHost.UseUrls("http://127.0.0.1:0");
    }

    builder.AddSerilog(chat);
    builder.Services.AddStorage(builder.Configuration);
    builder.Services.AddConversations(builder.Configuration);
    builder.Services.AddDelivery();
    builder.Services.AddHousekeeping();
    if (chat)
    {
        builder.Services.AddConsoleChat();
    }
    else
    {
        builder.Services.AddTelegram(builder.Configuration);
    }

    var app = builder.Build();
    _ = app.Services.GetRequiredService<Pseudonyms>();
    await app.Services.MigrateDatabaseAsync();
    app.MapHealthChecks("/healthz");
    app.MapTelegramWebhook();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "Timpora Bot could not start: {Reason}", ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Visible to the host tests (WebApplicationFactory).</summary>
public partial class Program;
