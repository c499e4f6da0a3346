using System.Globalization;
using Serilog;
using Serilog.Events;

namespace Timpora.Bot;

public static class LoggingRegistration
{
    /// <summary>
    /// Serilog: console always (quiet in the terminal chat), sinks such as a rolling file from the Serilog section.
    /// HttpClient's own request logging is removed because every Telegram URL carries the bot token.
    /// </summary>
    public static WebApplicationBuilder AddSerilog(this WebApplicationBuilder builder, bool quietConsole)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                formatProvider: CultureInfo.InvariantCulture,
                restrictedToMinimumLevel: quietConsole ? LogEventLevel.Error : LogEventLevel.Verbose,
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        Log.Logger = logger;
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        builder.Services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
        return builder;
    }
}
