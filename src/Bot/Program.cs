using System.Globalization;
using Serilog;
using Timpora.Bot;
using Timpora.Bot.Console;
using Timpora.Bot.Conversations;
using Timpora.Bot.Delivery;
using Timpora.Bot.Housekeeping;
using Timpora.Bot.Officers;
using Timpora.Bot.Storage;
using Timpora.Bot.Telegram;
using Timpora.Bot.Visits;

Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateLogger();
try
{
    var app = Program.Build(args);
    if (OfficersCommand.IsVerb(args))
    {
        // officers invite|list|remove: one command against the database; the service itself is not started.
        await using (app)
        {
            return await OfficersCommand.RunAsync(app.Services, args[1..], new ConsoleIo(System.Console.In, System.Console.Out), CancellationToken.None);
        }
    }

    await app.RunAsync();
    return 0;
}
catch (Exception ex)
{
    Log.Fatal(ex, "Timpora Bot could not start: {Reason}", ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

public partial class Program
{
    /// <summary>
    /// The table of contents: one line per feature. <c>chat</c> as the first argument swaps Telegram for the terminal.
    /// Tests build the same application with their own arguments (a fake Bot API, a temporary database).
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var chat = args.Length > 0 && args[0] == "chat";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = chat ? args[1..] : args,

            // appsettings.json sits at the repository root (dotnet run starts there) and is copied next to the binary.
            ContentRootPath = File.Exists("appsettings.json") ? Directory.GetCurrentDirectory() : AppContext.BaseDirectory,
        });
        if (chat)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        builder.AddSerilog(quietConsole: chat);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddConversations(builder.Configuration);
        builder.Services.AddDelivery();
        builder.Services.AddHousekeeping(builder.Configuration);
        builder.Services.AddVisitJobs(builder.Configuration);
        Timpora.Bot.Collective.SessionJobs.AddSessionJobs(builder.Services);
        Timpora.Bot.Reports.ReportJobs.AddReportJobs(builder.Services);
        if (chat)
        {
            builder.Services.AddConsoleChat();
        }
        else
        {
            builder.Services.AddTelegram(builder.Configuration);
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapHealthChecks("/healthz");
        app.MapTelegramWebhook();
        return app;
    }
}
